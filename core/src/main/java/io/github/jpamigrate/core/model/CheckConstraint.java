package io.github.jpamigrate.core.model;

import java.util.Objects;

/**
 * A table-level check constraint ({@code @Check}, or a discriminator value check).
 * Enum checks are not listed here: renderers derive them from {@link Column#enumRef()}.
 *
 * @param name       constraint name, or null when the database names it
 * @param expression SQL boolean expression, without the surrounding {@code check ( )}
 */
public record CheckConstraint(String name, String expression) {
    public CheckConstraint {
        Objects.requireNonNull(expression, "expression");
    }
}
