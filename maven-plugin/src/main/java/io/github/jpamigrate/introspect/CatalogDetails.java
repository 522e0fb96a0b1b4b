package io.github.jpamigrate.introspect;

import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.sql.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few things a dialect reports better than its JDBC metadata does; the generic answers come
 * from {@link java.sql.DatabaseMetaData}.
 */
interface CatalogDetails {

    static CatalogDetails of(Dialect dialect) {
        return dialect == Dialect.SQLITE ? new SqliteCatalogDetails() : new CatalogDetails() { };
    }

    /** The schema to read when none is named. */
    default String currentSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** Tables the database or this tool keeps for itself. */
    default boolean isInternal(String table) {
        return false;
    }

    /** Column key -> the type exactly as declared, where the driver's TYPE_NAME loses it. */
    default Map<String, String> declaredTypes(Connection connection, String table) throws SQLException {
        return Map.of();
    }

    /** The foreign keys, when the driver's imported-keys answer is not to be trusted. */
    default Optional<List<ForeignKey>> foreignKeys(Connection connection, String table) throws SQLException {
        return Optional.empty();
    }

    /** A column default as the model writes it. */
    default String defaultValue(String reported) {
        return reported == null ? null : reported.trim();
    }
}
