package io.github.jpamigrate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * @param name              constraint name (explicit, or the stable generated one)
 * @param columns           referencing columns, in the order of {@code referencedColumns}
 * @param referencedTable   referenced table name
 * @param referencedColumns referenced columns (the primary key unless a {@code referencedColumnName} says otherwise)
 * @param onDelete          action on parent delete
 */
public record ForeignKey(String name, List<String> columns, String referencedTable,
                         List<String> referencedColumns, ReferentialAction onDelete) {
    public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Identifiers.requireName(referencedTable, "referenced table");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " needs as many columns as it references");
        }
    }
}
