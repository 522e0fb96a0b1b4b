package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * The Bean Validation constraints Hibernate turns into DDL when a validator is present: NOT NULL
 * ({@code @NotNull}, {@code @NotEmpty}, {@code @NotBlank}), string length ({@code @Size}, Hibernate
 * Validator's {@code @Length}), decimal digits ({@code @Digits}) and range checks ({@code @Min},
 * {@code @Max}), written directly, in a {@code .List} container or composing another constraint.
 * Hibernate applies them only after the whole mapping is bound, which is why a join column copies
 * the referenced column's type from before ({@link ColumnDraft#boundType()}).
 */
final class BeanValidation {

    /**
     * How far the constraints reach into a binding. Hibernate follows an embedded value only through
     * {@code @Valid}, makes its columns NOT NULL only while every embedding attribute is not null too,
     * and never looks at the columns of a collection.
     */
    enum Reach { NONE, WITHOUT_NOT_NULL, ALL }

    /**
     * What the constraints of one attribute do to its columns.
     *
     * @param notNull the columns become NOT NULL
     * @param resize  the length, precision and scale the columns get
     * @param bounds  range conditions, each written after a column name ({@code >=18}, {@code <=99})
     */
    record Constraints(boolean notNull, Resize resize, List<String> bounds) {

        static final Constraints NONE = new Constraints(false, Resize.NONE, List.of());

        /**
         * The bounds as Hibernate's DDL writes them ({@code age>=18}): Hibernate adds one unnamed check
         * per bound to the column and writes a column's unnamed checks as a single one,
         * {@code (age>=18) and (age<=99)}, on both lines.
         */
        List<CheckConstraint> checks(String column) {
            if (bounds.size() < 2) {
                return bounds.stream().map(b -> new CheckConstraint(null, column + b)).toList();
            }
            return List.of(new CheckConstraint(null, String.join(" and ", bounds.stream().map(b -> "(" + column + b + ")").toList())));
        }
    }

    /** Column sizes set by constraints, each null when none sets it. */
    record Resize(Integer length, Integer precision, Integer scale) {

        static final Resize NONE = new Resize(null, null, null);

        boolean any() {
            return length != null || precision != null;
        }
    }

    /** Composed constraints nest; a constraint annotated with itself must not loop. */
    private static final int MAX_DEPTH = 8;

    private final ScanContext ctx;

    /** Per annotation type: whether it is a constraint, and its member names (pure facts of the declaration). */
    private final Map<TypeElement, Boolean> constraints = new HashMap<>();
    private final Map<TypeElement, List<String>> members = new HashMap<>();

    BeanValidation(ScanContext ctx) {
        this.ctx = ctx;
    }

    /** The constraints on an attribute that Hibernate applies at this reach. */
    Constraints of(Attribute attr, Reach reach) {
        if (reach == Reach.NONE || !validatorProperty(attr)) {
            return Constraints.NONE;
        }
        // as Hibernate, @Size and @Length change only an attribute declared as String
        Found found = new Found("java.lang.String".equals(ctx.rawName(attr.type())));
        for (AnnotationMirror m : attr.element().getAnnotationMirrors()) {
            if (inDefaultGroup(m)) {
                collect(m, Map.of(), found, 0);
            }
        }
        Resize resize = new Resize(found.length, found.precision, found.scale);
        return new Constraints(found.notNull && reach == Reach.ALL, resize, List.copyOf(found.bounds));
    }

    /** The reach inside an embedded attribute's value. */
    Reach into(Attribute embedded, Reach outer) {
        if (outer == Reach.NONE || ctx.annotations().validation(embedded.element(), Jpa.VALID).isEmpty()) {
            return Reach.NONE;
        }
        return of(embedded, outer).notNull() ? Reach.ALL : Reach.WITHOUT_NOT_NULL;
    }

    /**
     * Whether the validator sees the attribute as a property: it reads an {@code is} getter only when
     * it returns a primitive {@code boolean}, where Hibernate ORM also maps one returning {@code Boolean}.
     */
    private static boolean validatorProperty(Attribute attr) {
        return !(attr.element() instanceof ExecutableElement getter && getter.getSimpleName().toString().startsWith("is")
                && getter.getReturnType().getKind() != TypeKind.BOOLEAN);
    }

    /** Hibernate validates DDL in the default group: a constraint limited to other groups does not count. */
    private boolean inDefaultGroup(AnnotationMirror m) {
        if (!declares((TypeElement) m.getAnnotationType().asElement(), "groups")) {
            return true;
        }
        AnnotationValue groups = values(m).get("groups");
        if (!(groups != null && groups.getValue() instanceof List<?> list) || list.isEmpty()) {
            return true;
        }
        for (Object group : list) {
            if (((AnnotationValue) group).getValue() instanceof DeclaredType t
                    && "groups.Default".equals(MappingAnnotations.validationName(qualifiedName(t.asElement())))) {
                return true;
            }
        }
        return false;
    }

    private void collect(AnnotationMirror m, Map<String, AnnotationValue> overrides, Found found, int depth) {
        TypeElement type = (TypeElement) m.getAnnotationType().asElement();
        String qualified = qualifiedName(type);
        String name = Jpa.VALIDATOR_LENGTH.equals(qualified) ? Jpa.SIZE : MappingAnnotations.validationName(qualified);
        if (name == null && (depth >= MAX_DEPTH || !isConstraint(type) && !declares(type, "value")
                && !overrides.containsKey("value"))) {
            // neither a constraint nor a container of constraints (a JPA annotation, say): nothing to read
            return;
        }
        Map<String, AnnotationValue> values = values(m);
        values.putAll(overrides);
        if (name != null) {
            apply(name, values, found);
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        if (isConstraint(type)) {
            composing(type, values, found, depth + 1);
        } else if (values.get("value") != null && values.get("value").getValue() instanceof List<?> items) {
            // a multi-valued constraint container such as @Min.List
            for (Object item : items) {
                if (((AnnotationValue) item).getValue() instanceof AnnotationMirror nested
                        && isConstraint((TypeElement) nested.getAnnotationType().asElement())
                        && (depth > 0 || inDefaultGroup(nested))) {
                    collect(nested, Map.of(), found, depth + 1);
                }
            }
        }
    }

    private static void apply(String name, Map<String, AnnotationValue> values, Found found) {
        switch (name) {
            case Jpa.NOT_NULL, Jpa.NOT_EMPTY, Jpa.NOT_BLANK -> found.notNull = true;
            case Jpa.SIZE -> {
                int max = number(values, "max").intValue();
                if (found.string && max < Integer.MAX_VALUE) {
                    found.length = max;
                }
            }
            case Jpa.DIGITS -> {
                int fraction = number(values, "fraction").intValue();
                found.precision = number(values, "integer").intValue() + fraction;
                found.scale = fraction;
            }
            case Jpa.MIN -> found.bound(">=" + number(values, "value").longValue());
            case Jpa.MAX -> found.bound("<=" + number(values, "value").longValue());
            default -> {
                // other constraints leave the DDL alone
            }
        }
    }

    /**
     * The constraints a composed constraint is annotated with, each with the members the composed
     * constraint overrides ({@code @OverridesAttribute}) set from its own values.
     */
    private void composing(TypeElement composed, Map<String, AnnotationValue> composedValues, Found found, int depth) {
        Map<String, Integer> seen = new HashMap<>();
        for (AnnotationMirror part : composed.getAnnotationMirrors()) {
            TypeElement partType = (TypeElement) part.getAnnotationType().asElement();
            String partName = qualifiedName(partType);
            int index = seen.merge(partName, 1, Integer::sum) - 1;
            Map<String, AnnotationValue> overrides = new HashMap<>();
            for (ExecutableElement member : ElementFilter.methodsIn(composed.getEnclosedElements())) {
                for (AnnotationMirror override : overridesOf(member)) {
                    Map<String, AnnotationValue> o = values(override);
                    int wanted = number(o, "constraintIndex").intValue();
                    if (o.get("constraint").getValue() instanceof DeclaredType target
                            && partName.equals(qualifiedName(target.asElement())) && (wanted == -1 || wanted == index)) {
                        overrides.put((String) o.get("name").getValue(),
                                composedValues.get(member.getSimpleName().toString()));
                    }
                }
            }
            collect(part, overrides, found, depth);
        }
    }

    /** The {@code @OverridesAttribute} annotations on a member, bare or in their container. */
    private List<AnnotationMirror> overridesOf(ExecutableElement member) {
        List<AnnotationMirror> out = new ArrayList<>();
        for (AnnotationMirror m : member.getAnnotationMirrors()) {
            String name = MappingAnnotations.validationName(qualifiedName(m.getAnnotationType().asElement()));
            if (Jpa.OVERRIDES_ATTRIBUTE.equals(name)) {
                out.add(m);
            } else if (Jpa.OVERRIDES_ATTRIBUTES.equals(name)) {
                for (Object item : (List<?>) values(m).get("value").getValue()) {
                    out.add((AnnotationMirror) ((AnnotationValue) item).getValue());
                }
            }
        }
        return out;
    }

    private boolean isConstraint(TypeElement type) {
        return constraints.computeIfAbsent(type, t -> t.getAnnotationMirrors().stream().anyMatch(m -> Jpa.CONSTRAINT.equals(
                MappingAnnotations.validationName(qualifiedName(m.getAnnotationType().asElement())))));
    }

    /** Whether the annotation type declares the member. */
    private boolean declares(TypeElement type, String member) {
        return members.computeIfAbsent(type, t -> ElementFilter.methodsIn(t.getEnclosedElements()).stream()
                .map(e -> e.getSimpleName().toString()).toList()).contains(member);
    }

    private Map<String, AnnotationValue> values(AnnotationMirror m) {
        Map<String, AnnotationValue> out = new HashMap<>();
        ctx.elements().getElementValuesWithDefaults(m).forEach((k, v) -> out.put(k.getSimpleName().toString(), v));
        return out;
    }

    private static Number number(Map<String, AnnotationValue> values, String member) {
        return (Number) values.get(member).getValue();
    }

    private static String qualifiedName(Element type) {
        return ((TypeElement) type).getQualifiedName().toString();
    }

    /** What the constraints of one attribute add up to, as they are found. */
    private static final class Found {
        final boolean string;
        boolean notNull;
        Integer length;
        Integer precision;
        Integer scale;
        final List<String> bounds = new ArrayList<>();

        Found(boolean string) {
            this.string = string;
        }

        /** Hibernate adds a check once per text, however many constraints ask for it. */
        void bound(String condition) {
            if (!bounds.contains(condition)) {
                bounds.add(condition);
            }
        }
    }
}
