package io.github.jpamigrate.core.model;

import java.util.Locale;

/**
 * Dialect-neutral column type families. Each renderer maps a kind (with its length, precision
 * and scale) to the SQL type Hibernate generates on that dialect.
 */
public enum TypeKind {
    BOOLEAN(Params.NONE),
    TINYINT(Params.NONE),
    SMALLINT(Params.NONE),
    INTEGER(Params.NONE),
    BIGINT(Params.NONE),
    /** Exact numeric: precision and scale. */
    DECIMAL(Params.PRECISION_SCALE),
    /** Single-precision float (Java {@code float}); precision in binary digits, 24 by default. */
    REAL(Params.PRECISION),
    /** Double-precision float (Java {@code double}); precision in binary digits, 53 by default. */
    DOUBLE(Params.PRECISION),
    CHAR(Params.LENGTH),
    VARCHAR(Params.LENGTH),
    /** Character large object ({@code @Lob String}). */
    CLOB(Params.NONE),
    /**
     * National character types ({@code @Nationalized}): the same storage as {@link #CHAR},
     * {@link #VARCHAR} and {@link #CLOB} on most dialects; MySQL gives them a Unicode character set
     * and H2 under Hibernate 6.6 writes {@code nclob}.
     */
    NCHAR(Params.LENGTH),
    NVARCHAR(Params.LENGTH),
    NCLOB(Params.NONE),
    DATE(Params.NONE),
    /** Time of day; precision = fractional seconds digits. */
    TIME(Params.PRECISION),
    /** Timestamp without time zone; precision = fractional seconds digits. */
    TIMESTAMP(Params.PRECISION),
    /** Timestamp with time zone; precision = fractional seconds digits. */
    TIMESTAMP_TZ(Params.PRECISION),
    /** Time with time zone ({@code OffsetTime}); precision = fractional seconds digits. */
    TIME_TZ(Params.PRECISION),
    /** A duration; precision and scale as Hibernate's {@code Duration} mapping. */
    INTERVAL(Params.PRECISION_SCALE),
    BINARY(Params.LENGTH),
    VARBINARY(Params.LENGTH),
    /** Binary large object ({@code @Lob byte[]}). */
    BLOB(Params.NONE),
    UUID(Params.NONE),
    JSON(Params.NONE),
    XML(Params.NONE),
    /**
     * A SQL array of another kind ({@code String[]}, {@code int[]}, a basic collection with
     * {@code @JdbcTypeCode(SqlTypes.ARRAY)}); the element type is {@link ColumnType#element()}.
     * Where the database has no arrays, each renderer writes what Hibernate falls back to.
     */
    ARRAY(Params.NONE);

    /** Which of length, precision and scale a kind carries. */
    public enum Params { NONE, LENGTH, PRECISION, PRECISION_SCALE }

    private final Params params;

    TypeKind(Params params) {
        this.params = params;
    }

    public Params params() {
        return params;
    }

    /** The lower-case name used in the descriptor, e.g. {@code timestamp_tz}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a kind up by its descriptor name; {@code null} when unknown. */
    public static TypeKind fromJsonName(String name) {
        for (TypeKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
