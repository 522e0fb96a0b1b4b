package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the lint learnt from the migrations read so far: indexes' leading columns, column types, and per file. */
final class LintState {

    /** Table key to the column lists of its indexes, primary and unique keys. */
    final Map<String, List<List<String>>> indexes = new HashMap<>();
    /** {@code table.column} key to its declared type, as written. */
    final Map<String, String> types = new HashMap<>();
    /** NOT NULL check constraints: constraint key to {@code table.column} key. */
    final Map<String, String> notNullChecks = new HashMap<>();
    /** {@code table.column} keys with a validated {@code CHECK (col IS NOT NULL)}. */
    final Set<String> validNotNull = new HashSet<>();
    /** Index name key to the key of its table (indexes and named unique/primary key constraints). */
    final Map<String, String> indexTables = new HashMap<>();
    /** Tables created in the file being read. */
    final Set<String> createdHere = new HashSet<>();
    /** {@code table.column} keys of columns the file being read added or renamed into: no earlier release maps them. */
    final Set<String> columnsCreatedHere = new HashSet<>();

    LintState startFile() {
        createdHere.clear();
        columnsCreatedHere.clear();
        return this;
    }

    /**
     * A table renamed: what was learnt about it (indexes, column types, NOT NULL checks) goes with
     * it, and it counts as created in this file only when the old name was (a rebuild's new table
     * renamed into place).
     */
    void renameTable(String from, String to) {
        String old = key(from);
        String now = key(to);
        if (old.equals(now)) {
            return;
        }
        List<List<String>> moved = indexes.remove(old);
        if (moved != null) {
            indexes.computeIfAbsent(now, k -> new ArrayList<>()).addAll(moved);
        }
        String prefix = old + ".";
        for (String column : List.copyOf(types.keySet())) {
            if (column.startsWith(prefix)) {
                types.put(now + "." + column.substring(prefix.length()), types.remove(column));
            }
        }
        notNullChecks.replaceAll((k, v) -> v.startsWith(prefix) ? now + "." + v.substring(prefix.length()) : v);
        for (String column : List.copyOf(validNotNull)) {
            if (column.startsWith(prefix)) {
                validNotNull.remove(column);
                validNotNull.add(now + "." + column.substring(prefix.length()));
            }
        }
        indexTables.replaceAll((k, v) -> v.equals(old) ? now : v);
        if (createdHere.remove(old)) {
            createdHere.add(now);
        }
    }

    /** A column renamed: it keeps its place in the table's indexes and its NOT NULL check. */
    void renameColumn(String table, String from, String to) {
        String column = key(from);
        String now = key(to);
        List<List<String>> lists = indexes.get(key(table));
        if (lists != null) {
            lists.replaceAll(list -> list.stream().map(c -> c.equals(column) ? now : c).toList());
        }
        String before = key(table) + "." + column;
        String after = key(table) + "." + now;
        notNullChecks.replaceAll((k, v) -> v.equals(before) ? after : v);
        if (validNotNull.remove(before)) {
            validNotNull.add(after);
        }
        columnsCreatedHere.add(after);
    }

    static String key(String name) {
        return Identifiers.key(MigrationLint.bare(name));
    }

    boolean existing(String table) {
        return !createdHere.contains(key(table));
    }

    void index(String table, List<String> columns) {
        List<String> keys = columns.stream().map(LintState::key).toList();
        indexes.computeIfAbsent(key(table), k -> new ArrayList<>()).add(keys);
    }

    /** Whether an index starts with these columns (in any order among the first ones). */
    boolean indexed(String table, List<String> columns) {
        Set<String> wanted = new HashSet<>(columns.stream().map(LintState::key).toList());
        for (List<String> index : indexes.getOrDefault(key(table), List.of())) {
            if (index.size() >= wanted.size() && new HashSet<>(index.subList(0, wanted.size())).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
