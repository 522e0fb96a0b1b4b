package io.github.jpamigrate.processor.jpa;

import java.util.Optional;

/**
 * The two packages the JPA annotations live in. The processor never imports them: it compares
 * qualified names, so it runs without a JPA jar on its own path and accepts either namespace.
 */
public enum Namespace {
    JAKARTA("jakarta.persistence."),
    JAVAX("javax.persistence.");

    private final String prefix;

    Namespace(String prefix) {
        this.prefix = prefix;
    }

    /** The qualified name of a JPA annotation or type in this namespace, e.g. {@code jakarta.persistence.Entity}. */
    public String qualify(String simpleName) {
        return prefix + simpleName;
    }

    /** The namespace a qualified name belongs to, if any. */
    public static Optional<Namespace> of(String qualifiedName) {
        for (Namespace ns : values()) {
            if (qualifiedName.startsWith(ns.prefix)) {
                return Optional.of(ns);
            }
        }
        return Optional.empty();
    }

    /** The simple JPA name of a qualified name in either namespace, or null when it is not a JPA name. */
    public static String simpleJpaName(String qualifiedName) {
        return of(qualifiedName).map(ns -> qualifiedName.substring(ns.prefix.length())).orElse(null);
    }
}
