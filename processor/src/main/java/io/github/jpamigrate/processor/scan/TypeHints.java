package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.processor.jpa.AnnotationValues;
import javax.lang.model.element.TypeElement;

/**
 * What besides the Java type decides a column type: the annotations on the attribute (or, for map
 * keys, their {@code MapKey*} variants).
 *
 * @param lob          {@code @Lob}
 * @param temporal     {@code @Temporal} value ({@code DATE}, {@code TIME}, {@code TIMESTAMP}), or null
 * @param enumerated   the {@code @Enumerated} annotation, or null
 * @param column       the {@code @Column} (or override / {@code @MapKeyColumn}) giving length, precision, scale
 * @param jdbcTypeCode Hibernate {@code @JdbcTypeCode} value, or null
 * @param converter    the converter class from {@code @Convert}, or null
 * @param noConversion {@code @Convert(disableConversion = true)}: auto-applied converters are skipped
 * @param validated    length, precision and scale set by Bean Validation, which win over the column's
 * @param customType   Hibernate's {@code @Type}, {@code @JavaType} or {@code @JdbcType}, whose column type
 *                     only Hibernate can know at run time; or null
 * @param nationalized Hibernate's {@code @Nationalized}: character data in the national character types
 */
record TypeHints(boolean lob, String temporal, AnnotationValues enumerated, AnnotationValues column,
                 Integer jdbcTypeCode, TypeElement converter, boolean noConversion, BeanValidation.Resize validated,
                 AnnotationValues customType, boolean nationalized) {

    static TypeHints none() {
        return new TypeHints(false, null, null, null, null, null, false, BeanValidation.Resize.NONE, null, false);
    }

    TypeHints withColumn(AnnotationValues value) {
        return new TypeHints(lob, temporal, enumerated, value, jdbcTypeCode, converter, noConversion, validated, customType, nationalized);
    }

    /** The same hints once Bean Validation has resized the column. */
    TypeHints validated(BeanValidation.Resize resize) {
        return new TypeHints(lob, temporal, enumerated, column, jdbcTypeCode, converter, noConversion, resize, customType, nationalized);
    }

    /** The hints for the converter's database type: the conversion is already applied. */
    TypeHints converted() {
        return new TypeHints(lob, temporal, null, column, jdbcTypeCode, null, true, validated, customType, nationalized);
    }

    /** The same hints without {@code @JdbcTypeCode}: what the Java type alone maps to. */
    TypeHints withoutJdbcTypeCode() {
        return new TypeHints(lob, temporal, enumerated, column, null, converter, noConversion, validated, customType, nationalized);
    }

    /** The hints for each element of an array: length, precision and scale apply to the element, {@code @Lob} does not. */
    TypeHints arrayElement() {
        return new TypeHints(false, temporal, enumerated, column, null, null, true, validated, null, nationalized);
    }

    /** {@code @Column(columnDefinition)}, which states the column type verbatim; null when not given. */
    String columnDefinition() {
        return column == null ? null : column.nonEmpty("columnDefinition");
    }

    int length() {
        if (validated.length() != null) {
            return validated.length();
        }
        return column != null && column.hasMember("length") ? column.integer("length") : 255;
    }

    int precision() {
        if (validated.precision() != null) {
            return validated.precision();
        }
        return column != null && column.hasMember("precision") ? column.integer("precision") : 0;
    }

    int scale() {
        if (validated.scale() != null) {
            return validated.scale();
        }
        return column != null && column.hasMember("scale") ? column.integer("scale") : 0;
    }

    /** JPA 3.2 {@code @Column(secondPrecision)}; -1 when not given. */
    int secondPrecision() {
        return column != null && column.hasMember("secondPrecision") ? column.integer("secondPrecision") : -1;
    }
}
