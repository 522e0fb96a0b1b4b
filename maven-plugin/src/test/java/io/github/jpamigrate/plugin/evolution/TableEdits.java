package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;

import java.util.List;

import static io.github.jpamigrate.plugin.evolution.Vocabulary.chance;
import static io.github.jpamigrate.plugin.evolution.Vocabulary.pick;

/**
 * Edits of whole tables and of columns: add, drop, rename. Each returns false when it does not
 * apply to the draft (nothing to drop, say), and the generator then tries another edit.
 */
final class TableEdits {

    private TableEdits() {
    }

    static boolean addTable(EvolutionDraft d) {
        DraftTable table = ModelGenerator.addTable(d.random, d.engine, d.model, d::tableNameTaken);
        d.steps.add("add table " + table.name);
        return true;
    }

    /** Drops a table; foreign keys pointing to it go too, as they would from the entities. */
    static boolean dropTable(EvolutionDraft d) {
        if (d.model.tables.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, d.model.tables);
        drop(d, table);
        d.steps.add("drop table " + table.name);
        return true;
    }

    /** Drops a table, and the join tables of its many-to-many associations with it, as removing the entity would. */
    private static void drop(EvolutionDraft d, DraftTable table) {
        List<DraftTable> joins = d.model.tables.stream().filter(t -> t.join && t != table
                && t.foreignKeys.stream().anyMatch(k -> k.parent() == table.rank)).toList();
        d.model.dropTable(table);
        if (table.origin != null) {
            d.acknowledgeDrop(table);
        }
        joins.forEach(join -> drop(d, join));
    }

    /**
     * Adds a {@code @ManyToMany} join table between two entity tables with simple keys:
     * {@code <a>_<b>} with the columns {@code <a>_id} and {@code <b>_id}, both NOT NULL references,
     * together the primary key.
     */
    static boolean addJoinTable(EvolutionDraft d) {
        List<DraftTable> candidates = d.entityTables().stream().filter(t -> t.extraKey.isEmpty()).toList();
        if (candidates.size() < 2) {
            return false;
        }
        DraftTable a = pick(d.random, candidates);
        DraftTable b = pick(d.random, candidates);
        if (a == b) {
            return false;
        }
        DraftTable join = ModelGenerator.addJoinTable(d.random, d.model, a, b, d::tableNameTaken);
        if (join == null) {
            return false;
        }
        d.steps.add("add join table " + join.name + " (" + a.name + " many-to-many " + b.name + ")");
        return true;
    }

    static boolean dropJoinTable(EvolutionDraft d) {
        List<DraftTable> joins = d.model.tables.stream().filter(t -> t.join).toList();
        if (joins.isEmpty()) {
            return false;
        }
        DraftTable join = pick(d.random, joins);
        drop(d, join);
        d.steps.add("drop join table " + join.name);
        return true;
    }

    static boolean renameTable(EvolutionDraft d) {
        List<DraftTable> candidates = d.oldTables().stream().filter(t -> Identifiers.sameName(t.name, t.origin)).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, candidates);
        String name = Vocabulary.table(d.random, d::tableNameTaken);
        d.steps.add("rename table " + table.name + " to " + name);
        table.name = name;
        return true;
    }

    /**
     * Adds a column: nullable (maybe with a default), NOT NULL with a default, or NOT NULL with a
     * backfill value for the rows already there.
     */
    static boolean addColumn(EvolutionDraft d) {
        if (d.entityTables().isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, d.entityTables());
        String name = ModelGenerator.freshColumn(d.random, table, d.oldColumnNames(table));
        Column column = ColumnKinds.random(d.random, d.engine, name, d.model.enums);
        String how = column.nullable() ? "nullable" : column.defaultValue() != null ? "not null, default" : "not null";
        table.columns.add(column);
        if (!column.nullable() && column.defaultValue() == null && table.origin != null) {
            String literal = ColumnKinds.literal(d.random, d.engine, column, d.model.enums);
            d.backfill(table, column, literal);
            how += ", backfill " + literal;
        }
        d.steps.add("add column " + table.name + "." + name + " " + column.type() + " (" + how + ")");
        return true;
    }

    static boolean dropColumn(EvolutionDraft d) {
        List<DraftTable> candidates = d.entityTables().stream().filter(t -> t.columns.size() > 1).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, candidates);
        Column column = pick(d.random, table.columns.subList(1, table.columns.size()));
        table.columnOrigin(column.name()).ifPresent(origin -> d.acknowledgeDrop(table, origin));
        table.dropColumn(column.name());
        d.steps.add("drop column " + table.name + "." + column.name());
        return true;
    }

    /** Renames a column the old model has, now and then the primary key that others reference. */
    static boolean renameColumn(EvolutionDraft d) {
        List<DraftTable> candidates = d.oldEntityTables().stream().filter(t -> t.columns.stream()
                .anyMatch(c -> Identifiers.sameName(c.name(), t.columnOrigin(c.name()).orElse(null)) && !t.checked(c.name()))).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, candidates);
        List<Column> columns = table.columns.stream()
                .filter(c -> Identifiers.sameName(c.name(), table.columnOrigin(c.name()).orElse(null)) && !table.checked(c.name()))
                .filter(c -> c != table.primaryKey() || chance(d.random, 0.3)).toList();
        if (columns.isEmpty()) {
            return false;
        }
        Column column = pick(d.random, columns);
        String name = ModelGenerator.freshColumn(d.random, table, d.oldColumnNames(table));
        table.renameColumn(column.name(), name);
        d.steps.add("rename column " + table.name + "." + column.name() + " to " + name);
        return true;
    }

    /**
     * Renames a column to the name of a column this evolution dropped from the same table, as in
     * "drop the legacy {@code name}, rename {@code full_name} to {@code name}".
     */
    static boolean renameColumnIntoFreedName(EvolutionDraft d) {
        for (DraftTable table : d.oldEntityTables()) {
            List<String> freed = d.oldColumnNames(table).stream().filter(n -> table.column(n).isEmpty()
                    && table.columnOrigins.values().stream().noneMatch(o -> Identifiers.sameName(o, n))).toList();
            List<Column> candidates = table.columns.subList(1, table.columns.size()).stream()
                    .filter(c -> Identifiers.sameName(c.name(), table.columnOrigin(c.name()).orElse(null)) && !table.checked(c.name()))
                    .toList();
            if (!freed.isEmpty() && !candidates.isEmpty()) {
                Column column = pick(d.random, candidates);
                String name = pick(d.random, freed);
                table.renameColumn(column.name(), name);
                d.steps.add("rename column " + table.name + "." + column.name() + " to the freed name " + name);
                return true;
            }
        }
        return false;
    }

    /** Renames a table to the name of a table this evolution dropped. */
    static boolean renameTableIntoFreedName(EvolutionDraft d) {
        List<String> freed = d.old.tables.stream().map(t -> t.name).filter(n -> d.model.table(n).isEmpty()
                && d.model.tables.stream().noneMatch(t -> Identifiers.sameName(t.origin, n))).toList();
        List<DraftTable> candidates = d.oldTables().stream().filter(t -> Identifiers.sameName(t.name, t.origin)).toList();
        if (freed.isEmpty() || candidates.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, candidates);
        String name = pick(d.random, freed);
        d.steps.add("rename table " + table.name + " to the freed name " + name);
        table.name = name;
        return true;
    }
}
