package io.github.jpamigrate.core.model;

import java.util.Objects;

/**
 * Marks a column that stores a Java enum; the constants live in {@link SchemaModel#enums()}.
 * Renderers derive the enum check constraint (or MySQL's {@code enum(...)} type) from it.
 *
 * @param javaType fully qualified enum class name
 * @param storage  by name or by ordinal
 */
public record EnumRef(String javaType, EnumStorage storage) {
    public EnumRef {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(storage, "storage");
    }
}
