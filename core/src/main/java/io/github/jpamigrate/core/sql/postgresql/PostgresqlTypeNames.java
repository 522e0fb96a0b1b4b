package io.github.jpamigrate.core.sql.postgresql;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.sql.HibernateTypeNames;
import io.github.jpamigrate.core.sql.OrmLine;

/** PostgreSQL type names as Hibernate's {@code PostgreSQLDialect} writes them (same on 6.6 and 7). */
public class PostgresqlTypeNames extends HibernateTypeNames {

    /** Longest {@code varchar(n)} PostgreSQL accepts; Hibernate uses {@code text} beyond it. */
    static final int MAX_VARCHAR = 10_485_760;

    @Override
    protected String typeName(ColumnType type, OrmLine orm) {
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case TINYINT, SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL, INTERVAL -> scaled("numeric", type);
            // Hibernate maps both Java float and double to SQL FLOAT(p); PostgreSQL's single precision is float4
            case REAL, DOUBLE -> type.precision() <= 24 ? "float4" : precise("float", type);
            // PostgreSQL's character types are Unicode already: @Nationalized changes nothing
            case CHAR, NCHAR -> sized("char", type);
            case VARCHAR, NVARCHAR -> type.length() <= MAX_VARCHAR ? sized("varchar", type) : "text";
            // @Lob maps to PostgreSQL large objects, referenced by oid, not to text/bytea
            case CLOB, NCLOB, BLOB -> "oid";
            case DATE -> "date";
            // OffsetTime is normalised to UTC: no "with time zone" on PostgreSQL
            case TIME, TIME_TZ -> precise("time", type);
            case TIMESTAMP -> precise("timestamp", type);
            case TIMESTAMP_TZ -> precise("timestamp", type) + " with time zone";
            case BINARY, VARBINARY -> "bytea";
            case UUID -> "uuid";
            case JSON -> "jsonb";
            case XML -> "xml";
            // Hibernate's spelling; PostgreSQL itself writes the same type as varchar(255)[]
            case ARRAY -> typeName(type.element(), orm) + " array";
        };
    }
}
