package io.github.jpamigrate.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.SqlNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rows of one table as SQLite's {@code quote()} prints them ({@code 12}, {@code 1.5},
 * {@code 'O''Brien'}, {@code NULL}), by primary key, so that a value and its storage class are
 * compared exactly.
 *
 * @param rows quoted primary key -> quoted values, in the order of the columns read
 */
record TableContents(Map<String, List<String>> rows) {

    private static final SqlNames NAMES = SqlNames.standard();

    /** Reads {@code columns} of {@code table}, keyed by {@code key}. */
    static TableContents read(Connection connection, String table, String key, List<String> columns) throws SQLException {
        String select = "select quote(" + NAMES.name(key) + ")" + columns.stream().map(c -> ", quote(" + NAMES.name(c) + ")")
                .collect(Collectors.joining()) + " from " + NAMES.name(table);
        Map<String, List<String>> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                List<String> values = new java.util.ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.add(rs.getString(i + 2));
                }
                rows.put(rs.getString(1), List.copyOf(values));
            }
        }
        return new TableContents(rows);
    }

    /** Every column of an old-model table. */
    static TableContents read(Connection connection, Table table) throws SQLException {
        return read(connection, table.name(), table.primaryKey().columns().get(0),
                table.columns().stream().map(Column::name).toList());
    }

    /** The quoted keys of the rows whose {@code column} is not {@code expression} (SQL {@code IS}). */
    static List<String> keysWhereNot(Connection connection, String table, String key, String column, String expression)
            throws SQLException {
        String select = "select quote(" + NAMES.name(key) + ") from " + NAMES.name(table) + " where not ("
                + NAMES.name(column) + " is (" + expression + "))";
        List<String> keys = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }
}
