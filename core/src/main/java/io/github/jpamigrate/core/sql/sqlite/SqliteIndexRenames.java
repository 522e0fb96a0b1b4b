package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQLite keeps an index's name through {@code ALTER TABLE ... RENAME} (of the table or of a column),
 * but the model derives index names from table and column names ({@code idx_customer_email}). After
 * an in-place rename the database and the model would call the same index differently, and a later
 * migration's {@code DROP INDEX <model name>} would fail. These are the indexes (and the unique
 * indexes standing for unique constraints) to drop and create again under the model's name.
 */
final class SqliteIndexRenames {

    /** An index to drop under its database name and create again with {@code createSql}. */
    record Recreate(String oldName, String createSql) {
    }

    private SqliteIndexRenames() {
    }

    /**
     * @param old          the table as the old model has it (old names)
     * @param target       the table as the new model has it
     * @param newColumnOf  old column key -> new column name, for the declared column renames
     */
    static List<Recreate> of(Table old, Table target, Map<String, String> newColumnOf, SqliteTableDefinition definition) {
        List<Recreate> out = new ArrayList<>();
        Map<String, String> oldIndexes = new HashMap<>();
        old.indexes().forEach(i -> oldIndexes.put(signature(i.columns(), i.unique(), newColumnOf, false), i.name()));
        for (Index index : target.indexes()) {
            String oldName = oldIndexes.get(signature(index.columns(), index.unique(), Map.of(), false));
            if (oldName != null && !Identifiers.sameName(oldName, index.name())) {
                out.add(new Recreate(oldName, definition.index(target, index)));
            }
        }
        Map<String, String> oldUniques = new HashMap<>();
        old.uniqueConstraints().forEach(u -> oldUniques.put(signature(u.columns(), true, newColumnOf, true), u.name()));
        for (UniqueConstraint unique : target.uniqueConstraints()) {
            String oldName = oldUniques.get(signature(unique.columns(), true, Map.of(), true));
            if (oldName != null && !Identifiers.sameName(oldName, unique.name())) {
                out.add(new Recreate(oldName, definition.uniqueIndex(target, unique)));
            }
        }
        return out;
    }

    /** Columns in the new model's names, in order for an index and as a set for a unique constraint. */
    private static String signature(List<String> columns, boolean unique, Map<String, String> newColumnOf, boolean asSet) {
        List<String> keys = new ArrayList<>();
        for (String column : columns) {
            String lower = column.toLowerCase(Locale.ROOT);
            String suffix = lower.endsWith(" desc") ? " desc" : lower.endsWith(" asc") ? " asc" : "";
            String name = column.substring(0, column.length() - suffix.length());
            keys.add(Identifiers.key(newColumnOf.getOrDefault(Identifiers.key(name), name)) + suffix);
        }
        if (asSet) {
            keys.sort(null);
        }
        return (unique ? "unique:" : "") + String.join(",", keys);
    }
}
