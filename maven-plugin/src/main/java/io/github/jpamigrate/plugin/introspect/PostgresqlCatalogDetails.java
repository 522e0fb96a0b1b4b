package io.github.jpamigrate.plugin.introspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL: JDBC metadata as the driver reports it, with the type spelled as SQL spells it and
 * generated integers read as such. The driver names types by their internal names ({@code int8},
 * {@code bpchar}), and names the type of a {@code serial}/{@code bigserial}/{@code smallserial}
 * column {@code serial}, which is no type but shorthand for an integer column defaulting to
 * {@code nextval} of a sequence the column owns. Read back, such a column — and any integer column
 * whose default draws from a sequence ({@code default nextval('...')}, written by hand), and an
 * identity column — is that integer with a generated value; the {@code nextval} is how the value is
 * generated, not a default the model states. The whole schema is read with a few set-wide
 * queries ({@link PostgresqlCatalog}).
 */
final class PostgresqlCatalogDetails implements CatalogDetails {

    /** The driver's internal type names and their SQL spelling. */
    private static final Map<String, String> SQL_NAMES = Map.of("int2", "smallint", "int4", "integer", "int8", "bigint",
            "bool", "boolean", "float4", "real", "float8", "double precision", "bpchar", "char");

    @Override
    public Optional<List<CatalogTable>> wholeCatalog(Connection connection, String catalog, String schema,
                                                     List<String> tables) throws SQLException {
        return schema == null ? Optional.empty() : Optional.of(PostgresqlCatalog.read(connection, catalog, schema, tables));
    }

    @Override
    public CatalogTable.ColumnRow column(CatalogTable.ColumnRow row) {
        String serial = SERIALS.get(row.typeText());
        String type = serial != null ? serial : sqlName(row.typeText());
        String reported = row.defaultValue();
        boolean sequenceDefault = reported != null && reported.trim().toLowerCase(Locale.ROOT).startsWith("nextval(");
        return new CatalogTable.ColumnRow(row.name(), type, row.nullable(), sequenceDefault ? null : reported,
                row.autoIncrement() || sequenceDefault || serial != null);
    }

    /** {@code int8} as {@code bigint}, {@code bpchar(64)} as {@code char(64)}; other names as reported. */
    private static String sqlName(String typeText) {
        int open = typeText.indexOf('(');
        String name = open < 0 ? typeText : typeText.substring(0, open);
        String rest = open < 0 ? "" : typeText.substring(open);
        String sql = SQL_NAMES.get(name);
        if (sql == null) {
            return typeText;
        }
        return sql + rest;
    }
}
