package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.core.sql.Dialect;
import io.github.jpamigrate.core.sql.SchemaNormalForm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The snapshot {@code init} writes for migrations that already exist: the entity model, kept
 * only as far as the schema the migrations build agrees with it.
 *
 * <p>A database cannot say everything a snapshot holds: which enum a column stores, which entity
 * maps a table, the logical type behind a dialect's type name, a sequence's increment, check
 * constraints, comments. Taken from the database alone, all of that would show up as changes in
 * the next {@code check}. So each table, column, key, constraint and index is compared with the
 * database in the dialect's normal form (as {@code verify} compares them): where they agree, the
 * model's description goes into the snapshot; where the database differs, its shape does; what
 * only the model has is left out; what only the database has is added. The snapshot is then "the
 * model minus what the migrations lack (plus what they have beyond it)", and the diff from it to
 * the model is exactly the work the migrations still owe.
 */
final class InitSnapshot {

    private final SchemaModel model;
    private final SchemaModel database;
    private final SchemaModel normalModel;
    private final SchemaModel normalDatabase;

    private InitSnapshot(SchemaModel model, SchemaModel database, Dialect dialect) {
        this.model = model;
        this.database = database;
        this.normalModel = SchemaNormalForm.of(model, dialect);
        this.normalDatabase = SchemaNormalForm.of(database, dialect);
    }

    /**
     * @param model     the entity model (the build's descriptor)
     * @param database  the schema read back from the replayed migrations ({@code SchemaReader})
     * @param sequences the names of the model's sequences (or sequence tables) the replayed database has
     */
    static SchemaModel of(SchemaModel model, SchemaModel database, Dialect dialect, Set<String> sequences) {
        return new InitSnapshot(model, database, dialect).build(keys(sequences));
    }

    private SchemaModel build(Set<String> existingSequences) {
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables()) {
            database.table(table.name()).ifPresent(read -> tables.add(merge(table, read)));
        }
        for (Table read : database.tables()) {
            if (model.table(read.name()).isEmpty()) {
                tables.add(fromDatabase(read));
            }
        }
        List<Sequence> sequences = model.sequences().stream()
                .filter(s -> existingSequences.contains(Identifiers.key(s.name()))).toList();
        Set<String> kept = keys(tables.stream().map(Table::name).toList());
        List<TableGenerator> generators = model.tableGenerators().stream()
                .filter(g -> kept.contains(Identifiers.key(g.table()))).toList();
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, sequences, generators, model.enums());
    }

    /** A model table both sides have: the model's parts where the database agrees, the database's elsewhere. */
    private Table merge(Table table, Table read) {
        Table normal = normalModel.table(table.name()).orElseThrow();
        Table normalRead = normalDatabase.table(read.name()).orElseThrow();
        Set<String> readUniques = uniqueKeys(normalRead);
        PrimaryKey key = samePrimaryKey(normal.primaryKey(), normalRead.primaryKey()) ? table.primaryKey()
                : read.primaryKey();
        String keyColumns = key == null ? null : columnSet(key.columns());

        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            if (read.column(column.name()).isEmpty()) {
                continue;
            }
            Column merged = column(column, normal.column(column.name()).orElseThrow(), read.column(column.name()).orElseThrow(),
                    normalRead.column(column.name()).orElseThrow());
            String single = columnSet(List.of(column.name()));
            boolean unique = column.unique() && (readUniques.contains(single) || single.equals(keyColumns));
            columns.add(merged.withUnique(unique));
        }
        for (Column column : read.columns()) {
            if (table.column(column.name()).isEmpty()) {
                columns.add(fromDatabase(column, normalRead.column(column.name()).orElseThrow()));
            }
        }

        List<ForeignKey> foreignKeys = new ArrayList<>();
        Set<String> readKeys = foreignKeySignatures(normalRead.foreignKeys());
        Set<String> modelKeys = foreignKeySignatures(normal.foreignKeys());
        for (int i = 0; i < table.foreignKeys().size(); i++) {
            if (readKeys.contains(signature(normal.foreignKeys().get(i)))) {
                foreignKeys.add(table.foreignKeys().get(i));
            }
        }
        for (int i = 0; i < read.foreignKeys().size(); i++) {
            if (!modelKeys.contains(signature(normalRead.foreignKeys().get(i)))) {
                foreignKeys.add(read.foreignKeys().get(i));
            }
        }

        Set<String> modelUniques = uniqueKeys(normal);
        List<UniqueConstraint> uniques = table.uniqueConstraints().stream()
                .filter(u -> readUniques.contains(columnSet(u.columns())) || columnSet(u.columns()).equals(keyColumns))
                .toList();
        Set<String> readIndexes = indexSignatures(normalRead.indexes());
        Set<String> modelIndexes = indexSignatures(normal.indexes());
        List<Index> indexes = new ArrayList<>();
        for (Index index : table.indexes()) {
            boolean there = index.unique()
                    ? readUniques.contains(columnSet(index.columns())) || columnSet(index.columns()).equals(keyColumns)
                    : readIndexes.contains(indexSignature(index.columns()));
            if (there) {
                indexes.add(index);
            }
        }
        for (Index index : read.indexes()) {
            boolean onlyRead = index.unique() ? !modelUniques.contains(columnSet(index.columns()))
                    : !modelIndexes.contains(indexSignature(index.columns()));
            if (onlyRead && !(index.unique() && columnSet(index.columns()).equals(keyColumns))) {
                indexes.add(index);
            }
        }
        return new Table(table.name(), table.schema(), columns, key, foreignKeys, uniques, indexes, table.checks(),
                table.comment(), table.entities());
    }

    /**
     * The model's column where the database agrees with it; each property the database stores
     * differently (type, nullability, default) taken from the database. A column of another type
     * does not store the model's enum the model's way either (MySQL's {@code enum(...)} type, the
     * enum's check): without the binding, the diff to the model shows the change.
     */
    private static Column column(Column column, Column normal, Column read, Column normalRead) {
        Column out = column;
        if (!normal.type().equals(normalRead.type()) || !Objects.equals(normal.definition(), normalRead.definition())) {
            out = out.withType(normalRead.type())
                    .withDefinition(normalRead.definition() != null || column.definition() != null ? read.definition() : null)
                    .withEnumRef(null);
        }
        if (normal.nullable() != normalRead.nullable()) {
            out = out.withNullable(normalRead.nullable());
        }
        if (!Objects.equals(normal.defaultValue(), normalRead.defaultValue())) {
            out = out.withDefaultValue(read.defaultValue());
        }
        return out;
    }

    /** A column only the database has, as a snapshot holds it: a logical type, the SQL text only when none fits. */
    private static Column fromDatabase(Column read, Column normalRead) {
        return new Column(read.name(), normalRead.type(), read.nullable(), false, read.defaultValue(), read.identity(),
                normalRead.definition() != null ? read.definition() : null, null, null);
    }

    /** A table only the database has (the migrations create it, no entity maps it). */
    private Table fromDatabase(Table read) {
        Table normalRead = normalDatabase.table(read.name()).orElseThrow();
        List<Column> columns = read.columns().stream()
                .map(c -> fromDatabase(c, normalRead.column(c.name()).orElseThrow())).toList();
        return new Table(read.name(), null, columns, read.primaryKey(), read.foreignKeys(), List.of(), read.indexes(),
                List.of(), null, List.of());
    }

    private static boolean samePrimaryKey(PrimaryKey a, PrimaryKey b) {
        return a == null || b == null ? a == b : columnList(a.columns()).equals(columnList(b.columns()));
    }

    private static Set<String> uniqueKeys(Table normal) {
        Set<String> keys = new HashSet<>();
        normal.uniqueConstraints().forEach(u -> keys.add(columnSet(u.columns())));
        return keys;
    }

    private static Set<String> foreignKeySignatures(List<ForeignKey> keys) {
        Set<String> out = new HashSet<>();
        keys.forEach(k -> out.add(signature(k)));
        return out;
    }

    private static String signature(ForeignKey key) {
        return columnList(key.columns()) + "->" + Identifiers.key(key.referencedTable()) + columnList(key.referencedColumns())
                + ":" + key.onDelete();
    }

    private static Set<String> indexSignatures(List<Index> indexes) {
        Set<String> out = new HashSet<>();
        indexes.stream().filter(i -> !i.unique()).forEach(i -> out.add(indexSignature(i.columns())));
        return out;
    }

    private static String indexSignature(List<String> columns) {
        return columnList(columns);
    }

    private static String columnList(List<String> columns) {
        return "(" + String.join(",", columns.stream().map(Identifiers::key).toList()) + ")";
    }

    private static String columnSet(List<String> columns) {
        return String.join(",", columns.stream().map(Identifiers::key).sorted().toList());
    }

    private static Set<String> keys(java.util.Collection<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(Identifiers.key(n)));
        return out;
    }
}
