package io.github.jpamigrate.core.model;

import java.util.Objects;

/**
 * A logical column type: a {@link TypeKind} plus the length, precision and scale it carries.
 * Written in the descriptor as a compact string such as {@code varchar(255)},
 * {@code decimal(38,2)} or {@code timestamp_tz(6)}; an array as its element type followed by
 * {@code []}, such as {@code varchar(255)[]}.
 *
 * @param kind      the type family
 * @param length    character or byte length, for {@link TypeKind.Params#LENGTH} kinds, else null
 * @param precision digits (decimal), binary digits (float) or fractional-second digits, else null
 * @param scale     digits after the point for {@link TypeKind.Params#PRECISION_SCALE} kinds, else null
 * @param element   the type of each element of an {@link TypeKind#ARRAY}, else null
 */
public record ColumnType(TypeKind kind, Integer length, Integer precision, Integer scale, ColumnType element) {

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        // Hibernate has no arrays of arrays or of large objects as basic values
        require(kind == TypeKind.ARRAY ? element != null && element.kind() != TypeKind.ARRAY : element == null,
                kind, kind == TypeKind.ARRAY ? "takes an element type that is not an array" : "takes no element type");
        switch (kind.params()) {
            case NONE -> {
                require(length == null && precision == null && scale == null, kind, "takes no parameters");
            }
            case LENGTH -> require(length != null && length > 0 && precision == null && scale == null,
                    kind, "takes a positive length");
            case PRECISION -> require(length == null && precision != null && precision >= 0 && scale == null,
                    kind, "takes a precision");
            case PRECISION_SCALE -> require(length == null && precision != null && precision >= 0
                    && scale != null && scale >= 0, kind, "takes a precision and a scale");
        }
    }

    private static void require(boolean ok, TypeKind kind, String what) {
        if (!ok) {
            throw new IllegalArgumentException("type " + kind.jsonName() + " " + what);
        }
    }

    /** A type without an element type: every kind but {@link TypeKind#ARRAY}. */
    public ColumnType(TypeKind kind, Integer length, Integer precision, Integer scale) {
        this(kind, length, precision, scale, null);
    }

    /** An array of {@code element}s. */
    public static ColumnType arrayOf(ColumnType element) {
        return new ColumnType(TypeKind.ARRAY, null, null, null, element);
    }

    public static ColumnType of(TypeKind kind) {
        return new ColumnType(kind, null, null, null);
    }

    public static ColumnType withLength(TypeKind kind, int length) {
        return new ColumnType(kind, length, null, null);
    }

    public static ColumnType withPrecision(TypeKind kind, int precision) {
        return new ColumnType(kind, null, precision, null);
    }

    public static ColumnType withPrecisionScale(TypeKind kind, int precision, int scale) {
        return new ColumnType(kind, null, precision, scale);
    }

    /** The descriptor form, e.g. {@code decimal(38,2)}. */
    @Override
    public String toString() {
        if (element != null) {
            return element + "[]";
        }
        return switch (kind.params()) {
            case NONE -> kind.jsonName();
            case LENGTH -> kind.jsonName() + "(" + length + ")";
            case PRECISION -> kind.jsonName() + "(" + precision + ")";
            case PRECISION_SCALE -> kind.jsonName() + "(" + precision + "," + scale + ")";
        };
    }

    /**
     * Parses the descriptor form written by {@link #toString()}.
     *
     * @throws IllegalArgumentException with a message naming the text when it is not a known type
     */
    public static ColumnType parse(String text) {
        String s = text.trim();
        if (s.endsWith("[]")) {
            try {
                return arrayOf(parse(s.substring(0, s.length() - 2)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("array type '" + text + "': " + e.getMessage(), e);
            }
        }
        int open = s.indexOf('(');
        String name = open < 0 ? s : s.substring(0, open);
        TypeKind kind = TypeKind.fromJsonName(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown column type '" + text + "'");
        }
        Integer a = null;
        Integer b = null;
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException("column type '" + text + "' lacks a closing parenthesis");
            }
            String[] parts = s.substring(open + 1, s.length() - 1).split(",", -1);
            try {
                a = Integer.valueOf(parts[0].trim());
                if (parts.length == 2) {
                    b = Integer.valueOf(parts[1].trim());
                } else if (parts.length > 2) {
                    throw new IllegalArgumentException("column type '" + text + "' has too many parameters");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column type '" + text + "' has a parameter that is not a number");
            }
        }
        try {
            return switch (kind.params()) {
                case NONE -> new ColumnType(kind, a, b, null);
                case LENGTH -> new ColumnType(kind, a, b, null);
                case PRECISION -> new ColumnType(kind, null, a, b);
                case PRECISION_SCALE -> new ColumnType(kind, null, a, b);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column type '" + text + "': " + e.getMessage(), e);
        }
    }
}
