package io.github.jpamigrate.processor.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds mapping annotations on elements by name: JPA annotations in either namespace, Hibernate
 * and Bean Validation annotations by qualified name. Repeatable annotations are read both bare
 * and from their container. Each element's annotations are indexed by name once: the scan asks
 * the same element for many annotations, and an instance lives for one scan (one round's elements).
 */
public final class MappingAnnotations {

    private final Elements elements;
    private final Map<Element, Index> indexes = new HashMap<>();

    public MappingAnnotations(Elements elements) {
        this.elements = elements;
    }

    /** A JPA annotation ({@code jakarta.persistence} or {@code javax.persistence}) by simple name. */
    public Optional<AnnotationValues> jpa(Element element, String simpleName) {
        return Optional.ofNullable(index(element).jpa.get(simpleName));
    }

    public boolean hasJpa(Element element, String simpleName) {
        return index(element).jpa.containsKey(simpleName);
    }

    /** A repeatable JPA annotation: the bare occurrences followed by those inside the container. */
    public List<AnnotationValues> jpaAll(Element element, String simpleName, String containerName) {
        List<AnnotationValues> out = new ArrayList<>();
        jpa(element, simpleName).ifPresent(out::add);
        jpa(element, containerName).ifPresent(c -> out.addAll(c.annotations("value")));
        return out;
    }

    /** An annotation by qualified name (Hibernate extras). */
    public Optional<AnnotationValues> qualified(Element element, String qualifiedName) {
        return Optional.ofNullable(index(element).qualified.get(qualifiedName));
    }

    /** A repeatable annotation by qualified name, bare and from its container. */
    public List<AnnotationValues> qualifiedAll(Element element, String qualifiedName, String containerName) {
        List<AnnotationValues> out = new ArrayList<>();
        qualified(element, qualifiedName).ifPresent(out::add);
        qualified(element, containerName).ifPresent(c -> out.addAll(c.annotations("value")));
        return out;
    }

    /**
     * A Bean Validation annotation in either {@code jakarta.validation} or {@code javax.validation},
     * by its name relative to the package ({@code "Valid"}, {@code "constraints.NotNull"}).
     */
    public Optional<AnnotationValues> validation(Element element, String relativeName) {
        for (String pkg : Jpa.VALIDATION) {
            Optional<AnnotationValues> found = qualified(element, pkg + relativeName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The name of a Bean Validation annotation relative to its package, or null for any other annotation. */
    public static String validationName(String qualifiedName) {
        for (String pkg : Jpa.VALIDATION) {
            if (qualifiedName.startsWith(pkg)) {
                return qualifiedName.substring(pkg.length());
            }
        }
        return null;
    }

    /** Whether any annotation of the element is a JPA annotation (used to pick field or property access). */
    public boolean hasAnyJpa(Element element) {
        return !index(element).jpa.isEmpty();
    }

    private Index index(Element element) {
        Index index = indexes.get(element);
        if (index == null) {
            index = new Index(element, elements);
            indexes.put(element, index);
        }
        return index;
    }

    /** One element's annotations by qualified name and by simple JPA name; the first occurrence wins. */
    private static final class Index {
        final Map<String, AnnotationValues> qualified = new HashMap<>();
        final Map<String, AnnotationValues> jpa = new HashMap<>();

        Index(Element element, Elements elements) {
            for (AnnotationMirror m : element.getAnnotationMirrors()) {
                String name = name(m);
                AnnotationValues values = new AnnotationValues(element, m, elements);
                qualified.putIfAbsent(name, values);
                String simple = Namespace.simpleJpaName(name);
                if (simple != null) {
                    jpa.putIfAbsent(simple, values);
                }
            }
        }
    }

    private static String name(AnnotationMirror m) {
        return ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
