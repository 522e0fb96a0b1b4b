package io.github.jpamigrate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole model descriptor: what schema the entities need, independent of any dialect.
 *
 * @param naming          naming strategy that produced the names: {@code jpa} or {@code spring}
 * @param orm             ORM line whose DDL rules were applied, e.g. {@code hibernate-7}
 * @param producer        the tool and version that wrote it, e.g. {@code jpa-migrate-processor 0.1.0}
 * @param tables          tables
 * @param sequences       sequences needed by id generators
 * @param tableGenerators table-based id generators
 * @param enums           enums stored by {@code @Enumerated} columns
 */
public record SchemaModel(
        String naming,
        String orm,
        String producer,
        List<Table> tables,
        List<Sequence> sequences,
        List<TableGenerator> tableGenerators,
        List<EnumType> enums) {

    public SchemaModel {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(orm, "orm");
        Objects.requireNonNull(producer, "producer");
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        tableGenerators = List.copyOf(tableGenerators);
        enums = List.copyOf(enums);
    }

    /** The table with this name, compared as the database would (case-insensitively). */
    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> Identifiers.sameName(t.name(), tableName)).findFirst();
    }

    /** The enum with this fully qualified class name. */
    public Optional<EnumType> enumType(String javaType) {
        return enums.stream().filter(e -> e.javaType().equals(javaType)).findFirst();
    }
}
