package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.model.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MariaDB and MySQL: a database is a JDBC catalog, not a schema; the driver's type name and sizes
 * lose the fractional digits of {@code datetime(6)} and the single precision of {@code float},
 * which {@code information_schema.columns.column_type} keeps; every foreign key gets an index.
 * MariaDB's whole database is read with a few set-wide queries ({@link MysqlCatalog}); MySQL's
 * still table by table, until a MySQL server holds both readings equal (MySQL's drivers and its
 * {@code information_schema} word a foreign key's default action differently from MariaDB's).
 */
final class MysqlCatalogDetails implements CatalogDetails {

    private final boolean setWide;

    /** @param setWide whether {@link #wholeCatalog} reads with set-wide queries (MariaDB) */
    MysqlCatalogDetails(boolean setWide) {
        this.setWide = setWide;
    }

    @Override
    public String currentSchema(Connection connection) {
        return null;
    }

    @Override
    public Optional<List<CatalogTable>> wholeCatalog(Connection connection, String catalog, String schema,
                                                     List<String> tables) throws SQLException {
        return setWide ? Optional.of(MysqlCatalog.read(connection, catalog, tables)) : Optional.empty();
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
    static String declared(String columnType) {
        String type = columnType.toLowerCase(Locale.ROOT);
        return type.equals("float") ? "float(24)" : type;
    }

    /**
     * A {@code bit} default {@code true} reads back as {@code b'1'}; a string default reads back in
     * MariaDB's escaped spelling ({@code 'C:\\temp'}, {@code 'a\nb'}), which is turned back into
     * the standard SQL literal the model holds.
     */
    @Override
    public String defaultValue(String reported) {
        if (reported == null) {
            return null;
        }
        String value = reported.trim();
        return value.equals("b'1'") ? "true" : value.equals("b'0'") ? "false" : standardLiterals(value);
    }

    /** The text with the backslash escapes inside its string literals resolved (a quote comes out doubled). */
    static String standardLiterals(String sql) {
        if (sql.indexOf('\\') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (c == '\\' && inString && i + 1 < sql.length()) {
                char next = sql.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'b' -> "\b";
                    case '0' -> "\0";
                    case 'Z' -> "\u001a";
                    case '\'' -> "''";
                    case '\\', '"' -> String.valueOf(next);
                    default -> "\\" + next; // \% and \_ keep their backslash in MySQL
                });
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public boolean indexesForeignKeys() {
        return true;
    }
}
