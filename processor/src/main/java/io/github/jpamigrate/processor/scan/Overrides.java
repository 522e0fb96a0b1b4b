package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * {@code @AttributeOverride} and {@code @AssociationOverride} in effect for a scope, keyed by the
 * attribute path relative to it ({@code "amount"}, {@code "address.street"}). Outer overrides win over
 * those written closer to the attribute, as JPA specifies.
 */
final class Overrides {

    static final Overrides NONE = new Overrides(Map.of(), Map.of(), Map.of());

    private final Map<String, AnnotationValues> columns;
    private final Map<String, AnnotationValues> associations;
    /** {@code @Convert(attributeName = ...)} by path: a converter for an attribute of the embedded value. */
    private final Map<String, AnnotationValues> converts;

    private Overrides(Map<String, AnnotationValues> columns, Map<String, AnnotationValues> associations,
                      Map<String, AnnotationValues> converts) {
        this.columns = columns;
        this.associations = associations;
        this.converts = converts;
    }

    /** The overrides written on an element (an embedded attribute, or an entity class for inherited attributes). */
    static Overrides of(ScanContext ctx, Element element) {
        Map<String, AnnotationValues> columns = new HashMap<>();
        for (AnnotationValues o : ctx.annotations().jpaAll(element, Jpa.ATTRIBUTE_OVERRIDE, Jpa.ATTRIBUTE_OVERRIDES)) {
            columns.putIfAbsent(o.string("name"), o);
        }
        Map<String, AnnotationValues> associations = new HashMap<>();
        for (AnnotationValues o : ctx.annotations().jpaAll(element, Jpa.ASSOCIATION_OVERRIDE,
                Jpa.ASSOCIATION_OVERRIDES)) {
            associations.putIfAbsent(o.string("name"), o);
        }
        Map<String, AnnotationValues> converts = new HashMap<>();
        for (AnnotationValues c : ctx.annotations().jpaAll(element, Jpa.CONVERT, Jpa.CONVERTS)) {
            if (!c.string("attributeName").isEmpty()) {
                converts.putIfAbsent(c.string("attributeName"), c);
            }
        }
        return columns.isEmpty() && associations.isEmpty() && converts.isEmpty() ? NONE
                : new Overrides(columns, associations, converts);
    }

    /** The scope inside attribute {@code name}: this scope's {@code name.*} entries over the attribute's own. */
    Overrides enter(String name, Overrides own) {
        Map<String, AnnotationValues> c = new HashMap<>(own.columns);
        Map<String, AnnotationValues> a = new HashMap<>(own.associations);
        Map<String, AnnotationValues> v = new HashMap<>(own.converts);
        String prefix = name + ".";
        converts.forEach((path, o) -> {
            if (path.startsWith(prefix)) {
                v.put(path.substring(prefix.length()), o);
            }
        });
        columns.forEach((path, o) -> {
            if (path.startsWith(prefix)) {
                c.put(path.substring(prefix.length()), o);
            }
        });
        associations.forEach((path, o) -> {
            if (path.startsWith(prefix)) {
                a.put(path.substring(prefix.length()), o);
            }
        });
        return new Overrides(c, a, v);
    }

    /** Entries under a prefix such as {@code value.} or {@code key.} of a map collection, with it removed, plus unprefixed ones. */
    Overrides under(String prefix) {
        Map<String, AnnotationValues> c = new HashMap<>();
        Map<String, AnnotationValues> a = new HashMap<>();
        columns.forEach((path, o) -> {
            if (!path.startsWith("key.") && !path.startsWith("value.")) {
                c.putIfAbsent(path, o);
            }
        });
        columns.forEach((path, o) -> {
            if (path.startsWith(prefix + ".")) {
                c.put(path.substring(prefix.length() + 1), o);
            }
        });
        associations.forEach((path, o) -> a.put(path.startsWith(prefix + ".") ? path.substring(prefix.length() + 1) : path, o));
        Map<String, AnnotationValues> v = new HashMap<>();
        converts.forEach((path, o) -> v.put(path.startsWith(prefix + ".") ? path.substring(prefix.length() + 1) : path, o));
        return new Overrides(c, a, v);
    }

    /** The {@code @Column} that overrides the attribute at this path, or null. */
    AnnotationValues column(String path) {
        AnnotationValues o = columns.get(path);
        return o == null ? null : o.annotation("column");
    }

    /** The {@code @Convert} naming the attribute at this path from an enclosing element, or null. */
    AnnotationValues convert(String path) {
        return converts.get(path);
    }

    /** The {@code @AssociationOverride} for the attribute at this path, or null. */
    AnnotationValues association(String path) {
        return associations.get(path);
    }
}
