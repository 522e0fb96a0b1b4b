package io.github.jpamigrate.plugin.baseline;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One accepted difference: one schema object (a table, a column, a table's primary key, one
 * foreign key, unique constraint or index) as the database has it and as the model says, either
 * side possibly absent. Objects are matched as the diff matches them (a foreign key by its column
 * pairs and referenced table, whatever its on-delete action; a unique constraint by its column set;
 * an index by its ordered columns), so that one item is one thing a user can name.
 *
 * @param id       the stable name of the object, e.g. {@code orders.name}, {@code orders.index:created_at},
 *                 {@code orders.fk:customer_id->customer}, {@code audit_log} (a whole table)
 * @param kind     what kind of object it is
 * @param table    the table it belongs to (for a table item, the table itself)
 * @param database the object as the database has it ({@link Table}, {@link Column}, {@link PrimaryKey},
 *                 {@link ForeignKey}, {@link UniqueConstraint} or {@link Index}), or null when it lacks it
 * @param model    the object as the model said when the item was accepted, or null when the model lacks it
 * @param since    when it was accepted: the newest migration then and the date of adoption
 */
public record DriftItem(String id, Kind kind, String table, Object database, Object model, String since) {

    /** The kinds of objects an item can be, each with its word in the baseline file. */
    public enum Kind {
        TABLE, COLUMN, PRIMARY_KEY, FOREIGN_KEY, UNIQUE, INDEX;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind fromJsonName(String name) {
            for (Kind kind : values()) {
                if (kind.jsonName().equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public DriftItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (database == null && model == null) {
            throw new IllegalArgumentException("drift item " + id + " has neither side");
        }
    }

    /** An item for the object on either side (they have the same id by construction of the diff). */
    static DriftItem of(Kind kind, String table, Object database, Object model, String since) {
        return new DriftItem(id(kind, table, database != null ? database : model), kind, table, database, model, since);
    }

    /** The item's id for an object of this kind in this table. */
    static String id(Kind kind, String table, Object part) {
        String owner = Identifiers.key(table);
        return switch (kind) {
            case TABLE -> owner;
            case COLUMN -> owner + "." + Identifiers.key(((Column) part).name());
            case PRIMARY_KEY -> owner + ".primary-key";
            case FOREIGN_KEY -> owner + ".fk:" + foreignKey((ForeignKey) part);
            case UNIQUE -> owner + ".unique:" + String.join("+", sortedKeys(((UniqueConstraint) part).columns()));
            case INDEX -> owner + (((Index) part).unique() ? ".unique-index:" : ".index:")
                    + String.join("+", ((Index) part).columns().stream()
                            .map(c -> Identifiers.key(c).trim().replaceAll("\\s+", "-")).toList());
        };
    }

    /** The column pairs (sorted, as the diff matches them) and the referenced table; not the action. */
    private static String foreignKey(ForeignKey key) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            String column = Identifiers.key(key.columns().get(i));
            String referenced = Identifiers.key(key.referencedColumns().get(i));
            pairs.add(column.equals(referenced) ? column : column + "=" + referenced);
        }
        return String.join("+", pairs.stream().sorted().toList()) + "->" + Identifiers.key(key.referencedTable());
    }

    private static List<String> sortedKeys(List<String> columns) {
        return columns.stream().map(Identifiers::key).sorted().toList();
    }

    /**
     * Whether the database has the object as the model says but under another name (an index,
     * foreign key or unique constraint a migration named its own way): no migration changes anything for it.
     */
    public boolean namesOnly() {
        if (database instanceof Index d && model instanceof Index m) {
            return !Identifiers.sameName(d.name(), m.name()) && new Index(m.name(), d.columns(), d.unique()).equals(m);
        }
        if (database instanceof ForeignKey d && model instanceof ForeignKey m) {
            return !Identifiers.sameName(d.name(), m.name()) && new ForeignKey(m.name(), d.columns(), d.referencedTable(),
                    d.referencedColumns(), d.onDelete()).equals(m);
        }
        if (database instanceof UniqueConstraint d && model instanceof UniqueConstraint m) {
            return !Identifiers.sameName(d.name(), m.name()) && new UniqueConstraint(m.name(), d.columns()).equals(m);
        }
        return false;
    }

    /** The name of the item's object in the database (an index's, a foreign key's, a unique constraint's), for messages. */
    String databaseName() {
        return database instanceof Index i ? i.name() : database instanceof ForeignKey k ? k.name()
                : database instanceof UniqueConstraint u ? u.name() : null;
    }

    /** The item in words: what the database has and what the model says. */
    public String describe() {
        return id + ": the database has " + ItemWords.of(kind, database) + ", the model says " + ItemWords.of(kind, model)
                + " (accepted " + since + ")";
    }
}
