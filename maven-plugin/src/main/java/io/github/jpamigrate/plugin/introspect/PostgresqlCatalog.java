package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.model.ReferentialAction;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The tables of one PostgreSQL schema in four set-wide queries instead of four per table: the
 * columns through the driver's own {@link DatabaseMetaData#getColumns} asked once for the whole
 * schema (one {@code pg_catalog} query; the driver names the types, their sizes and {@code serial}
 * as the per-table reading does), and the primary keys, foreign keys and indexes from
 * {@code pg_constraint} and {@code pg_index}, each asking what the driver's
 * {@code getPrimaryKeys}, {@code getImportedKeys} and {@code getIndexInfo} ask for one table,
 * for all of them. {@code ServerCatalogTest} holds both readings equal.
 */
final class PostgresqlCatalog {

    /** Each primary-key column with its position in the key ({@code conkey} order). */
    private static final String PRIMARY_KEYS = "select c.relname, con.conname, k.n, a.attname "
            + "from pg_catalog.pg_constraint con "
            + "join pg_catalog.pg_class c on c.oid = con.conrelid "
            + "join pg_catalog.pg_namespace n on n.oid = c.relnamespace "
            + "cross join lateral unnest(con.conkey) with ordinality as k(attnum, n) "
            + "join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum "
            + "where con.contype = 'p' and n.nspname = ?";

    /**
     * Each foreign-key column with the column it references and the delete rule; the key must be
     * backed by an index of the referenced table, as the driver's query requires.
     */
    private static final String FOREIGN_KEYS =
            "select fc.relname, con.conname, pc.relname, k.n, fa.attname, pa.attname, con.confdeltype "
            + "from pg_catalog.pg_constraint con "
            + "join pg_catalog.pg_class fc on fc.oid = con.conrelid "
            + "join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace "
            + "join pg_catalog.pg_class pc on pc.oid = con.confrelid "
            + "join pg_catalog.pg_class pkic on pkic.oid = con.conindid and pkic.relkind in ('i', 'I') "
            + "cross join lateral unnest(con.conkey, con.confkey) with ordinality as k(fk, pk, n) "
            + "join pg_catalog.pg_attribute fa on fa.attrelid = fc.oid and fa.attnum = k.fk "
            + "join pg_catalog.pg_attribute pa on pa.attrelid = pc.oid and pa.attnum = k.pk "
            + "where con.contype = 'f' and fn.nspname = ?";

    /**
     * Each index column (expression and {@code include} columns too) as {@code pg_get_indexdef}
     * spells it, with its direction where the access method orders (btree).
     */
    private static final String INDEXES = "select ct.relname, ci.relname, i.indisunique, k.n, "
            + "trim(both '\"' from pg_catalog.pg_get_indexdef(ci.oid, k.n, false)), "
            + "case am.amname when 'btree' then case i.indoption[k.n - 1] & 1::smallint when 1 then 'D' else 'A' end end "
            + "from pg_catalog.pg_index i "
            + "join pg_catalog.pg_class ct on ct.oid = i.indrelid "
            + "join pg_catalog.pg_namespace n on n.oid = ct.relnamespace "
            + "join pg_catalog.pg_class ci on ci.oid = i.indexrelid "
            + "join pg_catalog.pg_am am on am.oid = ci.relam "
            + "cross join lateral generate_series(1, i.indnatts::integer) as k(n) "
            + "where n.nspname = ?";

    private PostgresqlCatalog() {
    }

    /** The named tables of {@code schema}, in the order given. */
    static List<CatalogTable> read(Connection connection, String catalog, String schema, List<String> names)
            throws SQLException {
        TableRows tables = new TableRows(names);
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(catalog, escape(schema, meta.getSearchStringEscape()), null, null)) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM"))) {
                    tables.column(rs.getString("TABLE_NAME"), new CatalogTable.ColumnRow(rs.getString("COLUMN_NAME"),
                            SchemaReader.typeText(rs), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                            rs.getString("COLUMN_DEF"), "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
                }
            }
        }
        try (PreparedStatement s = query(connection, PRIMARY_KEYS, schema); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.keyColumn(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4));
            }
        }
        try (PreparedStatement s = query(connection, FOREIGN_KEYS, schema); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.foreignKeyColumn(rs.getString(1), rs.getString(2), rs.getString(3), action(rs.getString(7)),
                        rs.getInt(4), rs.getString(5), rs.getString(6));
            }
        }
        try (PreparedStatement s = query(connection, INDEXES, schema); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.indexColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6));
            }
        }
        return tables.build();
    }

    private static PreparedStatement query(Connection connection, String sql, String schema) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        s.setString(1, schema);
        return s;
    }

    /** {@code pg_constraint.confdeltype} as the driver reports it ({@code p} is no action any more). */
    private static ReferentialAction action(String code) {
        return switch (code) {
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            case "r", "p" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /** The schema name as a pattern that matches only itself. */
    private static String escape(String name, String escape) {
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
