package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.ReferentialAction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQLite keeps a column's type as the text it was declared with and its foreign keys in the table
 * definition; {@code PRAGMA table_info} and {@code PRAGMA foreign_key_list} read both exactly.
 */
final class SqliteCatalogDetails implements CatalogDetails {

    @Override
    public String currentSchema(Connection connection) {
        return null;
    }

    @Override
    public boolean isInternal(String table) {
        String key = Identifiers.key(table);
        return key.startsWith("sqlite_") || key.startsWith("jm_new_");
    }

    @Override
    public Optional<List<CatalogTable>> wholeCatalog(Connection connection, String catalog, String schema,
                                                     List<String> tables) throws SQLException {
        return Optional.of(SqliteCatalog.read(connection, tables));
    }

    @Override
    public Map<String, String> declaredTypes(Connection connection, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select name, type from pragma_table_info(" + literal(table) + ")")) {
            while (rs.next()) {
                types.put(Identifiers.key(rs.getString(1)), rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        return types;
    }

    /**
     * The rowid alias: in a rowid table, a primary key of one column declared exactly
     * {@code INTEGER} (any case) is the rowid itself, which can never be NULL (inserting NULL
     * assigns the next id), though {@code PRAGMA table_info} reports it {@code notnull=0}. Other
     * primary key columns of a rowid table can hold NULL unless declared NOT NULL (SQLite's
     * historical quirk), so they keep what the pragma says. The exceptions to the rule
     * ({@code WITHOUT ROWID} tables, which report their key NOT NULL anyway, and
     * {@code INTEGER PRIMARY KEY DESC} in the column definition) are exactly the tables where SQLite
     * backs the key with an index of its own, which the check below looks for.
     */
    @Override
    public Optional<List<ForeignKey>> foreignKeys(Connection connection, String table) throws SQLException {
        Map<Integer, List<String[]>> byId = new TreeMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select id, seq, \"table\", \"from\", \"to\", on_delete from pragma_foreign_key_list("
                     + literal(table) + ") order by id, seq")) {
            while (rs.next()) {
                byId.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<String[]> rows : byId.values()) {
            String target = rows.get(0)[0];
            keys.add(new ForeignKey("", rows.stream().map(r -> r[1]).toList(), target,
                    rows.stream().map(r -> r[2]).toList(), action(rows.get(0)[3])));
        }
        return Optional.of(keys);
    }

    /** A {@code serial} type name, as a migration ported from PostgreSQL declares it, is the integer it stands for. */
    @Override
    public CatalogTable.ColumnRow column(CatalogTable.ColumnRow row) {
        String integer = SERIALS.get(row.typeText());
        return integer == null ? row
                : new CatalogTable.ColumnRow(row.name(), integer, row.nullable(), row.defaultValue(), row.autoIncrement());
    }

    static ReferentialAction action(String rule) {
        return switch (rule.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
