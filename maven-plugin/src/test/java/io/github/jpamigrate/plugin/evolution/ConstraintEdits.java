package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
import java.util.List;

import static io.github.jpamigrate.plugin.evolution.Vocabulary.chance;
import static io.github.jpamigrate.plugin.evolution.Vocabulary.pick;

/** Edits of unique constraints, indexes and foreign keys. */
final class ConstraintEdits {

    private ConstraintEdits() {
    }

    /**
     * A unique constraint (column flag, constraint or unique index) on columns whose values can be
     * told apart: columns the old model has (the rows get distinct values) or new nullable columns
     * (all NULL, which a unique index allows). Never on an old foreign key column (distinct values
     * would need as many parent rows) nor on a column with a default (an undo script that brings
     * the column back would fill every row with the same default).
     */
    static boolean addUnique(EvolutionDraft d) {
        if (d.entityTables().isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, d.entityTables());
        DraftTable old = d.oldTable(table).orElse(null);
        boolean added = ModelGenerator.addUnique(d.random, table, c -> c.defaultValue() == null && table.columnOrigin(c.name())
                .map(origin -> old.foreignKey(origin).isEmpty()).orElse(c.nullable()));
        if (added) {
            d.steps.add("add unique constraint on " + table.name + " " + lastUnique(table));
        }
        return added;
    }

    private static String lastUnique(DraftTable table) {
        return table.columns.stream().filter(Column::unique).map(Column::name).toList() + " / " + table.uniques
                + " / " + table.indexes.stream().filter(DraftTable.IndexDraft::unique).map(DraftTable.IndexDraft::columns).toList();
    }

    static boolean dropUnique(EvolutionDraft d) {
        List<Runnable> drops = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.model.tables) {
            for (Column column : table.columns) {
                if (column.unique()) {
                    drops.add(() -> table.replace(table.column(column.name()).orElseThrow(), column.withUnique(false)));
                    words.add("drop unique flag of " + table.name + "." + column.name());
                }
            }
            for (List<String> unique : table.uniques) {
                drops.add(() -> table.uniques.remove(unique));
                words.add("drop unique constraint " + table.name + unique);
            }
            for (DraftTable.IndexDraft index : table.indexes) {
                if (index.unique()) {
                    drops.add(() -> table.indexes.remove(index));
                    words.add("drop unique index " + table.name + index.columns());
                }
            }
        }
        return runOne(d, drops, words);
    }

    static boolean addIndex(EvolutionDraft d) {
        if (d.entityTables().isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, d.entityTables());
        boolean added = ModelGenerator.addIndex(d.random, d.engine, table);
        if (added) {
            d.steps.add("add index on " + table.name + table.indexes.get(table.indexes.size() - 1).columns());
        }
        return added;
    }

    static boolean dropIndex(EvolutionDraft d) {
        List<Runnable> drops = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.model.tables) {
            for (DraftTable.IndexDraft index : table.indexes) {
                if (!index.unique()) {
                    drops.add(() -> table.indexes.remove(index));
                    words.add("drop index " + table.name + index.columns());
                }
            }
        }
        return runOne(d, drops, words);
    }

    /**
     * A foreign key on a new column, or on a {@code bigint} column the old model has (its rows then
     * get values the parent holds). A NOT NULL reference on a table with rows gets the value 1,
     * a parent row the data always has, as its default or backfill.
     */
    static boolean addForeignKey(EvolutionDraft d) {
        List<DraftTable> children = d.entityTables().stream().filter(t -> d.model.tables.stream()
                .anyMatch(p -> p.rank < t.rank && p.extraKey.isEmpty())).toList();
        if (children.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, children);
        List<DraftTable> parents = d.model.tables.stream().filter(p -> p.rank < table.rank && p.extraKey.isEmpty()).toList();
        DraftTable parent = pick(d.random, parents);
        if (chance(d.random, 0.5) && onExistingColumn(d, table, parent)) {
            return true;
        }
        boolean notNull = (table.origin == null || parent.origin != null) && chance(d.random, 0.4);
        String name = ModelGenerator.addReference(d.random, table, parent, notNull, d.oldColumnNames(table));
        String how = notNull ? "not null" : "nullable";
        if (notNull && table.origin != null) {
            Column column = table.column(name).orElseThrow();
            if (chance(d.random, 0.5)) {
                table.replace(column, column.withDefaultValue("1"));
                how += ", default 1";
            } else {
                d.backfill(table, column, "1");
                how += ", backfill 1";
            }
        }
        d.steps.add("add column " + table.name + "." + name + " referencing " + parent.name + " (" + how + ", "
                + table.foreignKey(name).orElseThrow().onDelete() + ")");
        return true;
    }

    private static boolean onExistingColumn(EvolutionDraft d, DraftTable table, DraftTable parent) {
        DraftTable old = d.oldTable(table).orElse(null);
        if (old == null || parent.origin == null) {
            return false;
        }
        List<Column> candidates = table.columns.subList(1, table.columns.size()).stream()
                .filter(c -> c.type().kind() == TypeKind.BIGINT && c.enumRef() == null && table.foreignKey(c.name()).isEmpty()
                        && !table.inUniqueSet(c.name()) && !table.checked(c.name()))
                .filter(c -> table.columnOrigin(c.name()).map(o -> old.foreignKey(o).isEmpty() && !old.inUniqueSet(o)).orElse(false))
                .toList();
        if (candidates.isEmpty()) {
            return false;
        }
        Column column = pick(d.random, candidates);
        ReferentialAction action = ModelGenerator.action(d.random, column.nullable());
        table.foreignKeys.add(new DraftTable.ForeignKeyDraft(column.name(), parent.rank, action));
        d.steps.add("add foreign key " + table.name + "." + column.name() + " -> " + parent.name + " (" + action + ")");
        return true;
    }

    static boolean dropForeignKey(EvolutionDraft d) {
        List<Runnable> drops = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.entityTables()) {
            for (DraftTable.ForeignKeyDraft key : table.foreignKeys) {
                drops.add(() -> table.foreignKeys.remove(key));
                words.add("drop foreign key " + table.name + "." + key.column());
            }
        }
        return runOne(d, drops, words);
    }

    /** CASCADE, SET NULL (nullable columns only) or NO ACTION, different from before. */
    static boolean changeOnDelete(EvolutionDraft d) {
        List<Runnable> edits = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.model.tables) {
            for (DraftTable.ForeignKeyDraft key : table.foreignKeys) {
                boolean nullable = table.column(key.column()).orElseThrow().nullable();
                List<ReferentialAction> others = new ArrayList<>(List.of(ReferentialAction.NO_ACTION, ReferentialAction.CASCADE));
                if (nullable) {
                    others.add(ReferentialAction.SET_NULL);
                }
                others.remove(key.onDelete());
                ReferentialAction action = pick(d.random, others);
                edits.add(() -> table.foreignKeys.set(table.foreignKeys.indexOf(key),
                        new DraftTable.ForeignKeyDraft(key.column(), key.parent(), action)));
                words.add("on delete of " + table.name + "." + key.column() + ": " + key.onDelete() + " -> " + action);
            }
        }
        return runOne(d, edits, words);
    }

    /**
     * A {@code @Check("<column> >= -1000")} on an integer column that needs no quoting (the
     * expression is SQL as the user writes it), neither a key nor unique (so the data check may
     * write a value that breaks it). Every value the rows, defaults and backfills get passes it.
     */
    static boolean addCheck(EvolutionDraft d) {
        List<Runnable> adds = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.model.tables) {
            for (Column column : table.columns.subList(1, table.columns.size())) {
                if (ModelGenerator.takesCheck(table, column)) {
                    String name = Identifiers.checkName(table.name, column.name() + "_min");
                    adds.add(() -> table.checks.add(new DraftTable.CheckDraft(name, column.name(), -1000)));
                    words.add("add check " + name + " (" + column.name() + " >= -1000) on " + table.name);
                }
            }
        }
        return runOne(d, adds, words);
    }

    static boolean dropCheck(EvolutionDraft d) {
        List<Runnable> drops = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.model.tables) {
            for (DraftTable.CheckDraft check : table.checks) {
                drops.add(() -> table.checks.remove(check));
                words.add("drop check " + check.name() + " on " + table.name);
            }
        }
        return runOne(d, drops, words);
    }

    /**
     * The primary key gets a second column ({@code @IdClass}): a NOT NULL column of a key-able type
     * the table already has. Only on a table no foreign key points to (a reference names the whole
     * key) and whose {@code id} is not an identity (SQLite's autoincrement key is one column).
     */
    static boolean widenPrimaryKey(EvolutionDraft d) {
        List<Runnable> edits = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.model.tables) {
            if (!table.extraKey.isEmpty() || d.model.isReferenced(table) || table.primaryKey().identity()) {
                continue;
            }
            for (Column column : table.columns.subList(1, table.columns.size())) {
                boolean keyable = switch (column.type().kind()) {
                    case BIGINT, INTEGER, SMALLINT, DATE, DECIMAL, BOOLEAN -> true;
                    case VARCHAR -> column.type().length() <= 255;
                    default -> false;
                };
                if (keyable && !column.nullable() && column.enumRef() == null && table.foreignKey(column.name()).isEmpty()) {
                    edits.add(() -> table.extraKey.add(column.name()));
                    words.add("primary key of " + table.name + ": (" + table.primaryKey().name() + ") -> ("
                            + table.primaryKey().name() + ", " + column.name() + ")");
                }
            }
        }
        return runOne(d, edits, words);
    }

    /** A composite primary key goes back to {@code id} alone. */
    static boolean narrowPrimaryKey(EvolutionDraft d) {
        List<Runnable> edits = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (DraftTable table : d.entityTables()) {
            if (!table.extraKey.isEmpty()) {
                edits.add(table.extraKey::clear);
                words.add("primary key of " + table.name + ": (" + table.primaryKey().name() + ", "
                        + String.join(", ", table.extraKey) + ") -> (" + table.primaryKey().name() + ")");
            }
        }
        return runOne(d, edits, words);
    }

    private static boolean runOne(EvolutionDraft d, List<Runnable> edits, List<String> words) {
        if (edits.isEmpty()) {
            return false;
        }
        int i = d.random.nextInt(edits.size());
        edits.get(i).run();
        d.steps.add(words.get(i));
        return true;
    }
}
