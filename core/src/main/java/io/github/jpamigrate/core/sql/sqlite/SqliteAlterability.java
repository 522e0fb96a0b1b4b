package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Table;

import java.util.Locale;

/**
 * Which changes SQLite's {@code ALTER TABLE} can make in place (sqlite.org, "ALTER TABLE"):
 * rename table and column, add a column that is not a key, not unique, whose default is a plain
 * literal and which may stay NULL or has a default, and drop a column that no key, index or check
 * uses. Indexes (and the unique indexes standing for unique constraints) are separate statements.
 * Everything else needs a table rebuild.
 */
final class SqliteAlterability {

    private final Table current;

    /** @param current the table as it is before the change */
    SqliteAlterability(Table current) {
        this.current = current;
    }

    boolean canAlter(SchemaChange change) {
        if (change instanceof ColumnAdded added) {
            return canAdd(added.newColumn());
        }
        if (change instanceof ColumnDropped dropped) {
            return canDrop(dropped.oldColumn());
        }
        if (change instanceof ColumnChanged changed) {
            return commentOnly(changed.oldColumn(), changed.newColumn());
        }
        return change instanceof TableRenamed || change instanceof ColumnRenamed
                || change instanceof IndexAdded || change instanceof IndexDropped
                || change instanceof UniqueAdded || change instanceof UniqueDropped
                || change instanceof TableCommentChanged;
    }

    private static boolean canAdd(Column column) {
        if (column.unique() || column.identity() || column.definition() != null) {
            return false;
        }
        String def = column.defaultValue();
        if (def != null && !SqliteTableDefinition.isPlainLiteral(def)) {
            return false;
        }
        return column.nullable() || (def != null && !def.trim().equalsIgnoreCase("null"));
    }

    private boolean canDrop(Column column) {
        String key = Identifiers.key(column.name());
        boolean used = column.unique() || column.enumRef() != null
                || (current.primaryKey() != null && contains(current.primaryKey().columns(), key))
                || current.foreignKeys().stream().anyMatch(k -> contains(k.columns(), key))
                || current.uniqueConstraints().stream().anyMatch(u -> contains(u.columns(), key))
                || current.indexes().stream().anyMatch(i -> contains(i.columns(), key))
                || current.checks().stream().anyMatch(c -> c.expression().toLowerCase(Locale.ROOT).contains(key));
        return !used;
    }

    private static boolean contains(java.util.List<String> columns, String key) {
        return columns.stream().anyMatch(c -> Identifiers.key(c).equals(key) || Identifiers.key(c).startsWith(key + " "));
    }

    private static boolean commentOnly(Column a, Column b) {
        return a.withComment(null).equals(b.withComment(null));
    }
}
