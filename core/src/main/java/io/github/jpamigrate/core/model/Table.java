package io.github.jpamigrate.core.model;

import java.util.List;
import java.util.Optional;

/**
 * One table: its columns in creation order (primary key columns first, then the entity's
 * attribute order), its constraints and the entity classes that map to it.
 *
 * @param name              physical name as written (case kept)
 * @param schema            schema, or null for the default
 * @param columns           columns
 * @param primaryKey        primary key, or null when the table has none
 * @param foreignKeys       foreign keys
 * @param uniqueConstraints unique constraints spanning several columns or named explicitly
 * @param indexes           indexes
 * @param checks            table-level check constraints
 * @param comment           table comment, or null
 * @param entities          fully qualified names of the entity classes (or collection owners) mapped here
 */
public record Table(
        String name,
        String schema,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniqueConstraints,
        List<Index> indexes,
        List<CheckConstraint> checks,
        String comment,
        List<String> entities) {

    public Table {
        Identifiers.requireName(name, "table");
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
        entities = List.copyOf(entities);
    }

    /** The column with this name, compared as the database would (case-insensitively). */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> Identifiers.sameName(c.name(), columnName)).findFirst();
    }

    /** The schema-qualified name used in messages, e.g. {@code sales.purchase_order}. */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }
}
