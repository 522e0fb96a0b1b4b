package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.dialect.Dialect;
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
import io.github.jpamigrate.core.sql.SchemaNormalForm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

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
    private final Dialect dialect;

    private InitSnapshot(SchemaModel model, SchemaModel database, Dialect dialect) {
        this.dialect = dialect;
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
        Pair pair = new Pair(this, table, read, normalModel.table(table.name()).orElseThrow(),
                normalDatabase.table(read.name()).orElseThrow());
        return new Table(table.name(), table.schema(), pair.columns(), pair.primaryKey(), pair.foreignKeys(),
                pair.uniqueConstraints(), pair.indexes(), table.checks(), table.comment(), table.entities(),
                table.kind(), table.query());
    }

    /** One table of the model and of the database, each also in the dialect's normal form. */
    private record Pair(InitSnapshot init, Table table, Table read, Table normal, Table normalRead) {

        PrimaryKey primaryKey() {
            return samePrimaryKey(normal.primaryKey(), normalRead.primaryKey()) ? table.primaryKey() : read.primaryKey();
        }

        /** Whether the database holds a uniqueness on these columns (the primary key counts: the normal form drops it). */
        boolean uniqueInDatabase(List<String> columns) {
            PrimaryKey key = primaryKey();
            String set = columnSet(columns);
            return uniqueKeys(normalRead).contains(set) || key != null && set.equals(columnSet(key.columns()));
        }

        List<Column> columns() {
            List<Column> columns = new ArrayList<>();
            for (Column column : table.columns()) {
                read.column(column.name()).ifPresent(readColumn -> columns.add(init.column(column,
                        normal.column(column.name()).orElseThrow(), readColumn, normalRead.column(column.name()).orElseThrow())
                        .withUnique(column.unique() && uniqueInDatabase(List.of(column.name())))));
            }
            for (Column column : read.columns()) {
                if (table.column(column.name()).isEmpty()) {
                    columns.add(fromDatabase(column, normalRead.column(column.name()).orElseThrow()));
                }
            }
            return columns;
        }

        /** Positions match: the normal form keeps each table's foreign keys in order. */
        List<ForeignKey> foreignKeys() {
            List<ForeignKey> keys = new ArrayList<>();
            Set<String> readKeys = foreignKeySignatures(normalRead.foreignKeys());
            Set<String> modelKeys = foreignKeySignatures(normal.foreignKeys());
            for (int i = 0; i < table.foreignKeys().size(); i++) {
                String signature = signature(normal.foreignKeys().get(i));
                if (readKeys.contains(signature)) {
                    // under the database's name: a later drop must name the key the database has
                    ForeignKey key = table.foreignKeys().get(i);
                    String name = IntStream.range(0, read.foreignKeys().size())
                            .filter(j -> signature(normalRead.foreignKeys().get(j)).equals(signature))
                            .mapToObj(j -> read.foreignKeys().get(j).name()).findFirst().orElse(key.name());
                    keys.add(databaseName(key.name(), name).equals(key.name()) ? key
                            : new ForeignKey(name, key.columns(), key.referencedTable(), key.referencedColumns(), key.onDelete()));
                }
            }
            for (int i = 0; i < read.foreignKeys().size(); i++) {
                if (!modelKeys.contains(signature(normalRead.foreignKeys().get(i)))) {
                    keys.add(read.foreignKeys().get(i));
                }
            }
            return keys;
        }

        List<UniqueConstraint> uniqueConstraints() {
            return table.uniqueConstraints().stream().filter(u -> uniqueInDatabase(u.columns())).toList();
        }

        /** The database reports unique constraints as unique indexes: those only it has are added as such. */
        List<Index> indexes() {
            Set<String> readIndexes = indexSignatures(normalRead.indexes());
            Set<String> modelIndexes = indexSignatures(normal.indexes());
            Set<String> modelUniques = uniqueKeys(normal);
            List<Index> indexes = new ArrayList<>();
            for (Index index : table.indexes()) {
                if (index.unique()) {
                    if (uniqueInDatabase(index.columns())) {
                        indexes.add(index);
                    }
                } else if (readIndexes.contains(columnList(index.columns()))) {
                    // under the database's name: a later drop must name the index the database has
                    String name = read.indexes().stream().filter(i -> !i.unique()
                            && columnList(i.columns()).equals(columnList(index.columns()))).map(Index::name).findFirst()
                            .orElse(index.name());
                    indexes.add(databaseName(index.name(), name).equals(index.name()) ? index
                            : new Index(name, index.columns(), false));
                }
            }
            PrimaryKey key = primaryKey();
            for (Index index : read.indexes()) {
                boolean onlyRead = index.unique()
                        ? !modelUniques.contains(columnSet(index.columns()))
                                && !(key != null && columnSet(index.columns()).equals(columnSet(key.columns())))
                        : !modelIndexes.contains(columnList(index.columns()));
                if (onlyRead) {
                    indexes.add(index);
                }
            }
            return indexes;
        }
    }

    /**
     * The model's column where the database agrees with it; each property the database stores
     * differently (type, nullability, default) taken from the database. A column of another type
     * does not store the model's enum the model's way either (MySQL's {@code enum(...)} type, the
     * enum's check): without the binding, the diff to the model shows the change.
     */
    private Column column(Column column, Column normal, Column read, Column normalRead) {
        Column out = column;
        if (!normal.type().equals(normalRead.type()) || !Objects.equals(normal.definition(), normalRead.definition())) {
            out = out.withType(normalRead.type())
                    .withDefinition(normalRead.definition() != null || column.definition() != null ? read.definition() : null)
                    .withEnumRef(null);
            if (!storedAs(out, normalRead)) {
                // The dialect writes this type under another name (SQLite's "timestamp" for timestamptz): keep the text.
                out = out.withDefinition(read.definition());
            }
        }
        if (normal.nullable() != normalRead.nullable()) {
            out = out.withNullable(normalRead.nullable());
        }
        if (!Objects.equals(normal.defaultValue(), normalRead.defaultValue())) {
            out = out.withDefaultValue(read.defaultValue());
        }
        return out;
    }

    /** Whether the dialect stores {@code column} as the database stores the column read back. */
    private boolean storedAs(Column column, Column normalRead) {
        Table alone = new Table("t", null, List.of(column.withNullable(true).withDefaultValue(null)), null, List.of(),
                List.of(), List.of(), List.of(), null, List.of());
        SchemaModel probe = new SchemaModel(model.naming(), model.orm(), model.producer(), List.of(alone), List.of(),
                List.of(), model.enums());
        Column normal = SchemaNormalForm.of(probe, dialect).tables().get(0).columns().get(0);
        return normal.type().equals(normalRead.type()) && Objects.equals(normal.definition(), normalRead.definition());
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

    /**
     * The name a snapshot gives an index or foreign key both sides have: the database's, when it has
     * one of its own (SQLite's keys have none; H2 reports the model's in upper case).
     */
    private static String databaseName(String model, String database) {
        return database == null || database.isBlank() || Identifiers.sameName(model, database) ? model : database;
    }

    /** As {@code SchemaDiff} compares keys: the same column set is the same primary key, whatever the order. */
    private static boolean samePrimaryKey(PrimaryKey a, PrimaryKey b) {
        return a == null || b == null ? a == b : columnSet(a.columns()).equals(columnSet(b.columns()));
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

    /** As {@code SchemaDiff} matches foreign keys: by the set of their (column, referenced column) pairs. */
    private static String signature(ForeignKey key) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            pairs.add(Identifiers.key(key.columns().get(i)) + "=" + Identifiers.key(key.referencedColumns().get(i)));
        }
        return String.join(",", pairs.stream().sorted().toList()) + "->" + Identifiers.key(key.referencedTable()) + ":" + key.onDelete();
    }

    private static Set<String> indexSignatures(List<Index> indexes) {
        Set<String> out = new HashSet<>();
        indexes.stream().filter(i -> !i.unique()).forEach(i -> out.add(columnList(i.columns())));
        return out;
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
