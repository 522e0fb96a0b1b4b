package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.diff.ChangeSet;
import io.github.jpamigrate.core.diff.ColumnWords;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.SqlNames;
import io.github.jpamigrate.core.sql.Statement;
import io.github.jpamigrate.core.sql.UnsupportedChangeException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite: {@code ALTER TABLE} where SQLite supports the change ({@link SqliteAlterability}),
 * otherwise one {@link SqliteTableRebuild} per table, built from the old snapshot.
 *
 * <p>Whenever a table is rebuilt or dropped the script turns foreign keys off first and runs
 * outside a transaction, because with foreign keys on {@code DROP TABLE} deletes the rows and
 * fires {@code ON DELETE} actions in child tables, and {@code PRAGMA foreign_keys} is ignored
 * inside a transaction. The work itself runs in a savepoint (a transaction that Flyway's SQLite
 * parser does not mistake for a {@code BEGIN ... END} block), and before it is released the script
 * fails if any reference is left dangling; a failure leaves the database as it was.
 */
public final class SqliteRenderer implements MigrationRenderer {

    @Override
    public DialectFacts dialect() {
        return SqliteDialect.INSTANCE;
    }

    @Override
    public ColumnWords words(SchemaModel oldModel, SchemaModel newModel) {
        SqliteTypeNames types = new SqliteTypeNames();
        return ColumnWords.of((column, before) -> column.definition() != null ? column.definition()
                : types.sqlType(column, before ? oldModel : newModel), SqliteTableDefinition::defaultExpression);
    }

    @Override
    public RenderedMigration render(SchemaModel oldModel, SchemaModel newModel, ChangeSet changes,
                                    RenderOptions options) {
        return new Plan(oldModel, newModel, changes, options).build();
    }

    /** The statements of one migration, collected phase by phase so that they run in order. */
    private static final class Plan {
        private final SchemaModel oldModel;
        private final SchemaModel newModel;
        private final ChangeSet changes;
        private final SqliteTableDefinition oldDefinition;
        private final SqliteTableDefinition newDefinition;
        private final SqliteTableRebuild rebuild;
        private final SqlNames names = SqlNames.standard();

        private final List<Statement> dropIndexes = new ArrayList<>();
        private final List<Statement> renames = new ArrayList<>();
        private final List<Statement> creates = new ArrayList<>();
        private final List<Statement> alters = new ArrayList<>();
        private final List<Statement> rebuilds = new ArrayList<>();
        private final List<Statement> drops = new ArrayList<>();
        private final List<Statement> createIndexes = new ArrayList<>();
        private boolean foreignKeysOff;

        Plan(SchemaModel oldModel, SchemaModel newModel, ChangeSet changes, RenderOptions options) {
            this.oldModel = oldModel;
            this.newModel = newModel;
            this.changes = changes;
            this.oldDefinition = new SqliteTableDefinition(oldModel);
            this.newDefinition = new SqliteTableDefinition(newModel);
            this.rebuild = new SqliteTableRebuild(newDefinition, options);
        }

        RenderedMigration build() {
            for (SchemaChange change : changes.all()) {
                if (change instanceof TableAdded added) {
                    creates.add(Statement.of(newDefinition.createTable(added.newTable(), added.newTable().name()), change));
                    newDefinition.indexes(added.newTable()).forEach(sql -> createIndexes.add(Statement.of(sql, change)));
                } else if (change instanceof TableDropped dropped) {
                    foreignKeysOff = true;
                    drops.add(Statement.of("drop table " + names.name(dropped.oldTable().name()), change));
                } else if (change instanceof SequenceAdded added) {
                    String table = names.name(added.newSequence().name());
                    creates.add(Statement.of("create table " + table + " (next_val bigint)", change));
                    creates.add(Statement.of("insert into " + table + " values ( " + added.newSequence().initialValue() + " )", change));
                } else if (change instanceof SequenceDropped dropped) {
                    drops.add(Statement.of("drop table " + names.name(dropped.oldSequence().name()), change));
                } else if (change instanceof SequenceChanged || change instanceof TableGeneratorAdded
                        || change instanceof TableGeneratorDropped) {
                    // Nothing in the database: SQLite emulates sequences with a one-row table whose
                    // increment lives in the application, and generator rows are inserted lazily by the ORM.
                    continue;
                } else if (change instanceof EnumChanged || ChangeSet.isTableLevel(change)) {
                    continue; // grouped by table below
                } else {
                    throw new UnsupportedChangeException(SqliteDialect.INSTANCE, change, "no SQLite rendering for "
                            + change.getClass().getSimpleName());
                }
            }
            changes.byTable(e -> tablesUsing(e.newEnum())).forEach(this::alterTable);
            return assemble();
        }

        /** Tables of the new model that store the enum and exist already (maybe under their old name). */
        private List<String> tablesUsing(EnumType type) {
            List<String> out = new ArrayList<>();
            for (Table table : newModel.tables()) {
                if (!changes.isAdded(table.name()) && table.columns().stream().anyMatch(c -> c.enumRef() != null
                        && c.enumRef().javaType().equals(type.javaType()))) {
                    out.add(table.name());
                }
            }
            return out;
        }

        private void alterTable(String key, List<SchemaChange> tableChanges) {
            Table target = newModel.table(key).orElseThrow();
            TableRenamed renamed = changes.tableRename(target.name()).orElse(null);
            Table old = renamed != null ? renamed.oldTable()
                    : oldModel.table(target.name()).orElseThrow(() -> new IllegalStateException(
                            "table " + target.name() + " changed but is missing from the old model"));
            if (renamed != null) {
                renames.add(Statement.of("alter table " + names.name(old.name()) + " rename to "
                        + names.name(target.name()), renamed));
            }
            Table current = renamed != null ? renamedTable(old, target.name()) : old;
            SqliteAlterability alterability = new SqliteAlterability(current);
            boolean rebuildNeeded = tableChanges.stream().anyMatch(c -> !(c instanceof TableRenamed) && !alterability.canAlter(c));
            if (rebuildNeeded) {
                foreignKeysOff = true;
                Map<String, String> oldNameOf = new LinkedHashMap<>();
                for (ColumnRenamed r : changes.columnRenames(target.name())) {
                    if (referencedByOtherTables(target, r.newColumn().name())) {
                        // RENAME COLUMN also repoints the foreign keys of other tables; copying the column
                        // under its new name would leave them referencing a column that is gone.
                        renames.add(Statement.of("alter table " + names.name(target.name()) + " rename column "
                                + names.name(r.oldColumn().name()) + " to " + names.name(r.newColumn().name()), r));
                        current = withColumnRenamed(current, r.oldColumn().name(), r.newColumn().name());
                    } else {
                        oldNameOf.put(Identifiers.key(r.newColumn().name()), r.oldColumn().name());
                    }
                }
                SchemaChange cause = tableChanges.stream().filter(c -> !alterability.canAlter(c)).findFirst().orElseThrow();
                rebuilds.addAll(rebuild.statements(current, target, oldNameOf, cause));
                return;
            }
            // Drops, then renames, then the rest: a renamed column may take the name of a dropped one,
            // and a new column the name of a renamed one.
            tableChanges.stream().filter(c -> c instanceof ColumnDropped).forEach(c -> alterInPlace(target, c));
            tableChanges.stream().filter(c -> c instanceof ColumnRenamed).forEach(c -> alterInPlace(target, c));
            tableChanges.stream().filter(c -> !(c instanceof ColumnDropped || c instanceof ColumnRenamed))
                    .forEach(c -> alterInPlace(target, c));
            renameIndexes(old, target);
        }

        /** After in-place renames, indexes whose derived name changed get it in the database too. */
        private void renameIndexes(Table old, Table target) {
            SchemaChange rename = changes.firstRename(target.name()).orElse(null);
            if (rename == null) {
                return;
            }
            Map<String, String> newColumnOf = new LinkedHashMap<>();
            changes.columnRenames(target.name())
                    .forEach(r -> newColumnOf.put(Identifiers.key(r.oldColumn().name()), r.newColumn().name()));
            for (SqliteIndexRenames.Recreate index : SqliteIndexRenames.of(old, target, newColumnOf, newDefinition)) {
                dropIndexes.add(Statement.of(oldDefinition.dropIndex(index.oldName()), rename));
                createIndexes.add(Statement.of(index.createSql(), rename));
            }
        }

        private void alterInPlace(Table target, SchemaChange change) {
            String table = names.name(target.name());
            if (change instanceof ColumnAdded added) {
                alters.add(Statement.of("alter table " + table + " add column " + newDefinition.column(added.newColumn()), change));
            } else if (change instanceof ColumnDropped dropped) {
                alters.add(Statement.of("alter table " + table + " drop column " + names.name(dropped.oldColumn().name()), change));
            } else if (change instanceof ColumnRenamed renamed) {
                alters.add(Statement.of("alter table " + table + " rename column " + names.name(renamed.oldColumn().name())
                        + " to " + names.name(renamed.newColumn().name()), change));
            } else if (change instanceof IndexAdded added) {
                createIndexes.add(Statement.of(newDefinition.index(target, added.newIndex()), change));
            } else if (change instanceof IndexDropped dropped) {
                dropIndexes.add(Statement.of(oldDefinition.dropIndex(dropped.oldIndex().name()), change));
            } else if (change instanceof UniqueAdded added) {
                createIndexes.add(Statement.of(newDefinition.uniqueIndex(target, added.newConstraint()), change));
            } else if (change instanceof UniqueDropped dropped) {
                dropIndexes.add(Statement.of(oldDefinition.dropIndex(dropped.oldConstraint().name()), change));
            }
            // TableCommentChanged and comment-only ColumnChanged: SQLite stores no comments.
        }

        private boolean referencedByOtherTables(Table target, String column) {
            return newModel.tables().stream().filter(t -> !Identifiers.sameName(t.name(), target.name()))
                    .flatMap(t -> t.foreignKeys().stream())
                    .anyMatch(k -> Identifiers.sameName(k.referencedTable(), target.name())
                            && k.referencedColumns().stream().anyMatch(c -> Identifiers.sameName(c, column)));
        }

        private static Table withColumnRenamed(Table table, String from, String to) {
            List<Column> columns = table.columns().stream()
                    .map(c -> Identifiers.sameName(c.name(), from) ? c.withName(to) : c).toList();
            return new Table(table.name(), table.schema(), columns, table.primaryKey(), table.foreignKeys(),
                    table.uniqueConstraints(), table.indexes(), table.checks(), table.comment(), table.entities(),
                    table.kind(), table.query());
        }

        private static Table renamedTable(Table old, String newName) {
            return new Table(newName, old.schema(), old.columns(), old.primaryKey(), old.foreignKeys(),
                    old.uniqueConstraints(), old.indexes(), old.checks(), old.comment(), old.entities(),
                    old.kind(), old.query());
        }

        private RenderedMigration assemble() {
            List<Statement> body = new ArrayList<>();
            body.addAll(dropIndexes);
            // Drops come before renames: a renamed table may take the name of a dropped one.
            body.addAll(drops);
            body.addAll(renames);
            body.addAll(creates);
            body.addAll(alters);
            body.addAll(rebuilds);
            body.addAll(createIndexes);
            if (!foreignKeysOff) {
                return new RenderedMigration(body, true);
            }
            List<Statement> all = new ArrayList<>();
            all.add(Statement.scaffolding("pragma foreign_keys = off"));
            all.add(Statement.scaffolding("savepoint jm_migration"));
            all.addAll(body);
            all.add(Statement.scaffolding("create temp table jm_foreign_key_check (violation_found integer not null)"));
            all.add(Statement.scaffolding("insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1"));
            all.add(Statement.scaffolding("drop table jm_foreign_key_check"));
            all.add(Statement.scaffolding("release jm_migration"));
            all.add(Statement.scaffolding("pragma foreign_keys = on"));
            return new RenderedMigration(all, false);
        }
    }
}
