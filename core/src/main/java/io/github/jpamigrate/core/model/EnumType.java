package io.github.jpamigrate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A Java enum used by an {@code @Enumerated} column, with its constants in declaration order,
 * so that reordering an ORDINAL enum (which changes stored meaning with no DDL change) shows up
 * as a model change.
 *
 * @param javaType  fully qualified class name
 * @param constants constant names in declaration order
 */
public record EnumType(String javaType, List<String> constants) {
    public EnumType {
        Objects.requireNonNull(javaType, "javaType");
        constants = List.copyOf(constants);
    }
}
