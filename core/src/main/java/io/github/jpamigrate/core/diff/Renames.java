package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renames the user declared ({@code -Djpamigrate.rename=user.username:login,customer:client}).
 * The diff never guesses a rename; without a declaration a rename is a drop plus an add.
 *
 * @param tables  old table key -> new table name
 * @param columns table key (old or new name) -> (old column key -> new column name)
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
    }

    /**
     * Parses declarations of the form {@code table:newTable} and {@code table.column:newColumn}.
     *
     * @throws IllegalArgumentException naming the declaration and the expected form
     */
    public static Renames parse(List<String> declarations) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        for (String raw : declarations) {
            String spec = raw.trim();
            if (spec.isEmpty()) {
                continue;
            }
            int colon = spec.indexOf(':');
            if (colon <= 0 || colon == spec.length() - 1 || spec.indexOf(':', colon + 1) >= 0) {
                throw badSpec(raw);
            }
            String from = spec.substring(0, colon).trim();
            String to = spec.substring(colon + 1).trim();
            int dot = from.indexOf('.');
            if (dot < 0) {
                tables.put(Identifiers.key(from), to);
            } else {
                String table = from.substring(0, dot);
                String column = from.substring(dot + 1);
                if (table.isEmpty() || column.isEmpty() || column.contains(".") || to.contains(".")) {
                    throw badSpec(raw);
                }
                columns.computeIfAbsent(Identifiers.key(table), k -> new LinkedHashMap<>())
                        .put(Identifiers.key(column), to);
            }
        }
        return new Renames(tables, columns);
    }

    private static IllegalArgumentException badSpec(String raw) {
        return new IllegalArgumentException("rename declaration '" + raw + "' is not of the form "
                + "table:newTable or table.column:newColumn (e.g. -Djpamigrate.rename=user.username:login)");
    }

    /** The new name of an old table, if the user declared one. */
    public Optional<String> newTableName(String oldTable) {
        return Optional.ofNullable(tables.get(Identifiers.key(oldTable)));
    }

    /** The new name of an old column, looked up under the table's old or new name. */
    public Optional<String> newColumnName(String oldTable, String newTable, String oldColumn) {
        for (String table : new String[] {oldTable, newTable}) {
            Map<String, String> byColumn = columns.get(Identifiers.key(table));
            if (byColumn != null && byColumn.containsKey(Identifiers.key(oldColumn))) {
                return Optional.of(byColumn.get(Identifiers.key(oldColumn)));
            }
        }
        return Optional.empty();
    }

    /** These renames without the column rename of {@code oldColumn} (looked up as {@link #newColumnName} does). */
    public Renames withoutColumn(String oldTable, String newTable, String oldColumn) {
        Map<String, Map<String, String>> rest = new LinkedHashMap<>();
        columns.forEach((table, byColumn) -> {
            Map<String, String> kept = new LinkedHashMap<>(byColumn);
            if (table.equals(Identifiers.key(oldTable)) || table.equals(Identifiers.key(newTable))) {
                kept.remove(Identifiers.key(oldColumn));
            }
            if (!kept.isEmpty()) {
                rest.put(table, kept);
            }
        });
        return new Renames(tables, rest);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    /**
     * The renames seen from the new model back to the old one, for an undo script: {@code a:b}
     * becomes {@code b:a} and {@code t.a:b} becomes {@code t.b:a}. The table part of a column
     * rename may stay as declared, since a column is looked up under its table's old or new name.
     */
    public Renames inverse() {
        Map<String, String> backTables = new LinkedHashMap<>();
        tables.forEach((from, to) -> backTables.put(Identifiers.key(to), from));
        Map<String, Map<String, String>> backColumns = new LinkedHashMap<>();
        columns.forEach((table, byColumn) -> byColumn.forEach((from, to) ->
                backColumns.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(Identifiers.key(to), from)));
        return new Renames(backTables, backColumns);
    }

    /** These renames and {@code more}; a declaration in {@code more} wins over one for the same name here. */
    public Renames and(Renames more) {
        Map<String, String> allTables = new LinkedHashMap<>(tables);
        allTables.putAll(more.tables);
        Map<String, Map<String, String>> allColumns = new LinkedHashMap<>();
        columns.forEach((table, byColumn) -> allColumns.put(table, new LinkedHashMap<>(byColumn)));
        more.columns.forEach((table, byColumn) ->
                allColumns.computeIfAbsent(table, k -> new LinkedHashMap<>()).putAll(byColumn));
        return new Renames(allTables, allColumns);
    }
}
