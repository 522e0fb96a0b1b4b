package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The changes of one migration as renderers read them: the diff's list, plus the declared renames
 * resolved in both directions (a table's name before and after, a column's name before and after
 * within its table) and the changes grouped by table. Renderers ask here rather than search the
 * list, so every dialect resolves a rename the same way.
 *
 * <p>Column renames are keyed by the table's new name, as the diff records them.
 */
public final class ChangeSet {

    private final List<SchemaChange> changes;
    private final Map<String, TableRenamed> renameByNewName = new HashMap<>();
    private final Map<String, TableRenamed> renameByOldName = new HashMap<>();
    private final Map<String, List<ColumnRenamed>> columnRenames = new HashMap<>();
    private final Set<String> added = new HashSet<>();
    private final Set<String> keyChanged = new HashSet<>();
    private final Set<String> columnsChanged = new HashSet<>();

    private ChangeSet(List<SchemaChange> changes) {
        this.changes = List.copyOf(changes);
        for (SchemaChange change : this.changes) {
            if (change instanceof TableRenamed r) {
                renameByNewName.putIfAbsent(Identifiers.key(r.newTable().name()), r);
                renameByOldName.putIfAbsent(Identifiers.key(r.oldTable().name()), r);
            } else if (change instanceof ColumnRenamed r) {
                columnRenames.computeIfAbsent(Identifiers.key(r.table()), k -> new ArrayList<>()).add(r);
            } else if (change instanceof TableAdded a) {
                added.add(Identifiers.key(a.table()));
            } else if (change instanceof PrimaryKeyChanged k) {
                keyChanged.add(Identifiers.key(k.table()));
            } else if (change instanceof ColumnChanged c) {
                columnsChanged.add(columnKey(c.table(), c.newColumn().name()));
            }
        }
    }

    /** The changes of {@code SchemaDiff.compare}, in its order. */
    public static ChangeSet of(List<SchemaChange> changes) {
        return new ChangeSet(changes);
    }

    /** All changes, in the diff's order. */
    public List<SchemaChange> all() {
        return changes;
    }

    /** The name a table had before this migration: the declared rename's old name, or its own. */
    public String oldTableName(String table) {
        TableRenamed rename = renameByNewName.get(Identifiers.key(table));
        return rename == null ? table : rename.oldTable().name();
    }

    /** The name an old table gets in this migration: the declared rename's new name, or its own. */
    public String newTableName(String oldTable) {
        TableRenamed rename = renameByOldName.get(Identifiers.key(oldTable));
        return rename == null ? oldTable : rename.newTable().name();
    }

    /** The declared rename that gives a table this (new) name. */
    public Optional<TableRenamed> tableRename(String table) {
        return Optional.ofNullable(renameByNewName.get(Identifiers.key(table)));
    }

    /** The declared column renames of a table (by its new name), in the diff's order. */
    public List<ColumnRenamed> columnRenames(String table) {
        return columnRenames.getOrDefault(Identifiers.key(table), List.of());
    }

    /** The name an old column gets in a table (by the table's new name): a declared rename's, or its own. */
    public String newColumnName(String table, String oldColumn) {
        return columnRenames(table).stream().filter(r -> Identifiers.sameName(r.oldColumn().name(), oldColumn))
                .map(r -> r.newColumn().name()).findFirst().orElse(oldColumn);
    }

    /** The name a column of a table (both by their new names) had before: a declared rename's old name, or its own. */
    public String oldColumnName(String table, String column) {
        return columnRenames(table).stream().filter(r -> Identifiers.sameName(r.newColumn().name(), column))
                .map(r -> r.oldColumn().name()).findFirst().orElse(column);
    }

    /** The first declared rename (of the table or of one of its columns) that touches a table, by its new name. */
    public Optional<SchemaChange> firstRename(String table) {
        return changes.stream().filter(c -> (c instanceof TableRenamed || c instanceof ColumnRenamed)
                && Identifiers.sameName(c.table(), table)).findFirst();
    }

    /** Whether the migration creates this table. */
    public boolean isAdded(String table) {
        return added.contains(Identifiers.key(table));
    }

    /** Whether the primary key of this table (by its new name) changes. */
    public boolean primaryKeyChanges(String table) {
        return keyChanged.contains(Identifiers.key(table));
    }

    /** Whether a column (by the table's and its own new name) has a {@link ColumnChanged}. */
    public boolean columnChanges(String table, String column) {
        return columnsChanged.contains(columnKey(table, column));
    }

    /**
     * The changes to existing tables, grouped by the table's new name (case-folded) in the order the
     * tables first appear; an enum's change joins the groups of the tables {@code tablesOf} names.
     */
    public Map<String, List<SchemaChange>> byTable(Function<EnumChanged, List<String>> tablesOf) {
        Map<String, List<SchemaChange>> out = new LinkedHashMap<>();
        for (SchemaChange change : changes) {
            List<String> tables = change instanceof EnumChanged e ? tablesOf.apply(e)
                    : isTableLevel(change) ? List.of(change.table()) : List.of();
            tables.forEach(t -> out.computeIfAbsent(Identifiers.key(t), k -> new ArrayList<>()).add(change));
        }
        return out;
    }

    /** Whether a change alters one existing table (rather than creating or dropping one, or a model-level object). */
    public static boolean isTableLevel(SchemaChange change) {
        return change instanceof TableRenamed || change instanceof TableCommentChanged
                || change instanceof ColumnAdded || change instanceof ColumnDropped
                || change instanceof ColumnRenamed || change instanceof ColumnChanged
                || change instanceof PrimaryKeyChanged || change instanceof ForeignKeyAdded
                || change instanceof ForeignKeyDropped || change instanceof UniqueAdded
                || change instanceof UniqueDropped || change instanceof IndexAdded
                || change instanceof IndexDropped || change instanceof CheckAdded
                || change instanceof CheckDropped;
    }

    private static String columnKey(String table, String column) {
        return Identifiers.key(table) + "." + Identifiers.key(column);
    }
}
