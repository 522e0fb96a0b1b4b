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
 * @param kind              the object this stands for; only a {@link TableKind#TABLE} is created by migrations
 * @param query             the defining SQL of a {@link TableKind#VIEW} or {@link TableKind#SUBSELECT}, else null
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
        List<String> entities,
        TableKind kind,
        String query) {

    public Table {
        Identifiers.requireName(name, "table");
        kind = kind == null ? TableKind.TABLE : kind;
        if (query != null && kind != TableKind.VIEW && kind != TableKind.SUBSELECT) {
            throw new IllegalArgumentException("table " + name + " is a " + kind.jsonName()
                    + ": only a view or a subselect has a query");
        }
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
        entities = List.copyOf(entities);
    }

    /** An ordinary table, created and altered by migrations. */
    public Table(String name, String schema, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<CheckConstraint> checks,
                 String comment, List<String> entities) {
        this(name, schema, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, comment, entities,
                TableKind.TABLE, null);
    }

    /** Whether migrations create, alter and drop this object ({@link TableKind#TABLE}). */
    public boolean managed() {
        return kind == TableKind.TABLE;
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
