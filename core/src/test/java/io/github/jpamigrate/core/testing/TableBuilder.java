package io.github.jpamigrate.core.testing;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link Table} for a test, named and given only what the test is about: a new table starts
 * without columns, keys, constraints, comment or entities; {@link #from} starts from a table to
 * edit. Every list setter replaces; {@code column}, {@code foreignKey}, ... append.
 */
public final class TableBuilder {

    private String name;
    private String schema;
    private List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private List<ForeignKey> foreignKeys = new ArrayList<>();
    private List<UniqueConstraint> uniques = new ArrayList<>();
    private List<Index> indexes = new ArrayList<>();
    private List<CheckConstraint> checks = new ArrayList<>();
    private String comment;
    private List<String> entities = new ArrayList<>();
    private TableKind kind = TableKind.TABLE;
    private String query;

    private TableBuilder(String name) {
        this.name = name;
    }

    public static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    /** A builder holding everything {@code table} has, to change a part of it. */
    public static TableBuilder from(Table table) {
        return new TableBuilder(table.name()).schema(table.schema()).columns(table.columns())
                .primaryKey(table.primaryKey()).foreignKeys(table.foreignKeys()).uniques(table.uniqueConstraints())
                .indexes(table.indexes()).checks(table.checks()).comment(table.comment()).entities(table.entities())
                .kind(table.kind(), table.query());
    }

    public TableBuilder name(String name) {
        this.name = name;
        return this;
    }

    public TableBuilder schema(String schema) {
        this.schema = schema;
        return this;
    }

    public TableBuilder columns(List<Column> columns) {
        this.columns = new ArrayList<>(columns);
        return this;
    }

    public TableBuilder column(Column column) {
        columns.add(column);
        return this;
    }

    /** The columns as {@code edit} leaves them (it gets a mutable copy). */
    public TableBuilder editColumns(UnaryOperator<List<Column>> edit) {
        return columns(edit.apply(new ArrayList<>(columns)));
    }

    /** An unnamed primary key over these columns. */
    public TableBuilder primaryKey(String... columns) {
        return primaryKey(new PrimaryKey(null, List.of(columns)));
    }

    public TableBuilder primaryKey(PrimaryKey key) {
        this.primaryKey = key;
        return this;
    }

    public TableBuilder foreignKeys(List<ForeignKey> keys) {
        this.foreignKeys = new ArrayList<>(keys);
        return this;
    }

    public TableBuilder foreignKey(ForeignKey key) {
        foreignKeys.add(key);
        return this;
    }

    /** A single-column foreign key to the referenced table's {@code id}. */
    public TableBuilder foreignKey(String name, String column, String referencedTable, ReferentialAction onDelete) {
        return foreignKey(new ForeignKey(name, List.of(column), referencedTable, List.of("id"), onDelete));
    }

    public TableBuilder uniques(List<UniqueConstraint> uniques) {
        this.uniques = new ArrayList<>(uniques);
        return this;
    }

    public TableBuilder unique(String name, String... columns) {
        uniques.add(new UniqueConstraint(name, List.of(columns)));
        return this;
    }

    public TableBuilder indexes(List<Index> indexes) {
        this.indexes = new ArrayList<>(indexes);
        return this;
    }

    public TableBuilder index(Index index) {
        indexes.add(index);
        return this;
    }

    public TableBuilder checks(List<CheckConstraint> checks) {
        this.checks = new ArrayList<>(checks);
        return this;
    }

    public TableBuilder check(CheckConstraint check) {
        checks.add(check);
        return this;
    }

    public TableBuilder comment(String comment) {
        this.comment = comment;
        return this;
    }

    public TableBuilder entities(List<String> entities) {
        this.entities = new ArrayList<>(entities);
        return this;
    }

    /** The object the table stands for, and a view's or subselect's query (else null). */
    public TableBuilder kind(TableKind kind, String query) {
        this.kind = kind;
        this.query = query;
        return this;
    }

    public TableBuilder entity(String entity) {
        entities.add(entity);
        return this;
    }

    public Table build() {
        return new Table(name, schema, columns, primaryKey, foreignKeys, uniques, indexes, checks, comment, entities,
                kind, query);
    }
}
