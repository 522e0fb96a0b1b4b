package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * Builds the column of a basic attribute: name, type, nullability, uniqueness, default, comment,
 * and the attribute-level checks, as Hibernate binds them and Bean Validation then changes them.
 */
final class ColumnFactory {

    /** What the attribute is to its entity; ids and versions have their own nullability rules. */
    enum Role { PLAIN, ID, VERSION }

    private final ScanContext ctx;
    private final ColumnTypes types;
    private final BeanValidation validation;

    ColumnTypes types() {
        return types;
    }

    ColumnFactory(ScanContext ctx, ColumnTypes types) {
        this.ctx = ctx;
        this.types = types;
        this.validation = new BeanValidation(ctx);
    }

    ColumnDraft basic(Attribute attr, BindingScope scope, Role role) {
        AnnotationValues override = scope.overrides().column(attr.name());
        AnnotationValues column = override != null ? override : ctx.annotations().jpa(attr.element(), Jpa.COLUMN).orElse(null);
        String logical = column != null && column.nonEmpty("name") != null ? column.nonEmpty("name") : attr.name();
        String name = ctx.naming().physical(logical);
        BeanValidation.Constraints valid = validation.of(attr, scope.validation());
        TypeHints hints = hints(attr.element(), column, scope.overrides().convert(attr.name()));
        boolean autoConvert = role == Role.PLAIN;
        ColumnTypes.Mapped mapped = types.map(attr, attr.type(), hints.validated(valid.resize()), autoConvert);
        ColumnType bound = valid.resize().any() ? types.map(attr, attr.type(), hints, autoConvert).type() : mapped.type();
        boolean nullable = nullable(attr, column, scope, role, name, valid.notNull());
        Column c = new Column(name, mapped.type(), nullable,
                column != null && column.bool("unique"), defaultValue(attr.element()), false,
                column == null ? null : column.nonEmpty("columnDefinition"), mapped.enumRef(),
                comment(attr.element(), column));
        checks(attr.element(), scope.table());
        return new ColumnDraft(logical, c, attr.element(), attr.declaringType().getQualifiedName().toString())
                .validated(bound, valid.checks(name)).readOnly(readOnly(column));
    }

    /** {@code insertable = false, updatable = false}: the attribute only reads a column another mapping writes. */
    static boolean readOnly(AnnotationValues column) {
        return column != null && !column.bool("insertable") && !column.bool("updatable");
    }

    /**
     * The type-deciding mapping annotations on an attribute; {@code column} is the effective {@code @Column}.
     * Bean Validation comes on top ({@link TypeHints#validated}) where it applies.
     */
    TypeHints hints(Element element, AnnotationValues column) {
        return hints(element, column, null);
    }

    /**
     * As {@link #hints(Element, AnnotationValues)}, with the {@code @Convert(attributeName)} an enclosing
     * embedded attribute or entity class writes for this attribute, which wins over the attribute's own.
     */
    TypeHints hints(Element element, AnnotationValues column, AnnotationValues outerConvert) {
        MappingAnnotations a = ctx.annotations();
        AnnotationValues convert = outerConvert != null ? outerConvert : a.jpaAll(element, Jpa.CONVERT, Jpa.CONVERTS)
                .stream().filter(c -> c.string("attributeName").isEmpty()).findFirst().orElse(null);
        boolean disabled = convert != null && convert.bool("disableConversion");
        return new TypeHints(
                a.hasJpa(element, Jpa.LOB),
                a.jpa(element, Jpa.TEMPORAL).map(t -> t.enumConstant("value")).orElse(null),
                a.jpa(element, Jpa.ENUMERATED).orElse(null),
                column,
                a.qualified(element, Jpa.JDBC_TYPE_CODE).map(t -> t.integer("value")).orElse(null),
                convert == null || disabled ? null : convert.typeElement("converter"),
                disabled,
                BeanValidation.Resize.NONE,
                customType(element),
                a.qualified(element, Jpa.NATIONALIZED).isPresent());
    }

    /** Hibernate's custom type annotations, in the order Hibernate consults them. */
    private AnnotationValues customType(Element element) {
        MappingAnnotations a = ctx.annotations();
        return a.qualified(element, Jpa.TYPE).or(() -> a.qualified(element, Jpa.JDBC_TYPE))
                .or(() -> a.qualified(element, Jpa.JAVA_TYPE)).orElse(null);
    }

    private boolean nullable(Attribute attr, AnnotationValues column, BindingScope scope, Role role, String name,
                             boolean validatedNotNull) {
        if (role == Role.ID || scope.forceNotNull()) {
            return false;
        }
        if (column != null && !column.bool("nullable")) {
            return false;
        }
        MappingAnnotations a = ctx.annotations();
        Optional<AnnotationValues> basic = a.jpa(attr.element(), Jpa.BASIC);
        boolean primitiveNotNull = attr.isPrimitive() && !scope.embedded() && column == null
                && (basic.isEmpty() || ctx.orm().basicPrimitiveNotNull());
        // 6.6 gives a version no rule of its own: a primitive one is NOT NULL only as any primitive is;
        // Hibernate binds a @TenantId as a non-optional attribute, its column NOT NULL (also inside an embeddable)
        boolean implicitNotNull = primitiveNotNull || a.qualified(attr.element(), Jpa.TENANT_ID).isPresent()
                || basic.map(b -> !b.bool("optional")).orElse(false)
                || role == Role.VERSION && ctx.orm().versionAlwaysNotNull();
        if (scope.subclassOfSingleTable()) {
            if (implicitNotNull && scope.requiredInSubclass() != null) {
                scope.requiredInSubclass().add(new String[] {attr.name(), name});
            }
            return true;
        }
        return !implicitNotNull && !validatedNotNull;
    }

    private String defaultValue(Element element) {
        return ctx.annotations().qualified(element, Jpa.COLUMN_DEFAULT).map(d -> d.string("value")).orElse(null);
    }

    private String comment(Element element, AnnotationValues column) {
        Optional<String> hibernate = ctx.annotations().qualified(element, Jpa.COMMENT).map(c -> c.string("value"));
        if (hibernate.isPresent()) {
            return hibernate.get();
        }
        return column != null && column.hasMember("comment") ? column.nonEmpty("comment") : null;
    }

    /** Hibernate's {@code @Check} on an attribute becomes a check of its table. */
    void checks(Element element, TableDraft table) {
        for (AnnotationValues check : ctx.annotations().qualifiedAll(element, Jpa.CHECK, Jpa.CHECKS)) {
            String name = check.hasMember("name") ? check.nonEmpty("name") : null;
            table.addCheck(new CheckConstraint(name, check.string("constraints")));
        }
    }
}
