package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.ReferentialAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table while it is generated or evolved. Tables are told apart by {@link #rank}, which never
 * changes (a rename keeps it), and foreign keys only point to lower ranks, so rows can always be
 * inserted parents first. Constraints name their columns; a column rename rewrites them.
 */
final class DraftTable {

    /** A single-column foreign key to the primary key of the table of rank {@code parent}. */
    record ForeignKeyDraft(String column, int parent, ReferentialAction onDelete) {
    }

    /** A {@code @Check} that the column is at least {@code minimum}; its name is fixed when it is made. */
    record CheckDraft(String name, String column, int minimum) {
        String expression() {
            return column + " >= " + minimum;
        }
    }

    /** An index over {@code columns}; unique or not. */
    record IndexDraft(List<String> columns, boolean unique) {
    }

    String name;
    /** The table's name in the old model, or null when the evolution adds it. */
    final String origin;
    final int rank;
    final List<Column> columns = new ArrayList<>();
    /** Current column key -> the column's name in the old model, for columns the old model has. */
    final Map<String, String> columnOrigins = new LinkedHashMap<>();
    final List<ForeignKeyDraft> foreignKeys = new ArrayList<>();
    final List<List<String>> uniques = new ArrayList<>();
    final List<IndexDraft> indexes = new ArrayList<>();
    final List<CheckDraft> checks = new ArrayList<>();
    /** Columns after {@code id} in a composite primary key ({@code @IdClass}); empty for a key of {@code id} alone. */
    final List<String> extraKey = new ArrayList<>();
    /**
     * SINGLE_TABLE inheritance: the discriminator column's name (null while the entity has no
     * subtype) and each subtype entity's own columns (nullable, as Hibernate makes them).
     */
    String discriminator;
    /** A {@code @ManyToMany} join table: two references that together are the key, nothing else. */
    boolean join;
    final Map<String, List<String>> subtypes = new LinkedHashMap<>();

    DraftTable(String name, String origin, int rank) {
        this.name = name;
        this.origin = origin;
        this.rank = rank;
    }

    /** A copy whose origin is this table and whose columns all come from the old model. */
    DraftTable evolvable() {
        DraftTable copy = new DraftTable(name, name, rank);
        copy.columns.addAll(columns);
        columns.forEach(c -> copy.columnOrigins.put(Identifiers.key(c.name()), c.name()));
        copy.foreignKeys.addAll(foreignKeys);
        uniques.forEach(u -> copy.uniques.add(List.copyOf(u)));
        copy.indexes.addAll(indexes);
        copy.checks.addAll(checks);
        copy.extraKey.addAll(extraKey);
        copy.discriminator = discriminator;
        copy.join = join;
        subtypes.forEach((k, v) -> copy.subtypes.put(k, new ArrayList<>(v)));
        return copy;
    }

    /** The primary key column: always the first one. */
    Column primaryKey() {
        return columns.get(0);
    }

    Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> Identifiers.sameName(c.name(), columnName)).findFirst();
    }

    /** The old model's name of a column, if the old model has it. */
    Optional<String> columnOrigin(String columnName) {
        return Optional.ofNullable(columnOrigins.get(Identifiers.key(columnName)));
    }

    void replace(Column old, Column now) {
        columns.set(columns.indexOf(old), now);
    }

    Optional<ForeignKeyDraft> foreignKey(String columnName) {
        return foreignKeys.stream().filter(k -> Identifiers.sameName(k.column(), columnName)).findFirst();
    }

    /** Whether a unique constraint, unique index or the column's own flag makes the column unique-ish. */
    boolean inUniqueSet(String columnName) {
        return column(columnName).map(Column::unique).orElse(false)
                || uniques.stream().anyMatch(u -> mentions(u, columnName))
                || indexes.stream().anyMatch(i -> i.unique() && mentions(i.columns(), columnName));
    }

    /** Whether some unique constraint or index already covers exactly this column set. */
    boolean hasColumnSet(List<String> set) {
        String key = setKey(set);
        boolean single = set.size() == 1 && column(set.get(0)).map(Column::unique).orElse(false);
        return single || uniques.stream().anyMatch(u -> setKey(u).equals(key))
                || indexes.stream().anyMatch(i -> setKey(i.columns()).equals(key));
    }

    /** Removes the column and every constraint that uses it, as the processor would. */
    void dropColumn(String columnName) {
        columns.removeIf(c -> Identifiers.sameName(c.name(), columnName));
        columnOrigins.remove(Identifiers.key(columnName));
        foreignKeys.removeIf(k -> Identifiers.sameName(k.column(), columnName));
        uniques.removeIf(u -> mentions(u, columnName));
        indexes.removeIf(i -> mentions(i.columns(), columnName));
        checks.removeIf(c -> Identifiers.sameName(c.column(), columnName));
        extraKey.removeIf(n -> Identifiers.sameName(n, columnName));
        subtypes.values().forEach(c -> c.removeIf(n -> Identifiers.sameName(n, columnName)));
        if (Identifiers.sameName(discriminator, columnName)) {
            discriminator = null;
        }
    }

    /** Whether every plain index over the column still fits the engine's key with the column as {@code changed}. */
    boolean plainIndexesFit(EvolutionEngine engine, Column changed) {
        return indexes.stream().filter(i -> !i.unique() && mentions(i.columns(), changed.name()))
                .allMatch(i -> engine.fitsPlainIndex(i.columns().stream()
                        .map(n -> Identifiers.sameName(n, changed.name()) ? changed : column(n).orElseThrow()).toList()));
    }

    /** Whether the column is part of the primary key. */
    boolean inKey(String columnName) {
        return Identifiers.sameName(primaryKey().name(), columnName) || mentions(extraKey, columnName);
    }

    /** Whether a check mentions the column (its expression is SQL the user wrote: a rename would have to edit it). */
    boolean checked(String columnName) {
        return checks.stream().anyMatch(c -> Identifiers.sameName(c.column(), columnName));
    }

    /** Renames a column everywhere this table mentions it. */
    void renameColumn(String from, String to) {
        Column column = column(from).orElseThrow();
        replace(column, column.withName(to));
        String origin = columnOrigins.remove(Identifiers.key(from));
        if (origin != null) {
            columnOrigins.put(Identifiers.key(to), origin);
        }
        foreignKeys.replaceAll(k -> Identifiers.sameName(k.column(), from) ? new ForeignKeyDraft(to, k.parent(), k.onDelete()) : k);
        uniques.replaceAll(u -> renamed(u, from, to));
        indexes.replaceAll(i -> new IndexDraft(renamed(i.columns(), from, to), i.unique()));
        subtypes.values().forEach(c -> c.replaceAll(n -> Identifiers.sameName(n, from) ? to : n));
        extraKey.replaceAll(n -> Identifiers.sameName(n, from) ? to : n);
        if (Identifiers.sameName(discriminator, from)) {
            discriminator = to;
        }
    }

    private static List<String> renamed(List<String> columns, String from, String to) {
        return columns.stream().map(c -> Identifiers.sameName(c, from) ? to : c).toList();
    }

    static boolean mentions(List<String> columns, String columnName) {
        return columns.stream().anyMatch(c -> Identifiers.sameName(c, columnName));
    }

    private static String setKey(List<String> columns) {
        return String.join(",", columns.stream().map(Identifiers::key).sorted().toList());
    }
}
