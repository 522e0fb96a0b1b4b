package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The state of one evolution while edits are applied: the old model, the model being edited and
 * what the user will have to declare. Backfills and acknowledgements are kept against tables and
 * columns rather than names, and renames are read off the final names, so that an edit may
 * rename something an earlier edit referred to.
 */
final class EvolutionDraft {

    /** A backfill value for a column, found again by its old name (or its name, for a new column). */
    private record Backfill(DraftTable table, String column, boolean old, String literal) {
    }

    /** An acknowledged hazard on a column (narrowing), found again like a backfill. */
    private record ColumnHazard(DraftTable table, String column, boolean old) {
    }

    /** An acknowledged column drop: the table's final name is only known at the end. */
    private record ColumnDrop(DraftTable table, String oldColumn) {
    }

    final SplittableRandom random;
    final EvolutionEngine engine;
    final DraftModel old;
    final DraftModel model;
    final List<String> steps = new ArrayList<>();
    /** The names of the edits applied, for the run's summary. */
    final List<String> edits = new ArrayList<>();
    private final List<Backfill> backfills = new ArrayList<>();
    private final List<ColumnDrop> columnDrops = new ArrayList<>();
    private final List<String> droppedTables = new ArrayList<>();
    private final List<ColumnHazard> columnHazards = new ArrayList<>();
    private final List<String> enumHazards = new ArrayList<>();

    EvolutionDraft(SplittableRandom random, EvolutionEngine engine, DraftModel old) {
        this.random = random;
        this.engine = engine;
        this.old = old;
        this.model = old.evolvable();
    }

    /** The old model's version of a table, if it has one. */
    Optional<DraftTable> oldTable(DraftTable table) {
        return table.origin == null ? Optional.empty() : old.table(table.origin);
    }

    /** Names a column may not take in this table: those of the table now and in the old model. */
    List<String> oldColumnNames(DraftTable table) {
        return oldTable(table).map(t -> t.columns.stream().map(Column::name).toList()).orElse(List.of());
    }

    /** Whether a table name is used now or was used in the old model. */
    boolean tableNameTaken(String name) {
        return Vocabulary.among(model.tables.stream().map(t -> t.name).toList(), name)
                || Vocabulary.among(old.tables.stream().map(t -> t.name).toList(), name);
    }

    /** The tables of entities: every table but the join tables, whose shape only a mapping change alters. */
    List<DraftTable> entityTables() {
        return model.tables.stream().filter(t -> !t.join).toList();
    }

    /** {@link #oldTables()} without the join tables. */
    List<DraftTable> oldEntityTables() {
        return oldTables().stream().filter(t -> !t.join).toList();
    }

    /** Tables the old model has, i.e. tables that hold rows when the migration runs. */
    List<DraftTable> oldTables() {
        return model.tables.stream().filter(t -> t.origin != null).toList();
    }

    void backfill(DraftTable table, Column column, String literal) {
        Optional<String> origin = table.columnOrigin(column.name());
        backfills.add(new Backfill(table, origin.orElse(column.name()), origin.isPresent(), literal));
    }

    /** {@code -Djpamigrate.allowDestructive=table.column} for a hazard on the column, under its final names. */
    void acknowledgeColumn(DraftTable table, Column column) {
        Optional<String> origin = table.columnOrigin(column.name());
        columnHazards.add(new ColumnHazard(table, origin.orElse(column.name()), origin.isPresent()));
    }

    /** {@code -Djpamigrate.allowDestructive=com.acme.Type} for an enum that loses a constant. */
    void acknowledgeEnum(String javaType) {
        enumHazards.add(javaType);
    }

    /** Whether a backfill declared so far writes this literal. */
    boolean backfillWrites(String literal) {
        return backfills.stream().anyMatch(b -> b.literal().equals(literal));
    }

    /**
     * The constants of each enum that both the old and the current model have: a value both the
     * migration's checks and the undo script's take.
     */
    java.util.Map<String, List<String>> sharedEnums() {
        java.util.Map<String, List<String>> shared = new java.util.LinkedHashMap<>();
        old.enums.forEach((type, constants) -> {
            List<String> now = model.enums.getOrDefault(type, List.of());
            List<String> both = constants.stream().filter(now::contains).toList();
            if (!both.isEmpty()) {
                shared.put(type, both);
            }
        });
        return shared;
    }

    void acknowledgeDrop(DraftTable table) {
        droppedTables.add(table.origin);
    }

    void acknowledgeDrop(DraftTable table, String oldColumn) {
        columnDrops.add(new ColumnDrop(table, oldColumn));
    }

    Evolution finish(long seed, SchemaModel oldModel, Evolution prelude) {
        List<String> renames = new ArrayList<>();
        for (DraftTable table : model.tables) {
            if (table.origin == null) {
                continue;
            }
            if (!Identifiers.sameName(table.origin, table.name)) {
                renames.add(table.origin + ":" + table.name);
            }
            for (Column column : table.columns) {
                String origin = table.columnOrigin(column.name()).orElse(null);
                if (origin != null && !Identifiers.sameName(origin, column.name())) {
                    String tablePart = Vocabulary.chance(random, 0.5) ? table.origin : table.name;
                    renames.add(tablePart + "." + origin + ":" + column.name());
                }
            }
        }
        List<String> acknowledged = new ArrayList<>(droppedTables);
        acknowledged.addAll(enumHazards);
        for (ColumnHazard hazard : columnHazards) {
            DraftTable table = hazard.table();
            if (model.tables.contains(table)) {
                table.columns.stream().filter(c -> Identifiers.sameName(hazard.column(),
                                hazard.old() ? table.columnOrigin(c.name()).orElse("") : c.name())).findFirst()
                        .ifPresent(c -> acknowledged.add(table.name + "." + c.name()));
            }
        }
        for (ColumnDrop drop : columnDrops) {
            if (model.tables.contains(drop.table())) {
                acknowledged.add(drop.table().name + "." + drop.oldColumn());
            }
        }
        checkConsistency();
        return new Evolution(seed, engine.dialect, oldModel, model.freeze(), renames, backfillDeclarations(), acknowledged, steps,
                edits, prelude);
    }

    private List<String> backfillDeclarations() {
        List<String> out = new ArrayList<>();
        for (Backfill backfill : backfills) {
            if (!model.tables.contains(backfill.table())) {
                continue;
            }
            DraftTable table = backfill.table();
            Optional<Column> column = table.columns.stream().filter(c -> Identifiers.sameName(backfill.column(),
                    backfill.old() ? table.columnOrigin(c.name()).orElse("") : c.name())).findFirst();
            column.ifPresent(c -> out.add(table.name + "." + c.name() + "=" + backfill.literal()));
        }
        return out;
    }

    /** Edits must leave a model an entity mapping could produce; a slip here is a generator bug. */
    private void checkConsistency() {
        for (DraftTable table : model.tables) {
            for (DraftTable.ForeignKeyDraft key : table.foreignKeys) {
                DraftTable parent = model.byRank(key.parent());
                Column column = table.column(key.column()).orElseThrow(() -> new IllegalStateException(
                        "generator bug: foreign key on missing column " + table.name + "." + key.column()));
                if (parent.rank >= table.rank || key.onDelete() == ReferentialAction.SET_NULL && !column.nullable()) {
                    throw new IllegalStateException("generator bug: foreign key " + table.name + "." + key.column()
                            + " -> " + parent.name + " " + key.onDelete());
                }
            }
        }
    }
}
