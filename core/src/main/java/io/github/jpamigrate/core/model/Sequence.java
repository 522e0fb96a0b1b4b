package io.github.jpamigrate.core.model;

/**
 * A database sequence that an id generator needs at run time ({@code @GeneratedValue} AUTO or
 * SEQUENCE). Dialects without sequences render it as Hibernate does (a one-row table).
 *
 * @param name          sequence name
 * @param schema        schema, or null for the default
 * @param initialValue  first value
 * @param incrementSize allocation size
 */
public record Sequence(String name, String schema, long initialValue, int incrementSize) {
    public Sequence {
        Identifiers.requireName(name, "sequence");
    }
}
