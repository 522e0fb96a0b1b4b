package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQL type as a database reports it ({@code character varying(255)}, {@code int8},
 * {@code float(53)}, {@code timestamp(6) with time zone}, {@code datetime(6)}) back into a logical
 * type. Together with {@link ColumnTypeNames} it gives each dialect a canonical type: two columns
 * have the same type on a dialect when their rendered-then-read types are equal, which is how
 * {@code float(53)} and {@code double precision} compare equal.
 */
public final class SqlTypeText {

    private static final Pattern TYPE = Pattern.compile(
            "([a-z][a-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*((?:with|without) time zone)?\\s*(unsigned)?");

    private SqlTypeText() {
    }

    /** The logical type of a SQL type text; null when the text names no type this tool maps. */
    public static ColumnType parse(String sql) {
        String text = sql.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        // MySQL's @Nationalized columns name their character set; the stored type is the same
        text = text.replaceFirst(" character set \\w+$", "");
        String element = arrayElement(text);
        if (element != null) {
            ColumnType type = parse(element);
            return type == null || type.kind() == TypeKind.ARRAY ? null : ColumnType.arrayOf(type);
        }
        if (text.startsWith("enum")) {
            return ColumnType.withLength(TypeKind.VARCHAR, 255);
        }
        Matcher m = TYPE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1).trim();
        Integer a = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer b = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        boolean withZone = "with time zone".equals(m.group(4));
        return switch (name) {
            case "boolean", "bool", "bit" -> ColumnType.of(TypeKind.BOOLEAN);
            case "tinyint", "int1" -> ColumnType.of(TypeKind.TINYINT);
            case "smallint", "int2" -> ColumnType.of(TypeKind.SMALLINT);
            case "integer", "int", "int4", "mediumint" -> ColumnType.of(TypeKind.INTEGER);
            case "bigint", "int8" -> ColumnType.of(TypeKind.BIGINT);
            case "numeric", "decimal", "number" -> ColumnType.withPrecisionScale(TypeKind.DECIMAL, or(a, 38), or(b, 0));
            case "real", "float4" -> ColumnType.withPrecision(TypeKind.REAL, 24);
            case "double", "double precision", "float8" -> ColumnType.withPrecision(TypeKind.DOUBLE, 53);
            case "float" -> a != null && a <= 24 ? ColumnType.withPrecision(TypeKind.REAL, 24) : ColumnType.withPrecision(TypeKind.DOUBLE, 53);
            case "char", "character", "nchar", "national character", "bpchar" -> ColumnType.withLength(TypeKind.CHAR, or(a, 1));
            case "varchar", "character varying", "nvarchar", "national character varying", "varchar2" -> ColumnType.withLength(TypeKind.VARCHAR, or(a, 255));
            case "text", "clob", "nclob", "longtext", "mediumtext", "tinytext", "character large object",
                 "national character large object", "oid" -> ColumnType.of(TypeKind.CLOB);
            case "date" -> ColumnType.of(TypeKind.DATE);
            case "time" -> ColumnType.withPrecision(withZone ? TypeKind.TIME_TZ : TypeKind.TIME, or(a, 0));
            case "timetz" -> ColumnType.withPrecision(TypeKind.TIME_TZ, or(a, 6));
            case "timestamp", "datetime" -> ColumnType.withPrecision(withZone ? TypeKind.TIMESTAMP_TZ : TypeKind.TIMESTAMP, or(a, 6));
            case "timestamptz" -> ColumnType.withPrecision(TypeKind.TIMESTAMP_TZ, or(a, 6));
            case "binary" -> ColumnType.withLength(TypeKind.BINARY, or(a, 1));
            case "varbinary", "binary varying" -> ColumnType.withLength(TypeKind.VARBINARY, or(a, 255));
            case "blob", "bytea", "longblob", "mediumblob", "tinyblob", "binary large object" -> ColumnType.of(TypeKind.BLOB);
            case "uuid" -> ColumnType.of(TypeKind.UUID);
            case "json", "jsonb" -> ColumnType.of(TypeKind.JSON);
            case "xml" -> ColumnType.of(TypeKind.XML);
            case "interval second" -> ColumnType.withPrecisionScale(TypeKind.INTERVAL, or(a, 21), or(b, 0));
            default -> null;
        };
    }

    /**
     * The element type of an array type as Hibernate writes it ({@code integer array}, H2 reports
     * the same) or as PostgreSQL does ({@code integer[]}); null when the text is no array.
     */
    private static String arrayElement(String text) {
        if (text.endsWith(" array")) {
            return text.substring(0, text.length() - " array".length());
        }
        if (text.endsWith("[]")) {
            return text.substring(0, text.length() - 2);
        }
        return null;
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
