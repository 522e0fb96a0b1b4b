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
    /** Tables created in the file being read. */
    final Set<String> createdHere = new HashSet<>();

    LintState startFile() {
        createdHere.clear();
        return this;
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
