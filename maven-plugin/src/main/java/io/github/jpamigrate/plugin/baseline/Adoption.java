package io.github.jpamigrate.plugin.baseline;

import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.plugin.baseline.DriftItem.Kind;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code init} accepts when it adopts hand-written migrations, and what it leaves pending.
 *
 * <p>The rule: what the model needs and the database lacks entirely (a table, a column, a sequence,
 * a generator table; and a key, constraint or index on such a column or referencing such a table)
 * stays a pending change, because the application fails without it, and {@code generate} writes
 * it. Every other difference is a choice the team made in its migrations and is accepted: another
 * type, length, nullability or default of a column; tables, columns, indexes, foreign keys and
 * unique constraints only the database has; another on-delete action; another primary key;
 * indexes, foreign keys and unique constraints the model declares but the migrations never made;
 * and indexes, foreign keys and unique constraints the migrations named otherwise than the model (so that a later
 * migration drops them by the database's name).
 *
 * @param snapshot the snapshot to write: the model, except for what is still pending
 * @param baseline the accepted differences
 */
public record Adoption(SchemaModel snapshot, DriftBaseline baseline) {

    /**
     * @param database the schema the migrations build, in snapshot form ({@code InitSnapshot})
     * @param model    the entity model
     * @param since    the newest migration and the date, for each item's {@code since}
     */
    public static Adoption of(SchemaModel database, SchemaModel model, String since) {
        List<SchemaChange> changes = SchemaDiff.compare(database, model, Renames.NONE);
        Set<String> missingTables = new HashSet<>();
        Set<String> missingColumns = new HashSet<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.TableAdded added) {
                missingTables.add(Identifiers.key(added.newTable().name()));
            } else if (change instanceof SchemaChange.ColumnAdded added) {
                missingColumns.add(column(added.table(), added.newColumn().name()));
            }
        }
        Map<String, DriftItem> items = new LinkedHashMap<>();
        for (SchemaChange change : changes) {
            Side side = side(change);
            if (side == null || side.model != null && needsMissing(side, missingTables, missingColumns)) {
                continue;
            }
            DriftItem item = DriftItem.of(side.kind, side.table, side.database, side.model, since);
            DriftItem earlier = items.get(item.id());
            if (earlier != null) {
                item = new DriftItem(item.id(), item.kind(), item.table(),
                        earlier.database() != null ? earlier.database() : item.database(),
                        earlier.model() != null ? earlier.model() : item.model(), since);
            }
            items.put(item.id(), item);
        }
        for (DriftItem item : otherNames(database, model, since)) {
            items.putIfAbsent(item.id(), item);
        }
        SchemaModel snapshot = database;
        for (DriftItem item : items.values()) {
            snapshot = SchemaObjects.put(snapshot, item, item.model());
        }
        return new Adoption(snapshot, new DriftBaseline(List.copyOf(items.values())));
    }

    /**
     * The indexes, foreign keys and unique constraints the database has as the model says, but under another name (a
     * migration's own {@code customer_name_ix}, PostgreSQL's {@code order_customer_id_fkey}). The
     * diff matches them by their columns, so they are no change; but a later migration that drops
     * one must name what the database has, so each is an accepted item with the database's name.
     */
    private static List<DriftItem> otherNames(SchemaModel database, SchemaModel model, String since) {
        List<DriftItem> out = new java.util.ArrayList<>();
        for (Table now : model.tables()) {
            Table read = database.table(now.name()).orElse(null);
            if (read == null) {
                continue;
            }
            out.addAll(otherNames(Kind.INDEX, now.name(), read.indexes(), now.indexes(), Index::name, since));
            out.addAll(otherNames(Kind.FOREIGN_KEY, now.name(), read.foreignKeys(), now.foreignKeys(), ForeignKey::name, since));
            out.addAll(otherNames(Kind.UNIQUE, now.name(), read.uniqueConstraints(), now.uniqueConstraints(),
                    UniqueConstraint::name, since));
        }
        return out;
    }

    private static <T> List<DriftItem> otherNames(Kind kind, String table, List<T> read, List<T> declared,
                                                  Function<T, String> name, String since) {
        List<DriftItem> out = new java.util.ArrayList<>();
        for (T part : declared) {
            String id = DriftItem.id(kind, table, part);
            read.stream().filter(r -> DriftItem.id(kind, table, r).equals(id)).findFirst()
                    .filter(r -> !Identifiers.sameName(name.apply(r), name.apply(part)))
                    .ifPresent(r -> out.add(DriftItem.of(kind, table, r, part, since)));
        }
        return out;
    }

    /** One object's side of a change; null for the changes that stay pending. */
    private record Side(Kind kind, String table, Object database, Object model, List<String> columns, String target) {
    }

    private static Side side(SchemaChange change) {
        if (change instanceof SchemaChange.TableDropped c) {
            return new Side(Kind.TABLE, c.oldTable().name(), c.oldTable(), null, List.of(), null);
        }
        if (change instanceof SchemaChange.ColumnChanged c) {
            return new Side(Kind.COLUMN, c.table(), c.oldColumn(), c.newColumn(), List.of(), null);
        }
        if (change instanceof SchemaChange.ColumnDropped c) {
            return new Side(Kind.COLUMN, c.table(), c.oldColumn(), null, List.of(), null);
        }
        if (change instanceof SchemaChange.PrimaryKeyChanged c) {
            return new Side(Kind.PRIMARY_KEY, c.table(), c.oldKey(), c.newKey(),
                    c.newKey() == null ? List.of() : c.newKey().columns(), null);
        }
        if (change instanceof SchemaChange.ForeignKeyAdded c) {
            return new Side(Kind.FOREIGN_KEY, c.table(), null, c.newKey(), c.newKey().columns(), c.newKey().referencedTable());
        }
        if (change instanceof SchemaChange.ForeignKeyDropped c) {
            return new Side(Kind.FOREIGN_KEY, c.table(), c.oldKey(), null, List.of(), null);
        }
        if (change instanceof SchemaChange.UniqueAdded c) {
            return new Side(Kind.UNIQUE, c.table(), null, c.newConstraint(), c.newConstraint().columns(), null);
        }
        if (change instanceof SchemaChange.UniqueDropped c) {
            return new Side(Kind.UNIQUE, c.table(), c.oldConstraint(), null, List.of(), null);
        }
        if (change instanceof SchemaChange.IndexAdded c) {
            return new Side(Kind.INDEX, c.table(), null, c.newIndex(), c.newIndex().columns(), null);
        }
        if (change instanceof SchemaChange.IndexDropped c) {
            return new Side(Kind.INDEX, c.table(), c.oldIndex(), null, List.of(), null);
        }
        return null;
    }

    /** A key, constraint or index of the model on a column (or to a table) the database lacks stays pending with it. */
    private static boolean needsMissing(Side side, Set<String> missingTables, Set<String> missingColumns) {
        if (side.target != null && missingTables.contains(Identifiers.key(side.target))) {
            return true;
        }
        return side.columns.stream().anyMatch(c -> missingColumns.contains(column(side.table, withoutDirection(c))));
    }

    /** An index column may carry a direction ({@code created_at desc}). */
    private static String withoutDirection(String column) {
        String lower = column.toLowerCase(java.util.Locale.ROOT).trim();
        for (String suffix : new String[] {" asc", " desc"}) {
            if (lower.endsWith(suffix)) {
                return column.trim().substring(0, lower.length() - suffix.length()).trim();
            }
        }
        return column;
    }

    private static String column(String table, String column) {
        return Identifiers.key(table) + "." + Identifiers.key(column.trim());
    }
}
