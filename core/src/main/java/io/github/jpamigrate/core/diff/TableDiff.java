package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compares one table of the old model with its counterpart in the new model. The old table is
 * first translated into the new model's names (declared renames of its columns and of the
 * tables its foreign keys reference), so that everything after is a plain structural match.
 */
final class TableDiff {

    private final Table old;
    private final Table now;
    private final Renames renames;
    private final Function<String, String> newTableName;
    /** An old column's name in the new table; the declared renames among its siblings indexed once. */
    private final Function<String, String> ownColumnName;

    private TableDiff(Table old, Table now, Renames renames, Function<String, String> newTableName) {
        this.old = old;
        this.now = now;
        this.renames = renames;
        this.newTableName = newTableName;
        this.ownColumnName = SchemaDiff.counterparts(old.columns().stream().map(Column::name).toList(),
                c -> renames.newColumnName(old.name(), now.name(), c));
    }

    /**
     * @param newTableName an old table's name in the new model (see {@link SchemaDiff#counterparts})
     */
    static List<SchemaChange> compare(Table old, Table now, Renames renames, Function<String, String> newTableName) {
        return new TableDiff(old, now, renames, newTableName).changes();
    }

    private List<SchemaChange> changes() {
        String table = now.name();
        List<SchemaChange> out = new ArrayList<>();
        if (!Objects.equals(old.comment(), now.comment())) {
            out.add(new TableCommentChanged(table, old.comment(), now.comment()));
        }
        compareColumns(table, out);
        PrimaryKey oldKey = old.primaryKey() == null ? null
                : new PrimaryKey(old.primaryKey().name(), ownColumns(old.primaryKey().columns()));
        if (!samePrimaryKey(oldKey, now.primaryKey())) {
            out.add(new PrimaryKeyChanged(table, old.primaryKey(), now.primaryKey()));
        }
        matchSets(old.foreignKeys(), now.foreignKeys(), this::oldForeignKeySignature, TableDiff::foreignKeySignature,
                k -> out.add(new ForeignKeyAdded(table, k)), k -> out.add(new ForeignKeyDropped(table, k)));
        matchSets(old.uniqueConstraints(), now.uniqueConstraints(), u -> columnSet(ownColumns(u.columns())),
                u -> columnSet(u.columns()), u -> out.add(new UniqueAdded(table, u)), u -> out.add(new UniqueDropped(table, u)));
        matchSets(old.indexes(), now.indexes(), i -> indexSignature(ownColumns(i.columns()), i.unique()),
                i -> indexSignature(i.columns(), i.unique()), i -> out.add(new IndexAdded(table, i)),
                i -> out.add(new IndexDropped(table, i)));
        matchSets(old.checks(), now.checks(), c -> normalizeExpression(c.expression()),
                c -> normalizeExpression(c.expression()), c -> out.add(new CheckAdded(table, c)),
                c -> out.add(new CheckDropped(table, c)));
        return out;
    }

    private void compareColumns(String table, List<SchemaChange> out) {
        Map<String, Column> oldByNewKey = new java.util.LinkedHashMap<>();
        for (Column column : old.columns()) {
            oldByNewKey.put(Identifiers.key(ownColumn(column.name())), column);
        }
        for (Column column : now.columns()) {
            Column previous = oldByNewKey.get(Identifiers.key(column.name()));
            if (previous == null) {
                out.add(new ColumnAdded(table, column));
                continue;
            }
            if (!Identifiers.sameName(previous.name(), column.name())) {
                out.add(new ColumnRenamed(table, previous, column));
            }
            if (ColumnDifferences.differ(previous, column)) {
                out.add(new ColumnChanged(table, previous, column));
            }
        }
        for (Column column : old.columns()) {
            if (now.column(ownColumn(column.name())).isEmpty()) {
                out.add(new ColumnDropped(table, column));
            }
        }
    }

    /** Adds what only the new side has and drops what only the old side has, by signature. */
    private static <T> void matchSets(List<T> before, List<T> after, Function<T, String> oldSignature,
                                      Function<T, String> newSignature,
                                      java.util.function.Consumer<T> added, java.util.function.Consumer<T> dropped) {
        Map<String, T> oldBySignature = new java.util.TreeMap<>();
        before.forEach(item -> oldBySignature.put(oldSignature.apply(item), item));
        Map<String, T> newBySignature = new java.util.TreeMap<>();
        after.forEach(item -> newBySignature.put(newSignature.apply(item), item));
        newBySignature.forEach((signature, item) -> {
            if (!oldBySignature.containsKey(signature)) {
                added.accept(item);
            }
        });
        oldBySignature.forEach((signature, item) -> {
            if (!newBySignature.containsKey(signature)) {
                dropped.accept(item);
            }
        });
    }

    private String ownColumn(String oldColumn) {
        return ownColumnName.apply(oldColumn);
    }

    private List<String> ownColumns(List<String> oldColumns) {
        return oldColumns.stream().map(c -> ownColumn(stripOrder(c)) + orderSuffix(c)).toList();
    }

    /** The old key's signature in the new model's names (declared column and table renames applied). */
    private String oldForeignKeySignature(ForeignKey key) {
        String target = newTableName.apply(key.referencedTable());
        List<String> targetColumns = key.referencedColumns().stream()
                .map(c -> renames.newColumnName(key.referencedTable(), target, c).orElse(c)).toList();
        return signature(ownColumns(key.columns()), target, targetColumns, key);
    }

    private static String foreignKeySignature(ForeignKey key) {
        return signature(key.columns(), key.referencedTable(), key.referencedColumns(), key);
    }

    /**
     * A foreign key is the set of its (column, referenced column) pairs: listing the pairs in another
     * order is the same constraint (the renderers write them in the referenced key's order).
     */
    private static String signature(List<String> columns, String target, List<String> targetColumns, ForeignKey key) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.add(Identifiers.key(columns.get(i)) + "=" + Identifiers.key(targetColumns.get(i)));
        }
        return String.join(",", pairs.stream().sorted().toList()) + "->" + Identifiers.key(target) + ":" + key.onDelete();
    }

    /**
     * Primary keys compare as column sets: the order of their columns in the DDL is not the
     * mapping's but Hibernate's column ordering (see {@code KeyColumnOrder}), so an order-only
     * change of the mapping changes nothing in the database, and a schema built with another
     * order (by an earlier release, or by hand) holds the same constraint.
     */
    private static boolean samePrimaryKey(PrimaryKey a, PrimaryKey b) {
        if (a == null || b == null) {
            return a == b;
        }
        return columnSet(a.columns()).equals(columnSet(b.columns()));
    }

    private static String columnList(List<String> columns) {
        return "(" + String.join(",", columns.stream().map(Identifiers::key).toList()) + ")";
    }

    private static String columnSet(List<String> columns) {
        return String.join(",", columns.stream().map(Identifiers::key).sorted().toList());
    }

    private static String indexSignature(List<String> columns, boolean unique) {
        return (unique ? "unique:" : "") + columnList(columns);
    }

    private static String stripOrder(String indexColumn) {
        String lower = indexColumn.toLowerCase(Locale.ROOT);
        if (lower.endsWith(" desc")) {
            return indexColumn.substring(0, indexColumn.length() - 5);
        }
        if (lower.endsWith(" asc")) {
            return indexColumn.substring(0, indexColumn.length() - 4);
        }
        return indexColumn;
    }

    private static String orderSuffix(String indexColumn) {
        return indexColumn.substring(stripOrder(indexColumn).length());
    }

    /** Whitespace and case do not make two check expressions different. */
    static String normalizeExpression(String expression) {
        return expression.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

}
