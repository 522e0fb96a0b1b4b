package io.github.jpamigrate.core.sql.h2;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.sql.HibernateTypeNames;
import io.github.jpamigrate.core.sql.OrmLine;
import java.util.List;

/** H2 2.x type names as Hibernate's {@code H2Dialect} writes them (same on 6.6 and 7). */
public class H2TypeNames extends HibernateTypeNames {

    /** Longest character or binary string H2 stores inline; Hibernate switches to a LOB beyond it. */
    static final int MAX_INLINE_LENGTH = 1_048_576;

    @Override
    protected String typeName(ColumnType type, OrmLine orm) {
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL, INTERVAL -> scaled("numeric", type);
            case REAL, DOUBLE -> precise("float", type);
            case CHAR, NCHAR -> sized("char", type);
            case VARCHAR, NVARCHAR -> type.length() <= MAX_INLINE_LENGTH ? sized("varchar", type) : "clob";
            case CLOB -> "clob";
            // H2 reads both back as character large object
            case NCLOB -> orm == OrmLine.HIBERNATE_6_6 ? "nclob" : "clob";
            case DATE -> "date";
            case TIME -> precise("time", type);
            case TIME_TZ -> precise("time", type) + " with time zone";
            case TIMESTAMP -> precise("timestamp", type);
            case TIMESTAMP_TZ -> precise("timestamp", type) + " with time zone";
            case BINARY -> sized("binary", type);
            case VARBINARY -> type.length() <= MAX_INLINE_LENGTH ? sized("varbinary", type) : "blob";
            case BLOB -> "blob";
            case UUID -> "uuid";
            case JSON -> "json";
            case XML -> "clob";
            case ARRAY -> typeName(type.element(), orm) + " array";
        };
    }

    @Override
    protected String namedEnumType(List<String> constants) {
        return enumOf(constants);
    }
}
