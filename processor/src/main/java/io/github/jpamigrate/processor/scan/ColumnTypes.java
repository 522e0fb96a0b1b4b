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
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import javax.lang.model.type.ArrayType;
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
        if (hints.customType() != null && hints.columnDefinition() == null && hints.jdbcTypeCode() == null) {
            return customType(attr, type, hints, autoConvert);
        }
        TypeElement converter = hints.converter();
        if (converter == null && autoConvert && !hints.noConversion() && hints.enumerated() == null) {
            converter = autoApplied(type);
        }
        if (converter != null) {
            convertedEnumCheck(attr, type, converter);
            return map(attr, databaseType(converter, attr), hints.converted(), false);
        }
        if (hints.jdbcTypeCode() != null) {
            ColumnType coded = hints.jdbcTypeCode() == JdbcTypeCodes.ARRAY ? declaredArray(attr, type, hints)
                    : JdbcTypeCodes.columnType(hints.jdbcTypeCode(), hints, ctx.orm().defaultTimePrecision());
            if (coded == null) {
                // a code without a portable column type (INET, GEOMETRY, VECTOR...): Hibernate's dialect decides
                Mapped plain = map(attr, type, hints.withoutJdbcTypeCode(), autoConvert);
                ctx.diagnostics().report(Diagnostic.UNKNOWN_COLUMN_TYPE, attr.element(), attr.describe(),
                        "has @JdbcTypeCode(" + hints.jdbcTypeCode() + "), whose column type each Hibernate dialect"
                                + " chooses (e.g. inet on PostgreSQL for SqlTypes.INET)", plain.type());
                return plain;
            }
            return new Mapped(coded, null);
        }
        if (ctx.isEnum(type)) {
            return enumType(type, hints);
        }
        if (hints.enumerated() != null) {
            throw new MappingError(Diagnostic.ENUMERATED_NOT_ENUM, attr.element(), hints.enumerated(), null,
                    "Enumerated", attr.describe(), type);
        }
        ColumnType mapped = basic(ctx.rawName(type), hints);
        if (mapped == null && isBasicPlural(type)) {
            mapped = declaredArray(attr, type, hints);
        }
        if (mapped == null && type.getKind() == javax.lang.model.type.TypeKind.ARRAY && !hints.lob()) {
            mapped = array(attr, ((ArrayType) type).getComponentType(), hints);
        }
        if (mapped == null && ctx.isSubtype(type, "java.io.Serializable") && !ctx.isEntity(ctx.typeElement(type))) {
            mapped = serialized(hints);
        }
        if (mapped == null) {
            throw new MappingError(Diagnostic.UNSUPPORTED_TYPE, attr.element(), attr.describe(), type);
        }
        return new Mapped(mapped, null);
    }

    /**
     * A Java array is a SQL array of its element's type (Hibernate 6 and 7 alike, where the database
     * has arrays; each renderer writes the fallback where it has none). An element Hibernate maps in
     * ways not covered here is warned about and recorded as serialized bytes.
     */
    private ColumnType array(Attribute attr, TypeMirror component, TypeHints hints) {
        ColumnType element = component.getKind() == javax.lang.model.type.TypeKind.ARRAY ? null
                : basic(ctx.rawName(component), hints.arrayElement());
        if (element != null && element.kind() != TypeKind.CLOB && element.kind() != TypeKind.NCLOB
                && element.kind() != TypeKind.BLOB) {
            ColumnType array = ColumnType.arrayOf(element);
            String wrapper = ctx.rawName(component);
            if (wrapper.equals("java.lang.Byte") || wrapper.equals("java.lang.Character")) {
                ctx.diagnostics().report(Diagnostic.UNKNOWN_COLUMN_TYPE, attr.element(), attr.describe(),
                        "is a " + wrapper.substring("java.lang.".length()) + "[], whose mapping depends on"
                                + " hibernate.type.wrapper_array_handling (by default Hibernate refuses it; ALLOW makes"
                                + " it an array, LEGACY a binary or character string)", array);
            }
            return array;
        }
        ColumnType recorded = serialized(hints);
        ctx.diagnostics().report(Diagnostic.UNKNOWN_COLUMN_TYPE, attr.element(), attr.describe(),
                "is an array of " + component + ", which jpa-migrate does not map as an array element", recorded);
        return recorded;
    }

    /**
     * A {@code Collection} (not a {@code Map}) of one basic element type, such as {@code List<String>}:
     * without a collection annotation Hibernate 6 and 7 map it as one column of a basic plural type,
     * an array of the element (as {@code @JdbcTypeCode(SqlTypes.ARRAY)} does).
     */
    boolean isBasicPlural(TypeMirror type) {
        if (!(type instanceof DeclaredType declared) || declared.getTypeArguments().size() != 1
                || !ctx.isSubtype(type, "java.util.Collection")) {
            return false;
        }
        ColumnType element = basic(ctx.rawName(declared.getTypeArguments().get(0)), TypeHints.none());
        return element != null && element.kind() != TypeKind.CLOB && element.kind() != TypeKind.NCLOB
                && element.kind() != TypeKind.BLOB;
    }

    /** {@code @JdbcTypeCode(SqlTypes.ARRAY)} on a Java array or a basic collection ({@code List<String>}). */
    private ColumnType declaredArray(Attribute attr, TypeMirror type, TypeHints hints) {
        TypeMirror component = null;
        if (type.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
            component = ((ArrayType) type).getComponentType();
        } else if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
            component = declared.getTypeArguments().get(0);
        }
        ColumnType element = component == null ? null : basic(ctx.rawName(component), hints.arrayElement());
        if (element == null || element.kind() == TypeKind.CLOB || element.kind() == TypeKind.NCLOB
                || element.kind() == TypeKind.BLOB) {
            throw new MappingError(Diagnostic.UNSUPPORTED_TYPE, attr.element(), attr.describe(),
                    type + " with @JdbcTypeCode(SqlTypes.ARRAY)");
        }
        return ColumnType.arrayOf(element);
    }

    /** Hibernate stores any other Serializable value as serialized bytes, in a large object under {@code @Lob}. */
    private static ColumnType serialized(TypeHints hints) {
        return hints.lob() ? ColumnType.of(TypeKind.BLOB) : ColumnType.withLength(TypeKind.VARBINARY, hints.length());
    }

    /**
     * A custom Hibernate type ({@code @Type}, {@code @JdbcType}, {@code @JavaType}) decides the column
     * type when Hibernate runs, which the processor cannot do: it records what the Java type alone
     * maps to (serialized bytes when nothing) and says so on the attribute.
     */
    private Mapped customType(Attribute attr, TypeMirror type, TypeHints hints, boolean autoConvert) {
        TypeHints plain = new TypeHints(hints.lob(), hints.temporal(), hints.enumerated(), hints.column(), null,
                hints.converter(), hints.noConversion(), hints.validated(), null, hints.nationalized());
        Mapped mapped;
        try {
            mapped = map(attr, type, plain, autoConvert);
        } catch (MappingError unmapped) {
            mapped = new Mapped(serialized(hints), null);
        }
        AnnotationValues custom = hints.customType();
        ctx.diagnostics().report(Diagnostic.UNKNOWN_COLUMN_TYPE, attr.element(), custom, null, attr.describe(),
                "uses the custom Hibernate type " + describe(custom), mapped.type());
        return mapped;
    }

    /** {@code @Type(StringArrayType.class)}, or Hibernate 5's {@code @Type(type = "string-array")}. */
    private static String describe(AnnotationValues custom) {
        String name = custom.typeName().substring(custom.typeName().lastIndexOf('.') + 1);
        String member = custom.hasMember("value") && custom.isSet("value") ? "value"
                : custom.hasMember("type") && custom.isSet("type") ? "type" : null;
        if (member == null) {
            return "@" + name;
        }
        Object value = custom.value(member).getValue();
        String text = value instanceof TypeMirror t ? simpleName(t) + ".class" : "\"" + value + "\"";
        return "@" + name + "(" + (member.equals("value") ? "" : member + " = ") + text + ")";
    }

    private static String simpleName(TypeMirror type) {
        String text = type.toString();
        return text.substring(text.lastIndexOf('.') + 1);
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
            case "char", "java.lang.Character" -> ColumnType.withLength(h.nationalized() ? TypeKind.NCHAR : TypeKind.CHAR,
                    h.length() == 255 ? 1 : h.length());
            case "java.lang.String", "char[]" -> h.lob() ? clob(h) : varchar(h);
            case "java.lang.Character[]" -> h.lob() ? clob(h) : null;
            case "byte[]" -> h.lob() ? ColumnType.of(TypeKind.BLOB) : ColumnType.withLength(TypeKind.VARBINARY, positive(h.length()));
            case "java.lang.Byte[]" -> h.lob() ? ColumnType.of(TypeKind.BLOB) : null;
            case "java.sql.Blob" -> ColumnType.of(TypeKind.BLOB);
            case "java.sql.Clob" -> clob(h);
            case "java.sql.NClob" -> ColumnType.of(TypeKind.NCLOB);
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
        return ColumnType.withLength(h.nationalized() ? TypeKind.NVARCHAR : TypeKind.VARCHAR, positive(h.length()));
    }

    private static ColumnType clob(TypeHints h) {
        return ColumnType.of(h.nationalized() ? TypeKind.NCLOB : TypeKind.CLOB);
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

    /**
     * Hibernate 7 calls an enum's converter on every constant at boot and checks the column against
     * the results (6.6 adds no check); the processor cannot run the converter, so it says so.
     */
    private void convertedEnumCheck(Attribute attr, TypeMirror type, TypeElement converter) {
        if (ctx.isEnum(type) && ctx.orm().convertedEnumCheck()) {
            ctx.diagnostics().report(Diagnostic.CONVERTED_ENUM_CHECK, attr.element(), attr.describe(),
                    converter.getSimpleName());
        }
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
