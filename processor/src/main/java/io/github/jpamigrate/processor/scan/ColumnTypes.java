package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The logical column type Hibernate gives a Java type, after {@code @Lob}, {@code @Temporal},
 * {@code @Enumerated}, {@code @JdbcTypeCode}, converters and {@code @Column} length / precision /
 * scale. Enums met on the way are collected for the descriptor's enum list.
 */
final class ColumnTypes {

    /** A mapped type, with the enum it stores when it stores one. */
    record Mapped(ColumnType type, EnumRef enumRef) {
    }

    /** Hibernate turns {@code @Column(precision)} of a float, given in decimal digits, into binary digits. */
    private static final double BITS_PER_DIGIT = Math.log(10) / Math.log(2);

    private final ScanContext ctx;
    private final Map<String, EnumType> enums = new TreeMap<>();

    ColumnTypes(ScanContext ctx) {
        this.ctx = ctx;
    }

    /** Enums stored by the columns mapped so far, by class name. */
    List<EnumType> enums() {
        return new ArrayList<>(enums.values());
    }

    /**
     * @param attr   the attribute, for messages
     * @param type   the Java type stored in the column (a collection's element type, a map's key type)
     * @param hints  the annotations that influence the type
     * @param autoConvert whether {@code autoApply} converters may apply (not to ids, versions, relationships)
     */
    Mapped map(Attribute attr, TypeMirror type, TypeHints hints, boolean autoConvert) {
        TypeElement converter = hints.converter();
        if (converter == null && autoConvert && !hints.noConversion() && hints.enumerated() == null) {
            converter = autoApplied(type);
        }
        if (converter != null) {
            return map(attr, databaseType(converter, attr), hints.converted(), false);
        }
        if (hints.jdbcTypeCode() != null) {
            return new Mapped(JdbcTypeCodes.columnType(hints.jdbcTypeCode(), hints, attr), null);
        }
        if (ctx.isEnum(type)) {
            return enumType(type, hints);
        }
        if (hints.enumerated() != null) {
            throw new MappingError(Diagnostic.ENUMERATED_NOT_ENUM, attr.element(), hints.enumerated(), null,
                    "Enumerated", attr.describe(), type);
        }
        ColumnType mapped = basic(ctx.rawName(type), hints);
        if (mapped == null && ctx.isSubtype(type, "java.io.Serializable") && !ctx.isEntity(ctx.typeElement(type))) {
            // Hibernate stores any other Serializable value as serialized bytes
            mapped = ColumnType.withLength(TypeKind.VARBINARY, hints.length());
        }
        if (mapped == null) {
            throw new MappingError(Diagnostic.UNSUPPORTED_TYPE, attr.element(), attr.describe(), type);
        }
        return new Mapped(mapped, null);
    }

    private Mapped enumType(TypeMirror type, TypeHints hints) {
        TypeElement enumType = ctx.typeElement(type);
        List<String> constants = new ArrayList<>();
        for (var e : enumType.getEnclosedElements()) {
            if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                constants.add(e.getSimpleName().toString());
            }
        }
        String name = enumType.getQualifiedName().toString();
        enums.put(name, new EnumType(name, constants));
        boolean byName = hints.enumerated() != null && "STRING".equals(hints.enumerated().enumConstant("value"));
        if (byName) {
            return new Mapped(ColumnType.withLength(TypeKind.VARCHAR, hints.length()),
                    new EnumRef(name, EnumStorage.STRING));
        }
        // Hibernate picks the smallest integer that holds every ordinal
        TypeKind kind = constants.size() > 128 ? TypeKind.SMALLINT : TypeKind.TINYINT;
        return new Mapped(ColumnType.of(kind), new EnumRef(name, EnumStorage.ORDINAL));
    }

    private ColumnType basic(String javaType, TypeHints h) {
        String temporal = h.temporal();
        return switch (javaType) {
            case "boolean", "java.lang.Boolean" -> ColumnType.of(TypeKind.BOOLEAN);
            case "byte", "java.lang.Byte" -> ColumnType.of(TypeKind.TINYINT);
            case "short", "java.lang.Short" -> ColumnType.of(TypeKind.SMALLINT);
            case "int", "java.lang.Integer" -> ColumnType.of(TypeKind.INTEGER);
            case "long", "java.lang.Long" -> ColumnType.of(TypeKind.BIGINT);
            case "float", "java.lang.Float" -> ColumnType.withPrecision(TypeKind.REAL, floatPrecision(h, 24));
            case "double", "java.lang.Double" -> ColumnType.withPrecision(TypeKind.DOUBLE, floatPrecision(h, 53));
            case "char", "java.lang.Character" -> ColumnType.withLength(TypeKind.CHAR, h.length() == 255 ? 1 : h.length());
            case "java.lang.String", "char[]" -> h.lob() ? ColumnType.of(TypeKind.CLOB) : varchar(h);
            case "java.lang.Character[]" -> h.lob() ? ColumnType.of(TypeKind.CLOB) : null;
            case "byte[]" -> h.lob() ? ColumnType.of(TypeKind.BLOB) : ColumnType.withLength(TypeKind.VARBINARY, positive(h.length()));
            case "java.lang.Byte[]" -> h.lob() ? ColumnType.of(TypeKind.BLOB) : null;
            case "java.sql.Blob" -> ColumnType.of(TypeKind.BLOB);
            case "java.sql.Clob", "java.sql.NClob" -> ColumnType.of(TypeKind.CLOB);
            case "java.math.BigDecimal" -> decimal(h, 2);
            case "java.math.BigInteger" -> decimal(h, 0);
            case "java.time.LocalDate", "java.sql.Date" -> ColumnType.of(TypeKind.DATE);
            case "java.time.LocalTime", "java.sql.Time" -> time(TypeKind.TIME, h);
            case "java.time.OffsetTime" -> time(TypeKind.TIME_TZ, h);
            case "java.time.LocalDateTime", "java.sql.Timestamp" -> timestamp(TypeKind.TIMESTAMP, h);
            case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" ->
                    timestamp(TypeKind.TIMESTAMP_TZ, h);
            case "java.util.Date", "java.util.Calendar", "java.util.GregorianCalendar" -> legacyTemporal(temporal, h);
            case "java.time.Duration" -> ColumnType.withPrecisionScale(TypeKind.DECIMAL, 21, 0);
            case "java.util.UUID" -> ColumnType.of(TypeKind.UUID);
            case "java.time.Year" -> ColumnType.of(TypeKind.INTEGER);
            case "java.time.ZoneOffset" -> ColumnType.withLength(TypeKind.VARCHAR, 6);
            case "java.util.Currency" -> ColumnType.withLength(TypeKind.VARCHAR, 3);
            case "java.util.Locale", "java.util.TimeZone", "java.time.ZoneId", "java.net.URL", "java.lang.Class" ->
                    varchar(h);
            default -> null;
        };
    }

    private static ColumnType varchar(TypeHints h) {
        return ColumnType.withLength(TypeKind.VARCHAR, positive(h.length()));
    }

    private static int positive(int length) {
        return length > 0 ? length : 255;
    }

    private static int floatPrecision(TypeHints h, int defaultBits) {
        int digits = h.precision();
        return digits > 0 ? (int) Math.ceil(digits * BITS_PER_DIGIT) : defaultBits;
    }

    /** Hibernate uses {@code @Column(scale)} (or {@code @Digits(fraction)}) only together with a precision. */
    private static ColumnType decimal(TypeHints h, int defaultScale) {
        if (h.precision() > 0) {
            return ColumnType.withPrecisionScale(TypeKind.DECIMAL, h.precision(), h.scale());
        }
        return ColumnType.withPrecisionScale(TypeKind.DECIMAL, 38, defaultScale);
    }

    private ColumnType time(TypeKind kind, TypeHints h) {
        int p = h.secondPrecision();
        return ColumnType.withPrecision(kind, p >= 0 ? p : ctx.orm().defaultTimePrecision());
    }

    private static ColumnType timestamp(TypeKind kind, TypeHints h) {
        int p = h.secondPrecision();
        return ColumnType.withPrecision(kind, p >= 0 ? p : 6);
    }

    private ColumnType legacyTemporal(String temporal, TypeHints h) {
        if ("DATE".equals(temporal)) {
            return ColumnType.of(TypeKind.DATE);
        }
        if ("TIME".equals(temporal)) {
            return time(TypeKind.TIME, h);
        }
        return timestamp(TypeKind.TIMESTAMP, h);
    }

    /** The converter whose {@code @Converter(autoApply = true)} covers this Java type, if any. */
    private TypeElement autoApplied(TypeMirror type) {
        TypeMirror boxed = type.getKind().isPrimitive() ? ctx.types().boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
        for (TypeElement converter : ctx.autoApplyConverters()) {
            List<? extends TypeMirror> args = converterArguments(converter.asType());
            if (args != null && ctx.types().isSameType(ctx.types().erasure(args.get(0)), ctx.types().erasure(boxed))) {
                return converter;
            }
        }
        return null;
    }

    /** The second type argument of the converter's {@code AttributeConverter<X, Y>}. */
    private TypeMirror databaseType(TypeElement converter, Attribute attr) {
        List<? extends TypeMirror> args = converterArguments(converter.asType());
        if (args == null || args.size() != 2 || !(args.get(1) instanceof DeclaredType)) {
            throw new MappingError(Diagnostic.BAD_CONVERTER, attr.element(), converter.getQualifiedName());
        }
        return args.get(1);
    }

    private List<? extends TypeMirror> converterArguments(TypeMirror type) {
        for (TypeMirror sup : ctx.types().directSupertypes(type)) {
            TypeElement te = ctx.typeElement(sup);
            if (te != null && Jpa.ATTRIBUTE_CONVERTER.equals(Namespace.simpleJpaName(te.getQualifiedName().toString()))) {
                return ((DeclaredType) sup).getTypeArguments();
            }
            List<? extends TypeMirror> found = converterArguments(sup);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
