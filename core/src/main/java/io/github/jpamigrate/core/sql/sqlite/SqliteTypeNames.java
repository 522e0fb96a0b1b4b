package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.sql.HibernateTypeNames;
import io.github.jpamigrate.core.sql.OrmLine;

/**
 * SQLite type names as Hibernate's community {@code SQLiteDialect} writes them (same on 6.6 and 7).
 * SQLite only keeps a type affinity, but the names matter to Hibernate's schema validation.
 */
public class SqliteTypeNames extends HibernateTypeNames {

    @Override
    protected String typeName(ColumnType type, OrmLine orm) {
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL, INTERVAL -> scaled("numeric", type);
            case REAL, DOUBLE -> "float";
            case CHAR, NCHAR -> sized("char", type);
            case VARCHAR, NVARCHAR -> sized("varchar", type);
            case CLOB, NCLOB, JSON, XML -> "clob";
            case DATE -> "date";
            case TIME, TIME_TZ -> precise("time", type);
            case TIMESTAMP, TIMESTAMP_TZ -> "timestamp";
            // no arrays: Hibernate stores a Java array as serialized bytes (6.6 and 7 alike)
            case BINARY, VARBINARY, BLOB, UUID, ARRAY -> "blob";
        };
    }

    /** {@code integer primary key} makes the column an alias of the rowid, SQLite's only auto-increment. */
    @Override
    protected String identityType() {
        return "integer";
    }
}
