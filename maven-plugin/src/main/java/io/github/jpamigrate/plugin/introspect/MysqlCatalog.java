package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.model.ReferentialAction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The tables of one MariaDB database in four set-wide {@code information_schema} queries
 * instead of several per table: the driver reads a table's foreign keys from its
 * {@code SHOW CREATE TABLE} and that of every table it references, and its columns, key and
 * indexes with one query each. These ask the same views (the referential constraints for the
 * foreign keys) once for the whole database. {@code ServerCatalogTest} holds both readings equal.
 */
final class MysqlCatalog {

    /** The declared type, nullability, default and generation of each column, in column order. */
    private static final String COLUMNS =
            "select table_name, column_name, column_type, is_nullable = 'yes', column_default, extra = 'auto_increment' "
            + "from information_schema.columns "
            + "where table_schema = %s "
            + "order by table_name, ordinal_position";

    private static final String PRIMARY_KEYS = "select table_name, seq_in_index, column_name "
            + "from information_schema.statistics "
            + "where table_schema = %s and index_name = 'PRIMARY'";

    /** Each foreign-key column with the column it references and the delete rule. */
    private static final String FOREIGN_KEYS = "select k.table_name, k.constraint_name, k.referenced_table_name, "
            + "k.ordinal_position, k.column_name, k.referenced_column_name, r.delete_rule "
            + "from information_schema.key_column_usage k "
            + "join information_schema.referential_constraints r on r.constraint_schema = k.constraint_schema "
            + "and r.constraint_name = k.constraint_name and r.table_name = k.table_name "
            + "where k.table_schema = %s and k.referenced_table_name is not null";

    private static final String INDEXES =
            "select table_name, index_name, non_unique, seq_in_index, column_name, collation "
            + "from information_schema.statistics "
            + "where table_schema = %s";

    private MysqlCatalog() {
    }

    /**
     * The named tables, in the order given.
     *
     * @param database the database they are in; null: the connection's current one
     */
    static List<CatalogTable> read(Connection connection, String database, List<String> names) throws SQLException {
        TableRows tables = new TableRows(names);
        try (PreparedStatement s = query(connection, COLUMNS, database); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.column(rs.getString(1), new CatalogTable.ColumnRow(rs.getString(2),
                        MysqlCatalogDetails.declared(rs.getString(3)), rs.getBoolean(4), rs.getString(5), rs.getBoolean(6)));
            }
        }
        try (PreparedStatement s = query(connection, PRIMARY_KEYS, database); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.keyColumn(rs.getString(1), "PRIMARY", rs.getInt(2), rs.getString(3));
            }
        }
        try (PreparedStatement s = query(connection, FOREIGN_KEYS, database); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.foreignKeyColumn(rs.getString(1), rs.getString(2), rs.getString(3), action(rs.getString(7)),
                        rs.getInt(4), rs.getString(5), rs.getString(6));
            }
        }
        try (PreparedStatement s = query(connection, INDEXES, database); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.indexColumn(rs.getString(1), rs.getString(2), !rs.getBoolean(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6));
            }
        }
        return tables.build();
    }

    private static PreparedStatement query(Connection connection, String sql, String database) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql.formatted(database == null ? "database()" : "?"));
        if (database != null) {
            s.setString(1, database);
        }
        return s;
    }

    /** {@code referential_constraints.delete_rule}; the driver reads a missing clause as RESTRICT, which this view says. */
    private static ReferentialAction action(String rule) {
        return switch (rule.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "NO ACTION" -> ReferentialAction.NO_ACTION;
            default -> ReferentialAction.RESTRICT;
        };
    }
}
