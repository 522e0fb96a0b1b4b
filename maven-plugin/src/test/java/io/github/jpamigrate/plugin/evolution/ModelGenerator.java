package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static io.github.jpamigrate.plugin.evolution.Vocabulary.chance;
import static io.github.jpamigrate.plugin.evolution.Vocabulary.pick;

/**
 * Random starting models: one to five tables with a {@code bigint} primary key, a few columns of
 * assorted types, enums, foreign keys to earlier tables, unique constraints and indexes.
 */
final class ModelGenerator {

    private static final List<List<String>> ENUMS = List.of(
            List.of("NEW", "ACTIVE", "CLOSED", "ARCHIVED"), List.of("LOW", "HIGH", "URGENT"), List.of("RED", "GREEN"));

    private ModelGenerator() {
    }

    static DraftModel generate(SplittableRandom random, EvolutionEngine engine) {
        DraftModel model = new DraftModel();
        int enumCount = random.nextInt(3);
        for (int i = 0; i < enumCount; i++) {
            List<String> constants = ENUMS.get(i);
            model.enums.put("com.acme.Enum" + i, constants.subList(0, 1 + random.nextInt(constants.size())));
        }
        int tableCount = 1 + random.nextInt(5);
        java.util.function.Predicate<String> taken = name -> Vocabulary.among(model.tables.stream().map(t -> t.name).toList(), name);
        for (int i = 0; i < tableCount; i++) {
            addTable(random, engine, model, taken);
        }
        if (tableCount > 1 && chance(random, 0.25)) {
            addJoinTable(random, model, model.tables.get(0), model.tables.get(tableCount - 1), taken);
        }
        return model;
    }

    /**
     * Adds a table with a primary key, one to five columns, maybe foreign keys to existing tables
     * and maybe unique constraints and indexes.
     *
     * @param taken the table names that may not be used
     */
    static DraftTable addTable(SplittableRandom random, EvolutionEngine engine, DraftModel model, java.util.function.Predicate<String> taken) {
        // A table with a composite key cannot be referenced by one column.
        List<DraftTable> parents = model.tables.stream().filter(t -> t.extraKey.isEmpty()).toList();
        DraftTable table = model.addTable(Vocabulary.table(random, taken));
        table.columns.add(Column.of("id", ColumnType.of(TypeKind.BIGINT), false).withIdentity(chance(random, 0.4)));
        int columnCount = 1 + random.nextInt(5);
        for (int i = 0; i < columnCount; i++) {
            table.columns.add(ColumnKinds.random(random, engine, freshColumn(random, table, List.of()), model.enums));
        }
        for (DraftTable parent : parents) {
            if (chance(random, 0.35)) {
                addReference(random, table, parent, chance(random, 0.5), List.of());
            }
        }
        if (chance(random, 0.4)) {
            addUnique(random, table, c -> c.defaultValue() == null);
        }
        if (chance(random, 0.4)) {
            addIndex(random, engine, table);
        }
        if (chance(random, 0.2)) {
            addCheck(table);
        }
        return table;
    }

    /** A {@code @Check("<column> >= -1000")} on the first integer column that takes one; false when none does. */
    static boolean addCheck(DraftTable table) {
        for (Column column : table.columns.subList(1, table.columns.size())) {
            if (takesCheck(table, column)) {
                table.checks.add(new DraftTable.CheckDraft(Identifiers.checkName(table.name, column.name() + "_min"), column.name(), -1000));
                return true;
            }
        }
        return false;
    }

    /**
     * An integer column that needs no quoting (the check is SQL as the user writes it), neither a
     * key nor unique (so the data check may write a value that breaks it) nor checked already.
     */
    static boolean takesCheck(DraftTable table, Column column) {
        boolean integer = column.type().kind() == TypeKind.SMALLINT || column.type().kind() == TypeKind.INTEGER
                || column.type().kind() == TypeKind.BIGINT;
        return integer && column.enumRef() == null && !Identifiers.needsQuoting(column.name()) && !table.checked(column.name())
                && table.foreignKey(column.name()).isEmpty() && !table.inUniqueSet(column.name()) && !table.inKey(column.name());
    }

    /**
     * A join table {@code <a>_<b>} ({@code a} and {@code b} of lower rank, so it is filled after
     * them), or null when the name is taken.
     */
    static DraftTable addJoinTable(SplittableRandom random, DraftModel model, DraftTable a, DraftTable b,
                                   java.util.function.Predicate<String> taken) {
        String name = snake(a.name) + "_" + snake(b.name);
        if (taken.test(name)) {
            return null;
        }
        DraftTable join = model.addTable(name);
        join.join = true;
        String first = snake(a.name) + "_id";
        String second = snake(b.name) + "_id";
        if (Identifiers.sameName(first, second)) {
            second = second + "2";
        }
        ReferentialAction action = chance(random, 0.5) ? ReferentialAction.CASCADE : ReferentialAction.NO_ACTION;
        join.columns.add(Column.of(first, ColumnType.of(TypeKind.BIGINT), false));
        join.columns.add(Column.of(second, ColumnType.of(TypeKind.BIGINT), false));
        join.foreignKeys.add(new DraftTable.ForeignKeyDraft(first, a.rank, action));
        join.foreignKeys.add(new DraftTable.ForeignKeyDraft(second, b.rank, action));
        join.extraKey.add(second);
        return join;
    }

    private static String snake(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /** A new {@code bigint} column referencing {@code parent}, with a random delete action. */
    static String addReference(SplittableRandom random, DraftTable table, DraftTable parent, boolean notNull,
                               List<String> alsoTaken) {
        String base = parent.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_id";
        String name = base;
        for (int n = 2; table.column(name).isPresent() || Vocabulary.among(alsoTaken, name); n++) {
            name = base + n;
        }
        table.columns.add(Column.of(name, ColumnType.of(TypeKind.BIGINT), !notNull));
        table.foreignKeys.add(new DraftTable.ForeignKeyDraft(name, parent.rank, action(random, !notNull)));
        return name;
    }

    static ReferentialAction action(SplittableRandom random, boolean nullable) {
        List<ReferentialAction> actions = nullable
                ? List.of(ReferentialAction.NO_ACTION, ReferentialAction.CASCADE, ReferentialAction.SET_NULL)
                : List.of(ReferentialAction.NO_ACTION, ReferentialAction.CASCADE);
        return pick(random, actions);
    }

    /** A column name neither the table nor {@code alsoTaken} (the old table's names) uses. */
    static String freshColumn(SplittableRandom random, DraftTable table, List<String> alsoTaken) {
        return Vocabulary.column(random, n -> table.column(n).isPresent() || Vocabulary.among(alsoTaken, n)
                || Vocabulary.among(List.of("id"), n));
    }

    /**
     * A unique constraint on one or two columns that can hold distinct values and pass
     * {@code allowed}; false when none fits.
     */
    static boolean addUnique(SplittableRandom random, DraftTable table, java.util.function.Predicate<Column> allowed) {
        List<String> set = columnSet(random, table, c -> ColumnKinds.canBeUnique(c) && allowed.test(c), false);
        if (set == null) {
            return false;
        }
        if (set.size() == 1 && chance(random, 0.5)) {
            Column column = table.column(set.get(0)).orElseThrow();
            table.replace(column, column.withUnique(true));
        } else if (chance(random, 0.3)) {
            table.indexes.add(new DraftTable.IndexDraft(set, true));
        } else {
            table.uniques.add(set);
        }
        return true;
    }

    /** A non-unique index on one or two columns; false when none fits. */
    static boolean addIndex(SplittableRandom random, EvolutionEngine engine, DraftTable table) {
        List<String> set = columnSet(random, table, c -> engine.indexesClobs() || c.type().kind() != TypeKind.CLOB, true);
        if (set == null || !engine.fitsPlainIndex(set.stream().map(n -> table.column(n).orElseThrow()).toList())) {
            return false;
        }
        table.indexes.add(new DraftTable.IndexDraft(set, false));
        return true;
    }

    /**
     * One or two non-key columns that pass the filter (foreign key columns only when allowed: a
     * unique foreign key would need as many parent rows as child rows) and are not yet covered by
     * a constraint with the same columns; null when there is no such set.
     */
    private static List<String> columnSet(SplittableRandom random, DraftTable table,
                                          java.util.function.Predicate<Column> fits, boolean foreignKeys) {
        List<String> candidates = new ArrayList<>();
        for (Column column : table.columns.subList(1, table.columns.size())) {
            if (fits.test(column) && (foreignKeys || table.foreignKey(column.name()).isEmpty())) {
                candidates.add(column.name());
            }
        }
        for (int attempt = 0; attempt < 4 && !candidates.isEmpty(); attempt++) {
            List<String> set = new ArrayList<>(List.of(pick(random, candidates)));
            String second = pick(random, candidates);
            if (chance(random, 0.35) && !set.contains(second)) {
                set.add(second);
            }
            if (!table.hasColumnSet(set)) {
                return List.copyOf(set);
            }
        }
        return null;
    }
}
