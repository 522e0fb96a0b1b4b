package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.ChangeSet;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import io.github.jpamigrate.core.sql.AlterTableRenderer.Alteration.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The model derives index, unique and foreign key names from table and column names
 * ({@code idx_customer_email}), but the database keeps the old name through a table or column
 * rename; a later migration that drops the index by its model name would then fail. For the
 * tables a declared rename touches, this gives each index and constraint the diff kept (same
 * columns, other name) its new name in the database too, with the dialect's rename statement.
 */
final class DerivedNameRenames {

    private final AlterTableRenderer dialect;
    private final SchemaModel oldModel;
    private final SchemaModel newModel;
    private final ChangeSet changes;
    private Set<String> rebuilt = Set.of();

    DerivedNameRenames(AlterTableRenderer dialect, SchemaModel oldModel, SchemaModel newModel, ChangeSet changes) {
        this.dialect = dialect;
        this.oldModel = oldModel;
        this.newModel = newModel;
        this.changes = changes;
    }

    /**
     * @param renames     where the rename statements go (after the table and column renames)
     * @param foreignKeys where a foreign key goes that the dialect cannot rename and adds again
     */
    void plan(List<Statement> renames, List<Statement> foreignKeys) {
        plan(renames, foreignKeys, Set.of(), (sql, kind, table) -> Statement.plain(sql));
    }

    /** Writes an ALTER TABLE in the dialect's online form ({@link AlterTableRenderer#alterOnline}), or leaves it as it is. */
    interface OnlineForm {
        Statement of(String sql, AlterTableRenderer.Alteration.Kind kind, String table);
    }

    /**
     * @param rebuilt foreign keys ({@code oldtable.key}, case-folded) this migration drops and adds
     *                again anyway, under their new name; they get no rename statement
     */
    void plan(List<Statement> renames, List<Statement> foreignKeys, Set<String> rebuilt, OnlineForm online) {
        this.rebuilt = rebuilt;
        this.online = online;
        for (Table now : newModel.tables()) {
            SchemaChange cause = changes.firstRename(now.name()).orElse(null);
            Table old = cause == null ? null : oldModel.table(changes.oldTableName(now.name())).orElse(null);
            if (old != null) {
                plan(old, now, cause, renames, foreignKeys);
            }
        }
    }

    private OnlineForm online = (sql, kind, table) -> Statement.plain(sql);

    private void plan(Table old, Table now, SchemaChange cause, List<Statement> renames, List<Statement> foreignKeys) {
        String table = now.name();
        Function<String, String> column = c -> newColumnName(old.name(), c);
        pairs(old.indexes(), now.indexes(), Index::name, i -> indexSignature(i, column), i -> indexSignature(i, c -> c))
                .forEach((was, is) -> renames.add(online.of(dialect.renameIndex(table, was.name(), is.name()), Kind.RENAME_INDEX, table).from(cause)));
        pairs(old.uniqueConstraints(), now.uniqueConstraints(), UniqueConstraint::name, u -> columnSet(u.columns(), column),
                u -> columnSet(u.columns(), c -> c))
                .forEach((was, is) -> renames.add(online.of(dialect.renameUnique(table, was.name(), is.name()), Kind.RENAME_INDEX, table).from(cause)));
        pairs(old.foreignKeys(), now.foreignKeys(), ForeignKey::name, k -> oldKeySignature(old.name(), k), DerivedNameRenames::keySignature)
                .forEach((was, is) -> {
                    if (rebuilt.contains(rebuiltKey(old.name(), was))) {
                        return;
                    }
                    if (dialect.renamesForeignKeys()) {
                        renames.add(Statement.of(dialect.renameConstraint(table, was.name(), is.name()), cause));
                    } else {
                        renames.add(online.of(dialect.dropForeignKey(table, was), Kind.DROP_FOREIGN_KEY, table).from(cause));
                        foreignKeys.add(online.of(dialect.addForeignKey(table, KeyColumnOrder.of(newModel, dialect.dialect())
                                .foreignKey(is)), Kind.ADD_FOREIGN_KEY, table).from(cause));
                    }
                });
    }

    /** How {@code rebuilt} names a foreign key of an old table. */
    static String rebuiltKey(String oldTable, ForeignKey key) {
        return Identifiers.key(oldTable) + "." + Identifiers.key(key.name());
    }

    /** The new model's foreign key that is the same key as an old table's (same columns, target and action after renames). */
    Optional<ForeignKey> counterpart(Table old, ForeignKey key, Table now) {
        String signature = oldKeySignature(old.name(), key);
        return now.foreignKeys().stream().filter(k -> keySignature(k).equals(signature)).findFirst();
    }

    /** Old and new items with the same signature (so the diff kept them) whose names differ, old to new. */
    private static <T> Map<T, T> pairs(List<T> old, List<T> now, Function<T, String> name, Function<T, String> oldSignature,
                                       Function<T, String> newSignature) {
        Map<String, T> bySignature = new HashMap<>();
        now.forEach(item -> bySignature.put(newSignature.apply(item), item));
        Map<T, T> out = new LinkedHashMap<>();
        for (T was : old) {
            T is = bySignature.get(oldSignature.apply(was));
            if (is != null && name.apply(was) != null && name.apply(is) != null
                    && !Identifiers.sameName(name.apply(was), name.apply(is))) {
                out.put(was, is);
            }
        }
        return out;
    }

    /** A column of an old table under its new name. */
    private String newColumnName(String oldTable, String column) {
        return changes.newColumnName(changes.newTableName(oldTable), column);
    }

    private static String indexSignature(Index index, Function<String, String> column) {
        List<String> keys = new ArrayList<>();
        for (String entry : index.columns()) {
            String lower = entry.toLowerCase(Locale.ROOT);
            String suffix = lower.endsWith(" desc") ? " desc" : lower.endsWith(" asc") ? " asc" : "";
            keys.add(Identifiers.key(column.apply(entry.substring(0, entry.length() - suffix.length()))) + suffix);
        }
        return (index.unique() ? "unique:" : "") + String.join(",", keys);
    }

    private static String columnSet(List<String> columns, Function<String, String> column) {
        return String.join(",", columns.stream().map(c -> Identifiers.key(column.apply(c))).sorted().toList());
    }

    private String oldKeySignature(String oldTable, ForeignKey key) {
        String target = key.referencedTable();
        return signature(key.columns().stream().map(c -> newColumnName(oldTable, c)).toList(), changes.newTableName(target),
                key.referencedColumns().stream().map(c -> newColumnName(target, c)).toList(), key);
    }

    private static String keySignature(ForeignKey key) {
        return signature(key.columns(), key.referencedTable(), key.referencedColumns(), key);
    }

    /** As {@code SchemaDiff} matches foreign keys: by the set of their column pairs. */
    private static String signature(List<String> columns, String target, List<String> targetColumns, ForeignKey key) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.add(Identifiers.key(columns.get(i)) + "=" + Identifiers.key(targetColumns.get(i)));
        }
        return pairs.stream().sorted().toList() + "->" + Identifiers.key(target) + ":" + key.onDelete();
    }
}
