package io.github.jpamigrate.plugin.introspect;

import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL: JDBC metadata as the driver reports it, except for {@code serial} columns. The
 * driver names their type {@code serial}/{@code bigserial}/{@code smallserial}, which is no type
 * but shorthand for an integer column defaulting to {@code nextval} of a sequence the column
 * owns; read back, it is that integer with a generated value, as an identity column is.
 */
final class PostgresqlCatalogDetails implements CatalogDetails {

    private static final Map<String, String> SERIALS = Map.of("smallserial", "smallint", "serial", "integer",
            "bigserial", "bigint");

    @Override
    public CatalogTable.ColumnRow column(CatalogTable.ColumnRow row) {
        String integer = SERIALS.get(row.typeText());
        if (integer == null) {
            return row;
        }
        String reported = row.defaultValue();
        // the nextval default is how the database generates the value, not a default the model states
        boolean sequenceDefault = reported != null && reported.trim().toLowerCase(Locale.ROOT).startsWith("nextval(");
        return new CatalogTable.ColumnRow(row.name(), integer, row.nullable(), sequenceDefault ? null : reported, true);
    }
}
