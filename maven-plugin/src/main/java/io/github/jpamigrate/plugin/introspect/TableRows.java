package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.plugin.introspect.SchemaReader.ForeignKeyRows;
import io.github.jpamigrate.plugin.introspect.SchemaReader.IndexRows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of the tables a set-wide reader collects, one query per kind of object, grouped and
 * ordered as {@link SchemaReader} groups {@link java.sql.DatabaseMetaData}'s per-table answers
 * (key columns by position, foreign keys and indexes by name), so that both readings build equal
 * {@link CatalogTable}s. Rows of tables not asked for are dropped.
 */
final class TableRows {

    private final Map<String, Rows> tables = new LinkedHashMap<>();

    /** @param names the tables to read, in the order the reading returns them */
    TableRows(List<String> names) {
        for (String name : names) {
            tables.put(name, new Rows());
        }
    }

    void column(String table, CatalogTable.ColumnRow row) {
        Rows rows = tables.get(table);
        if (rows != null) {
            rows.columns.add(row);
        }
    }

    void keyColumn(String table, String keyName, int position, String column) {
        Rows rows = tables.get(table);
        if (rows != null) {
            rows.key.put(position, column);
            rows.keyName = keyName;
        }
    }

    void foreignKeyColumn(String table, String name, String target, ReferentialAction onDelete, int position,
                          String column, String referenced) {
        Rows rows = tables.get(table);
        if (rows != null) {
            ForeignKeyRows.of(rows.foreignKeys, name, target, () -> onDelete).add(position, column, referenced);
        }
    }

    /** @param order {@code A}, {@code D} or null, as {@code ASC_OR_DESC} reports it */
    void indexColumn(String table, String name, boolean unique, int position, String column, String order) {
        Rows rows = tables.get(table);
        if (rows != null && name != null) {
            rows.indexes.computeIfAbsent(name, n -> new IndexRows(n, unique)).add(position, column, order);
        }
    }

    List<CatalogTable> build() {
        List<CatalogTable> out = new ArrayList<>(tables.size());
        tables.forEach((name, rows) -> out.add(rows.build(name)));
        return out;
    }

    /** One table's rows while they are collected. */
    private static final class Rows {
        private final List<CatalogTable.ColumnRow> columns = new ArrayList<>();
        private final Map<Integer, String> key = new TreeMap<>();
        private final Map<String, ForeignKeyRows> foreignKeys = new TreeMap<>();
        private final Map<String, IndexRows> indexes = new TreeMap<>();
        private String keyName;

        CatalogTable build(String name) {
            PrimaryKey primaryKey = key.isEmpty() ? null : new PrimaryKey(keyName, List.copyOf(key.values()));
            List<ForeignKey> keys = foreignKeys.values().stream().map(ForeignKeyRows::toKey).toList();
            List<Index> out = indexes.values().stream().map(IndexRows::toIndex).toList();
            return new CatalogTable(name, List.copyOf(columns), primaryKey, keys, out);
        }
    }
}
