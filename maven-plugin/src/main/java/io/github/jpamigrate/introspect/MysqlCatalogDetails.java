package io.github.jpamigrate.introspect;

import io.github.jpamigrate.core.model.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MariaDB and MySQL: a database is a JDBC catalog, not a schema; the driver's type name and sizes
 * lose the fractional digits of {@code datetime(6)} and the single precision of {@code float},
 * which {@code information_schema.columns.column_type} keeps; every foreign key gets an index.
 */
final class MysqlCatalogDetails implements CatalogDetails {

    @Override
    public String currentSchema(Connection connection) {
        return null;
    }

    @Override
    public Map<String, String> declaredTypes(Connection connection, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("select column_name, column_type from information_schema.columns"
                + " where table_schema = database() and table_name = ?")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.put(Identifiers.key(rs.getString(1)), declared(rs.getString(2)));
                }
            }
        }
        return types;
    }

    /** {@code float} is what MySQL reports for {@code float(p)} with p up to 24: single precision. */
    private static String declared(String columnType) {
        String type = columnType.toLowerCase(Locale.ROOT);
        return type.equals("float") ? "float(24)" : type;
    }

    /**
     * A {@code bit} default {@code true} reads back as {@code b'1'}; MariaDB writes a quote inside
     * a string default as {@code \'} and a backslash as {@code \\}, where the model has the
     * standard {@code ''} and {@code \}.
     */
    @Override
    public String defaultValue(String reported) {
        if (reported == null) {
            return null;
        }
        String value = reported.trim();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return "'" + unescape(value.substring(1, value.length() - 1)) + "'";
        }
        return value.equals("b'1'") ? "true" : value.equals("b'0'") ? "false" : value;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '\\')) {
                char next = text.charAt(++i);
                out.append(next == '\'' ? "''" : "\\");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public boolean indexesForeignKeys() {
        return true;
    }
}
