package io.github.jpamigrate.core.model;

/**
 * A {@code @TableGenerator}: the generator table itself is listed among the tables; this record
 * says which row of it a generator uses.
 *
 * @param name          generator name
 * @param table         generator table name
 * @param segmentColumn the column holding the segment value
 * @param valueColumn   the column holding the next value
 * @param segmentValue  this generator's row key
 * @param initialValue  first value
 * @param allocationSize allocation size
 */
public record TableGenerator(String name, String table, String segmentColumn, String valueColumn,
                             String segmentValue, long initialValue, int allocationSize) {
    public TableGenerator {
        Identifiers.requireName(name, "table generator");
        Identifiers.requireName(table, "generator table");
    }
}
