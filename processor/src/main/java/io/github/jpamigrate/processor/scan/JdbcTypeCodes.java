package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;

/**
 * Column types for Hibernate's {@code @JdbcTypeCode}: the value is an {@code org.hibernate.type.SqlTypes}
 * (or {@code java.sql.Types}) constant, read as the int javac folded it to.
 */
final class JdbcTypeCodes {

    /** {@code SqlTypes.ARRAY}: an array of the element type, which {@link ColumnTypes} reads from the Java type. */
    static final int ARRAY = 2003;

    private JdbcTypeCodes() {
    }

    /**
     * The column type of {@code code}, or null for a code whose type each dialect (and ORM line)
     * chooses differently: INET, INSTANT (timestamp without time zone on 7.x), the OFFSET and ZONED
     * codes, TIME_UTC, INTERVAL_SECOND, geometry and vector types. The caller warns (JM032).
     *
     * @param defaultTimePrecision the ORM line's fractional digits of a LOCAL_TIME column
     */
    static ColumnType columnType(int code, TypeHints h, int defaultTimePrecision) {
        int length = h.length() > 0 ? h.length() : 255;
        return switch (code) {
            case 16, -7 -> ColumnType.of(TypeKind.BOOLEAN);
            case -6 -> ColumnType.of(TypeKind.TINYINT);
            case 5 -> ColumnType.of(TypeKind.SMALLINT);
            case 4 -> ColumnType.of(TypeKind.INTEGER);
            case -5 -> ColumnType.of(TypeKind.BIGINT);
            case 2, 3 -> ColumnType.withPrecisionScale(TypeKind.DECIMAL,
                    h.precision() > 0 ? h.precision() : 38, h.precision() > 0 ? h.scale() : 2);
            case 7 -> ColumnType.withPrecision(TypeKind.REAL, 24);
            case 6, 8 -> ColumnType.withPrecision(TypeKind.DOUBLE, 53);
            case 1 -> ColumnType.withLength(TypeKind.CHAR, length == 255 ? 1 : length);
            case -15 -> ColumnType.withLength(TypeKind.NCHAR, length == 255 ? 1 : length);
            case 12, -1, -16 -> ColumnType.withLength(TypeKind.VARCHAR, length);
            case -9 -> ColumnType.withLength(TypeKind.NVARCHAR, length);
            case 2005, 4001, 4002 -> ColumnType.of(TypeKind.CLOB);
            case 2011 -> ColumnType.of(TypeKind.NCLOB);
            case -2 -> ColumnType.withLength(TypeKind.BINARY, length);
            case -3, -4, 4003 -> ColumnType.withLength(TypeKind.VARBINARY, length);
            case 2004 -> ColumnType.of(TypeKind.BLOB);
            case 91 -> ColumnType.of(TypeKind.DATE);
            case 92 -> ColumnType.withPrecision(TypeKind.TIME, 0);
            case 93 -> ColumnType.withPrecision(TypeKind.TIMESTAMP, 6);
            case 2014, 3003 -> ColumnType.withPrecision(TypeKind.TIMESTAMP_TZ, 6);
            case 2013 -> ColumnType.withPrecision(TypeKind.TIME_TZ, 0);
            case 3000 -> ColumnType.of(TypeKind.UUID);
            case 3001 -> ColumnType.of(TypeKind.JSON);
            case 2009 -> ColumnType.of(TypeKind.XML);
            // MATERIALIZED_BLOB, MATERIALIZED_CLOB, MATERIALIZED_NCLOB: a LOB read whole (were json/xml here: wrong)
            case 3004 -> ColumnType.of(TypeKind.BLOB);
            case 3005 -> ColumnType.of(TypeKind.CLOB);
            case 3006 -> ColumnType.of(TypeKind.NCLOB);
            case 3009 -> ColumnType.withPrecision(TypeKind.TIMESTAMP, 6);
            case 3010 -> ColumnType.of(TypeKind.DATE);
            case 3011 -> ColumnType.withPrecision(TypeKind.TIME, defaultTimePrecision);
            default -> null;
        };
    }
}
