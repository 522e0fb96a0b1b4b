package io.github.jpamigrate.processor.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds mapping annotations on elements by name: JPA annotations in either namespace, Hibernate
 * and Bean Validation annotations by qualified name. Repeatable annotations are read both bare
 * and from their container.
 */
public final class MappingAnnotations {

    private final Elements elements;

    public MappingAnnotations(Elements elements) {
        this.elements = elements;
    }

    /** A JPA annotation ({@code jakarta.persistence} or {@code javax.persistence}) by simple name. */
    public Optional<AnnotationValues> jpa(Element element, String simpleName) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (simpleName.equals(Namespace.simpleJpaName(name(m)))) {
                return Optional.of(new AnnotationValues(element, m, elements));
            }
        }
        return Optional.empty();
    }

    public boolean hasJpa(Element element, String simpleName) {
        return jpa(element, simpleName).isPresent();
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
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (qualifiedName.equals(name(m))) {
                return Optional.of(new AnnotationValues(element, m, elements));
            }
        }
        return Optional.empty();
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
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (Namespace.of(name(m)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String name(AnnotationMirror m) {
        return ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
