package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.ForeignKey;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The few things a dialect reports better than its JDBC metadata does; the generic answers come
 * from {@link java.sql.DatabaseMetaData}.
 */
interface CatalogDetails {

    /**
     * PostgreSQL's {@code serial} type names and the integer each stands for; a migration ported
     * from PostgreSQL keeps them where a database stores the type as declared (SQLite).
     */
    Map<String, String> SERIALS = Map.of("smallserial", "smallint", "serial", "integer", "bigserial", "bigint",
            "serial2", "smallint", "serial4", "integer", "serial8", "bigint");

    static CatalogDetails of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new SqliteCatalogDetails();
            case MARIADB -> new MysqlCatalogDetails(true);
            case MYSQL -> new MysqlCatalogDetails(false);
            case H2 -> new H2CatalogDetails();
            case POSTGRESQL -> new PostgresqlCatalogDetails();
        };
    }

    /** The schema to read when none is named. */
    default String currentSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** Tables the database or this tool keeps for itself. */
    default boolean isInternal(String table) {
        return false;
    }

    /**
     * The named tables read with a few set-wide catalogue queries, one per kind of object, where
     * the dialect has them; empty: {@link SchemaReader} asks {@link java.sql.DatabaseMetaData}
     * table by table. The rows are those {@code DatabaseMetaData} reports, table by table.
     *
     * @param catalog the connection's catalog (MariaDB's and MySQL's database)
     * @param schema  the schema the tables are in (null where the dialect has none)
     */
    default Optional<List<CatalogTable>> wholeCatalog(Connection connection, String catalog, String schema,
                                                      List<String> tables) throws SQLException {
        return Optional.empty();
    }

    /** Column key -> the type exactly as declared, where the driver's TYPE_NAME loses it. */
    default Map<String, String> declaredTypes(Connection connection, String table) throws SQLException {
        return Map.of();
    }

    /** The foreign keys, when the driver's imported-keys answer is not to be trusted. */
    default Optional<List<ForeignKey>> foreignKeys(Connection connection, String table) throws SQLException {
        return Optional.empty();
    }

    /**
     * Whether the database creates an index of its own for each foreign key (MySQL, MariaDB and H2
     * do, named after the key); those indexes are not part of the model and are not read back.
     */
    default boolean indexesForeignKeys() {
        return false;
    }

    /**
     * Whether an index name is one the database made up for a constraint (H2 keeps such a name
     * when the constraint is renamed, so the name no longer starts with the constraint's).
     */
    default boolean isConstraintIndexName(String index) {
        return false;
    }

    /** A column row as the model reads it, where the driver reports a shorthand rather than the type. */
    default CatalogTable.ColumnRow column(CatalogTable.ColumnRow row) {
        return row;
    }

    /** A column default as the model writes it. */
    default String defaultValue(String reported) {
        return reported == null ? null : reported.trim();
    }
}
