package io.github.jpamigrate.processor.jpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * One annotation on one element, read together with its defaults: most of JPA's meaning lives
 * in default values ({@code nullable = true}, {@code length = 255}), so a member that is absent
 * from the source still answers. Enum constants are returned as their names.
 */
public final class AnnotationValues {

    private final Element annotated;
    private final AnnotationMirror mirror;
    private final Elements elements;
    /** Read on first use: many annotations are only looked for, not read, and javac's defaults are costly. */
    private Map<String, AnnotationValue> values;
    private Map<String, AnnotationValue> explicit;

    public AnnotationValues(Element annotated, AnnotationMirror mirror, Elements elements) {
        this.annotated = annotated;
        this.mirror = mirror;
        this.elements = elements;
    }

    private Map<String, AnnotationValue> values() {
        if (values == null) {
            Map<String, AnnotationValue> all = new LinkedHashMap<>();
            elements.getElementValuesWithDefaults(mirror)
                    .forEach((member, value) -> all.put(member.getSimpleName().toString(), value));
            values = all;
        }
        return values;
    }

    private Map<String, AnnotationValue> explicit() {
        if (explicit == null) {
            Map<String, AnnotationValue> written = new LinkedHashMap<>();
            mirror.getElementValues()
                    .forEach((member, value) -> written.put(member.getSimpleName().toString(), value));
            explicit = written;
        }
        return explicit;
    }

    /** The element the annotation sits on (for diagnostics). */
    public Element annotated() {
        return annotated;
    }

    public AnnotationMirror mirror() {
        return mirror;
    }

    /** Qualified name of the annotation type. */
    public String typeName() {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    /** Whether the member was written in the source (rather than taken from its default). */
    public boolean isSet(String member) {
        return explicit().containsKey(member);
    }

    /** The raw value, for pointing a diagnostic at a member; null when the member does not exist. */
    public AnnotationValue value(String member) {
        AnnotationValue v = explicit().get(member);
        return v != null ? v : values().get(member);
    }

    /** The member as written, or null when it was not written. */
    public AnnotationValue explicitValue(String member) {
        return explicit().get(member);
    }

    public String string(String member) {
        return (String) require(member).getValue();
    }

    /** The string value, or null when it is empty (JPA's "not given"). */
    public String nonEmpty(String member) {
        String s = string(member);
        return s == null || s.isEmpty() ? null : s;
    }

    public boolean bool(String member) {
        return (Boolean) require(member).getValue();
    }

    public int integer(String member) {
        return ((Number) require(member).getValue()).intValue();
    }

    public long longValue(String member) {
        return ((Number) require(member).getValue()).longValue();
    }

    /** The simple name of an enum constant member, e.g. {@code "STRING"}. */
    public String enumConstant(String member) {
        Object v = require(member).getValue();
        return v instanceof VariableElement ve ? ve.getSimpleName().toString() : String.valueOf(v);
    }

    /** A {@code Class<?>} member as a type; null when javac could not resolve it. */
    public TypeMirror type(String member) {
        Object v = require(member).getValue();
        return v instanceof TypeMirror t ? t : null;
    }

    /** A {@code Class<?>} member as a type element; null for {@code void.class} or unresolved types. */
    public TypeElement typeElement(String member) {
        TypeMirror t = type(member);
        return t instanceof DeclaredType d && d.asElement() instanceof TypeElement te ? te : null;
    }

    public List<String> strings(String member) {
        List<String> out = new ArrayList<>();
        for (AnnotationValue v : list(member)) {
            out.add((String) v.getValue());
        }
        return out;
    }

    /** A nested annotation member. */
    public AnnotationValues annotation(String member) {
        return new AnnotationValues(annotated, (AnnotationMirror) require(member).getValue(), elements);
    }

    /** An array-of-annotations member. */
    public List<AnnotationValues> annotations(String member) {
        List<AnnotationValues> out = new ArrayList<>();
        for (AnnotationValue v : list(member)) {
            out.add(new AnnotationValues(annotated, (AnnotationMirror) v.getValue(), elements));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<? extends AnnotationValue> list(String member) {
        Object v = require(member).getValue();
        return v instanceof List<?> l ? (List<? extends AnnotationValue>) l : List.of((AnnotationValue) require(member));
    }

    private AnnotationValue require(String member) {
        AnnotationValue v = values().get(member);
        if (v == null) {
            throw new IllegalArgumentException("@" + typeName() + " has no member '" + member + "'");
        }
        return v;
    }

    /** Members declared by the annotation type, for callers that must check a member exists (API versions differ). */
    public boolean hasMember(String member) {
        for (Element e : mirror.getAnnotationType().asElement().getEnclosedElements()) {
            if (e instanceof ExecutableElement && e.getSimpleName().contentEquals(member)) {
                return true;
            }
        }
        return false;
    }
}
