package io.github.jpamigrate.core.model;

import java.util.List;

/**
 * @param name    constraint name, or null to let the database name it
 * @param columns key columns in key order
 */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }
}
