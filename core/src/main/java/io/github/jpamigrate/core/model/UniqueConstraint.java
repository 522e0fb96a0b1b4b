package io.github.jpamigrate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A multi-column (or explicitly named) unique constraint.
 *
 * @param name    constraint name (explicit, or the stable generated one)
 * @param columns constrained columns
 */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("unique constraint " + name + " needs at least one column");
        }
    }
}
