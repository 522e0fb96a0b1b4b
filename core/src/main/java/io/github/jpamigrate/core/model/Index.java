package io.github.jpamigrate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * @param name    index name (explicit, or the stable generated one)
 * @param columns indexed columns; a descending one is written {@code "name desc"}
 * @param unique  a unique index
 */
public record Index(String name, List<String> columns, boolean unique) {
    public Index {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
    }
}
