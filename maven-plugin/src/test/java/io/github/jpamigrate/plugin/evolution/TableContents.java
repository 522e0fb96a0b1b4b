package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rows of one table by primary key, each value as text that compares exactly: on SQLite as
 * its {@code quote()} prints them ({@code 12}, {@code 1.5}, {@code 'O''Brien'}, {@code NULL}), so
 * that the storage class counts too; elsewhere as {@link EvolutionEngine#text} normalizes them.
 *
 * @param rows primary key as text -> values as text, in the order of the columns read
 */
record TableContents(Map<String, List<String>> rows) {

    /** Reads {@code columns} of {@code table}, keyed by {@code key}. */
    static TableContents read(EvolutionEngine engine, Connection connection, Table table, String key, List<Column> columns)
            throws SQLException {
        String select = "select " + engine.valueExpression(key) + columns.stream().map(c -> ", " + engine.valueExpression(c.name()))
                .collect(Collectors.joining()) + " from " + engine.names.name(table.name());
        Column keyColumn = table.column(key).orElseThrow();
        Map<String, List<String>> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.add(engine.text(rs, i + 2, columns.get(i)));
                }
                rows.put(engine.text(rs, 1, keyColumn), List.copyOf(values));
            }
        }
        return new TableContents(rows);
    }

    /** Every column of an old-model table. */
    static TableContents read(EvolutionEngine engine, Connection connection, Table table) throws SQLException {
        return read(engine, connection, table, table.primaryKey().columns().get(0), table.columns());
    }

    /** The keys (as text) of the rows whose {@code column} is not {@code expression}, NULL being equal to NULL. */
    static List<String> keysWhereNot(EvolutionEngine engine, Connection connection, Table table, String key, String column,
                                     String expression) throws SQLException {
        return keysWhere(engine, connection, table, key, "not (" + engine.nullSafeEquals(engine.names.name(column), expression) + ")");
    }

    /** The keys (as text) of the rows that meet {@code condition}. */
    static List<String> keysWhere(EvolutionEngine engine, Connection connection, Table table, String key, String condition)
            throws SQLException {
        String select = "select " + engine.valueExpression(key) + " from " + engine.names.name(table.name()) + " where " + condition;
        Column keyColumn = table.column(key).orElseThrow();
        List<String> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                keys.add(engine.text(rs, 1, keyColumn));
            }
        }
        return keys;
    }
}
