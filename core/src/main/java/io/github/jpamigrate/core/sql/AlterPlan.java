package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.ChangeSet;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.core.sql.AlterTableRenderer.Alteration;
import io.github.jpamigrate.core.sql.AlterTableRenderer.Alteration.Kind;
import io.github.jpamigrate.core.sql.AlterTableRenderer.ColumnChange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements of one migration for an {@link AlterTableRenderer}, collected in phases so that
 * each runs when what it needs exists: foreign keys are dropped first and added last (so dropped
 * tables are no longer referenced, and a new table may reference one created after it; where the
 * dialect declares a new table's keys in its create, see {@link #addTable}), then other
 * constraints are dropped, then columns and tables (before the renames, which may give a column
 * or table the name of a dropped one); then tables and columns are renamed, and the indexes and
 * constraints whose derived names follow them ({@link DerivedNameRenames}); then tables and
 * columns are created and altered, and finally constraints and indexes created.
 */
final class AlterPlan {

    private final AlterTableRenderer dialect;
    private final SchemaModel oldModel;
    private final SchemaModel newModel;
    private final ChangeSet changes;
    private final RenderOptions options;

    private final List<Statement> dropForeignKeys = new ArrayList<>();
    private final List<Statement> dropConstraints = new ArrayList<>();
    private final List<Statement> renames = new ArrayList<>();
    private final List<Statement> renamedNames = new ArrayList<>();
    private final List<Statement> creates = new ArrayList<>();
    private final List<Statement> alters = new ArrayList<>();
    private final List<Statement> drops = new ArrayList<>();
    private final List<Statement> addConstraints = new ArrayList<>();
    private final List<Statement> addForeignKeys = new ArrayList<>();
    /**
     * Online forms that must not share the migration's transaction: the follow-up migration, in
     * phases ordered so that Flyway can run it again after a failure (indexes are dropped if
     * present and rebuilt, validating twice is harmless, and the NOT NULL checks are dropped last).
     */
    private final List<Statement> followDropIndexes = new ArrayList<>();
    private final List<Statement> followIndexes = new ArrayList<>();
    /**
     * Columns becoming NOT NULL through a check: the backfill, then the check added {@code NOT
     * VALID} (dropped first if an earlier run left it). Not in the migration's transaction: there the
     * backfill's row locks would be held until the check's ACCESS EXCLUSIVE lock (a writer to such a
     * row then deadlocks with the migration), and after an added column's lock they would hold that
     * for the whole update; nor the check before the backfill, which would refuse every update of a
     * row not yet filled. Here each statement commits on its own.
     */
    private final List<Statement> followBackfills = new ArrayList<>();
    private final List<Statement> followAddChecks = new ArrayList<>();
    private final List<Statement> followValidates = new ArrayList<>();
    private final List<Statement> followSetNotNull = new ArrayList<>();
    private final List<Statement> followDropChecks = new ArrayList<>();
    private final List<Statement> followAttachUniques = new ArrayList<>();
    private final KeyColumnOrder keyOrder;
    /** The new tables whose {@code create table} is already planned, as {@link Identifiers#key} names them. */
    private final Set<String> created = new HashSet<>();

    AlterPlan(AlterTableRenderer dialect, SchemaModel oldModel, SchemaModel newModel, ChangeSet changes,
              RenderOptions options) {
        this.dialect = dialect;
        this.oldModel = oldModel;
        this.newModel = newModel;
        this.changes = changes;
        this.options = options;
        this.keyOrder = KeyColumnOrder.of(newModel, dialect.dialect());
    }

    RenderedMigration build() {
        for (SchemaChange change : referencedTablesFirst(changes.all())) {
            plan(change);
        }
        new EnumChecks(dialect, oldModel, newModel, changes).reconcile(dropConstraints, addConstraints,
                online() && dialect.validatesConstraintsLater() ? followValidates : null,
                (sql, kind, table) -> online(sql, kind, table, null));
        List<Statement> all = new ArrayList<>();
        DerivedNameRenames derivedNames = new DerivedNameRenames(dialect, oldModel, newModel, changes);
        Set<String> rebuilt = dialect.adoptsIndexesForForeignKeys() ? rebuildKeysOnDroppedIndexes(derivedNames) : Set.of();
        derivedNames.plan(renamedNames, addForeignKeys, rebuilt, (sql, kind, table) -> online(sql, kind, table, null));
        for (List<Statement> phase : List.of(dropForeignKeys, dropConstraints, drops, renames, renamedNames, creates,
                alters, addConstraints, addForeignKeys)) {
            all.addAll(phase);
        }
        if (!online()) {
            return new RenderedMigration(all, true);
        }
        all = ExpandContract.annotate(all, dialect, oldModel, newModel);
        List<Statement> followUp = new ArrayList<>();
        for (List<Statement> phase : List.of(followDropIndexes, followIndexes, followBackfills, followAddChecks, followValidates,
                followSetNotNull, followDropChecks, followAttachUniques)) {
            followUp.addAll(phase);
        }
        LintAccepts accepts = new LintAccepts(dialect, oldModel, newModel, options.online());
        RenderedMigration next = followUp.isEmpty() ? null
                : new RenderedMigration(accepts.followUp(withTimeouts(followUp, false)), false);
        return new RenderedMigration(accepts.main(withTimeouts(all, true)), true, next);
    }

    private boolean online() {
        return options.online().enabled() && dialect.writesOnlineForms();
    }

    /** Whether a change's table held rows before this migration (it is not created by it). */
    private boolean existing(String table) {
        return !changes.isAdded(table);
    }

    /**
     * An ALTER TABLE of a table that held rows before this migration in the dialect's online form
     * ({@link AlterTableRenderer#alterOnline}); as it is otherwise.
     *
     * @param table  the table's name in the new model (for a dropped table, its old name)
     * @param column the dropped column, for {@link Kind#DROP_COLUMN}
     */
    private Statement online(String sql, Kind kind, String table, String column) {
        return online() && existing(table) ? dialect.alterOnline(sql, alteration(kind, table, column)) : Statement.plain(sql);
    }

    private Alteration alteration(Kind kind, String table, String column) {
        return new Alteration(kind, oldModel.table(before(table)).orElse(null), newModel.table(table).orElse(null), column);
    }

    private List<Statement> withTimeouts(List<Statement> statements, boolean transactional) {
        List<Statement> out = new ArrayList<>();
        dialect.sessionTimeouts(options.online(), transactional).forEach(sql -> out.add(Statement.scaffolding(sql)));
        out.addAll(statements);
        return out;
    }

    /**
     * A dropped index of a table that stays goes to the follow-up, dropped concurrently, first (so
     * that a backfill there cannot trip over a unique index on its way out) — unless the migration
     * needs it gone: one of its columns is dropped or changed (a type change would rebuild it, a
     * column made NOT NULL may be filled in the migration), or a table, sequence, index or key of
     * the new model takes its name (PostgreSQL's indexes share the relations' namespace).
     */
    private void dropIndex(IndexDropped change) {
        String table = before(change.table());
        if (online() && dialect.buildsIndexesOutsideTransactions() && canDropLater(change)) {
            dialect.dropIndexOnline(table, change.oldIndex()).forEach(s -> followDropIndexes.add(s.from(change)));
            return;
        }
        add(dropConstraints, dialect.dropIndex(table, change.oldIndex()), change);
    }

    private boolean canDropLater(IndexDropped change) {
        String table = change.table();
        Set<String> columns = change.oldIndex().columns().stream().map(Identifiers::key).collect(Collectors.toSet());
        for (SchemaChange other : changes.all()) {
            if (other instanceof ColumnDropped c && Identifiers.sameName(c.table(), table)
                    && columns.contains(Identifiers.key(c.oldColumn().name()))) {
                return false;
            }
            if (other instanceof ColumnChanged c && Identifiers.sameName(c.table(), table)
                    && (columns.contains(Identifiers.key(c.oldColumn().name()))
                    || columns.contains(Identifiers.key(c.newColumn().name())))) {
                return false;
            }
            if (other instanceof TableDropped c && Identifiers.sameName(c.table(), table)) {
                return false;
            }
        }
        String name = change.oldIndex().name();
        if (name == null) {
            return false;
        }
        for (Table t : newModel.tables()) {
            if (Identifiers.sameName(t.name(), name)
                    || t.indexes().stream().anyMatch(i -> Identifiers.sameName(i.name(), name))
                    || t.uniqueConstraints().stream().anyMatch(u -> Identifiers.sameName(u.name(), name))
                    || (t.primaryKey() != null && Identifiers.sameName(t.primaryKey().name(), name))) {
                return false;
            }
        }
        return newModel.sequences().stream().noneMatch(q -> Identifiers.sameName(q.name(), name));
    }

    private void addIndex(IndexAdded change) {
        if (!online() || !existing(change.table())) {
            add(addConstraints, dialect.createIndex(change.table(), change.newIndex()), change);
            return;
        }
        List<Statement> target = dialect.buildsIndexesOutsideTransactions() ? followIndexes : addConstraints;
        dialect.createIndexOnline(change.table(), change.newIndex(), alteration(Kind.ADD_INDEX, change.table(), null))
                .forEach(s -> target.add(s.from(change)));
    }

    /**
     * A unique constraint on an existing table: online, where indexes are built outside a
     * transaction, its index is built concurrently in the follow-up and becomes the constraint
     * last ({@code unique using index}); not when a foreign key of this migration references its
     * columns, which needs the constraint in the migration itself.
     */
    private void addUnique(String table, UniqueConstraint unique, SchemaChange origin) {
        if (!online() || !existing(table) || !dialect.buildsIndexesOutsideTransactions() || referencedByNewKey(table, unique)) {
            add(addConstraints, online(dialect.addUnique(table, unique), Kind.ADD_UNIQUE, table, null), origin);
            return;
        }
        Index index = new Index(unique.name(), unique.columns(), true);
        dialect.createIndexOnline(table, index, alteration(Kind.ADD_INDEX, table, null))
                .forEach(s -> followIndexes.add(s.from(origin)));
        add(followAttachUniques, dialect.addUniqueUsingIndex(table, unique), origin);
    }

    private boolean referencedByNewKey(String table, UniqueConstraint unique) {
        Set<String> columns = unique.columns().stream().map(Identifiers::key).collect(Collectors.toSet());
        return changes.all().stream().flatMap(c -> c instanceof ForeignKeyAdded f ? java.util.stream.Stream.of(f.newKey())
                        : c instanceof TableAdded t ? t.newTable().foreignKeys().stream() : java.util.stream.Stream.empty())
                .anyMatch(k -> Identifiers.sameName(k.referencedTable(), table)
                        && k.referencedColumns().stream().map(Identifiers::key).collect(Collectors.toSet()).equals(columns));
    }

    private void addForeignKey(ForeignKeyAdded change) {
        ForeignKey key = keyOrder.foreignKey(change.newKey());
        if (!online() || !existing(change.table()) || !dialect.validatesConstraintsLater()) {
            add(addForeignKeys, online(dialect.addForeignKey(change.table(), key), Kind.ADD_FOREIGN_KEY, change.table(), null), change);
            return;
        }
        add(addForeignKeys, dialect.addForeignKeyNotValid(change.table(), key), change);
        add(followValidates, dialect.validateConstraint(change.table(), key.name()), change);
    }

    private void addCheck(CheckAdded change) {
        if (!online() || !existing(change.table()) || !dialect.validatesConstraintsLater() || change.newCheck().name() == null) {
            add(addConstraints, online(dialect.addCheck(change.table(), change.newCheck()), Kind.ADD_CHECK, change.table(), null), change);
            return;
        }
        add(addConstraints, dialect.addCheckNotValid(change.table(), change.newCheck()), change);
        add(followValidates, dialect.validateConstraint(change.table(), change.newCheck().name()), change);
    }

    /**
     * The statements that alter an existing column. Online, where the dialect validates later, a
     * column becoming NOT NULL first gets a {@code check (c is not null) not valid}; the follow-up
     * validates it (without blocking writes), sets NOT NULL (PostgreSQL 12+ then skips the scan)
     * and drops the check again.
     */
    /**
     * Whether a column becoming NOT NULL does so in the online form: a check validated in the
     * follow-up. Not when the migration adds a primary key over the column: that needs the column
     * filled and takes the table's lock for a scan anyway.
     */
    private boolean notNullLater(String table, ColumnChange column) {
        boolean becomesNotNull = column.was().nullable() && !column.now().nullable();
        return online() && becomesNotNull && dialect.validatesConstraintsLater() && column.was().identity() == column.now().identity()
                && !inNewPrimaryKey(table, column.now().name());
    }

    private boolean inNewPrimaryKey(String table, String column) {
        return changes.all().stream().anyMatch(c -> c instanceof PrimaryKeyChanged key && Identifiers.sameName(key.table(), table)
                && key.newKey() != null && key.newKey().columns().stream().anyMatch(k -> Identifiers.sameName(k, column)));
    }

    /** The phase of a backfill: the follow-up's, before the validations, when the NOT NULL comes there. */
    private List<Statement> backfills(String table, ColumnChange column) {
        return notNullLater(table, column) ? followBackfills : alters;
    }

    private void alterColumn(String table, ColumnChange column, SchemaChange origin) {
        if (!notNullLater(table, column)) {
            List<Statement> statements = online() && existing(table)
                    ? dialect.alterColumnOnline(table, column, alteration(Kind.CHANGE_COLUMN, table, null))
                    : dialect.alterColumn(table, column);
            statements.forEach(s -> alters.add(s.from(origin)));
            return;
        }
        ColumnChange rest = new ColumnChange(column.was(), column.now().withNullable(true), column.oldType(), column.newType());
        dialect.alterColumn(table, rest).forEach(s -> alters.add(s.from(origin)));
        String name = column.now().name();
        CheckConstraint check = new CheckConstraint(Identifiers.notNullCheckName(table, name),
                dialect.names.name(name) + " is not null");
        add(followAddChecks, dialect.dropConstraintIfExists(table, check.name()), origin);
        add(followAddChecks, dialect.addCheckNotValid(table, check), origin);
        add(followValidates, dialect.validateConstraint(table, check.name()), origin);
        add(followSetNotNull, dialect.setNotNull(table, name), origin);
        add(followDropChecks, dialect.dropConstraintIfExists(table, check.name()), origin);
    }

    /** Java 17 has no pattern switch: the chain ends in a loud failure, so a new change type cannot pass silently. */
    private void plan(SchemaChange change) {
        if (change instanceof TableAdded c) {
            addTable(c);
        } else if (change instanceof TableDropped c) {
            dropTable(c);
        } else if (change instanceof TableRenamed c) {
            renameTable(c);
        } else if (change instanceof TableCommentChanged c) {
            add(alters, online(dialect.tableComment(c.table(), c.newComment()), Kind.TABLE_COMMENT, c.table(), null), c);
        } else if (change instanceof ColumnAdded c) {
            addColumn(c);
        } else if (change instanceof ColumnDropped c) {
            add(drops, online(dialect.dropColumn(before(c.table()), c.oldColumn().name()), Kind.DROP_COLUMN, c.table(),
                    c.oldColumn().name()), c);
        } else if (change instanceof ColumnRenamed c) {
            renameColumn(c);
        } else if (change instanceof ColumnChanged c) {
            changeColumn(c);
        } else if (change instanceof PrimaryKeyChanged c) {
            changePrimaryKey(c);
        } else if (change instanceof ForeignKeyAdded c) {
            addForeignKey(c);
        } else if (change instanceof ForeignKeyDropped c) {
            add(dropForeignKeys, online(dialect.dropForeignKey(before(c.table()), c.oldKey()), Kind.DROP_FOREIGN_KEY, c.table(), null), c);
        } else if (change instanceof UniqueAdded c) {
            addUnique(c.table(), c.newConstraint(), c);
        } else if (change instanceof UniqueDropped c) {
            add(dropConstraints, online(dialect.dropUnique(before(c.table()), c.oldConstraint()), Kind.DROP_UNIQUE, c.table(), null), c);
        } else if (change instanceof IndexAdded c) {
            addIndex(c);
        } else if (change instanceof IndexDropped c) {
            dropIndex(c);
        } else if (change instanceof CheckAdded c) {
            addCheck(c);
        } else if (change instanceof CheckDropped c) {
            dropCheck(c);
        } else {
            planModelLevel(change);
        }
    }

    private void planModelLevel(SchemaChange change) {
        if (change instanceof SequenceAdded c) {
            dialect.createSequence(c.newSequence()).forEach(sql -> add(creates, sql, c));
        } else if (change instanceof SequenceDropped c) {
            dialect.dropSequence(c.oldSequence()).forEach(sql -> add(drops, sql, c));
        } else if (change instanceof SequenceChanged c) {
            dialect.alterSequence(c.oldSequence(), c.newSequence()).forEach(sql -> add(alters, sql, c));
        } else if (change instanceof TableGeneratorAdded || change instanceof TableGeneratorDropped) {
            // The generator table is listed among the tables; the ORM inserts its rows when it first needs them.
            return;
        } else if (change instanceof EnumChanged c) {
            changeEnum(c);
        } else {
            throw new UnsupportedChangeException(dialect.dialect(), change, "no rendering for "
                    + change.getClass().getSimpleName());
        }
    }

    /**
     * The changes with new tables ordered so that a referenced table is created before the tables
     * that reference it: the script then reads top-down, and a key to an earlier table can be
     * declared in the create ({@link #addTable}); in a cycle, the first table's key waits for the end.
     */
    private static List<SchemaChange> referencedTablesFirst(List<SchemaChange> changes) {
        Map<String, TableAdded> added = new LinkedHashMap<>();
        changes.stream().filter(c -> c instanceof TableAdded).map(c -> (TableAdded) c)
                .forEach(c -> added.put(Identifiers.key(c.table()), c));
        Set<String> placed = new LinkedHashSet<>();
        added.keySet().forEach(key -> place(key, added, placed, new HashSet<>()));
        List<SchemaChange> out = new ArrayList<>();
        placed.forEach(key -> out.add(added.get(key)));
        changes.stream().filter(c -> !(c instanceof TableAdded)).forEach(out::add);
        return out;
    }

    private static void place(String key, Map<String, TableAdded> added, Set<String> placed, Set<String> visiting) {
        if (placed.contains(key) || !visiting.add(key)) {
            return; // already placed, or a cycle, which the keys added last make harmless
        }
        for (ForeignKey fk : added.get(key).newTable().foreignKeys()) {
            String target = Identifiers.key(fk.referencedTable());
            if (added.containsKey(target)) {
                place(target, added, placed, visiting);
            }
        }
        placed.add(key);
    }

    private static void add(List<Statement> phase, String sql, SchemaChange origin) {
        phase.add(Statement.of(sql, origin));
    }

    private static void add(List<Statement> phase, Statement statement, SchemaChange origin) {
        phase.add(statement.from(origin));
    }

    /**
     * A new table. Where the dialect {@linkplain AlterTableRenderer#declaresKeysInCreateTable()
     * declares keys in create table}, its indexes and its foreign keys to itself and to the new
     * tables created before it ({@link #referencedTablesFirst}) are part of the create; a key to an
     * existing table (which this migration may still alter) or to a later new table (a cycle)
     * is added at the end as everywhere else.
     */
    private void addTable(TableAdded change) {
        Table table = change.newTable();
        created.add(Identifiers.key(table.name()));
        boolean inline = dialect.declaresKeysInCreateTable();
        List<ForeignKey> inlineKeys = new ArrayList<>();
        for (ForeignKey key : table.foreignKeys()) {
            ForeignKey ordered = keyOrder.foreignKey(key);
            if (inline && created.contains(Identifiers.key(key.referencedTable()))) {
                inlineKeys.add(ordered);
            } else {
                add(addForeignKeys, dialect.addForeignKey(table.name(), ordered), change);
            }
        }
        add(creates, dialect.createTable(keyOrder.table(table), newModel, inline ? table.indexes() : List.of(), inlineKeys), change);
        dialect.createComments(table).forEach(sql -> add(creates, sql, change));
        if (!inline) {
            table.indexes().forEach(index -> add(addConstraints, dialect.createIndex(table.name(), index), change));
        }
    }

    /**
     * A dropped table's keys to other dropped tables go first, so the drops may run in any order;
     * so do its keys to a table whose primary key changes, which the key's index depends on.
     */
    private void dropTable(TableDropped change) {
        Set<String> dropped = changes.all().stream().filter(c -> c instanceof TableDropped)
                .map(c -> Identifiers.key(c.table())).collect(Collectors.toSet());
        changes.all().stream().filter(c -> c instanceof PrimaryKeyChanged).forEach(c -> dropped.add(Identifiers.key(before(c.table()))));
        Table table = change.oldTable();
        for (ForeignKey key : table.foreignKeys()) {
            if (dropped.contains(Identifiers.key(key.referencedTable()))
                    && !Identifiers.sameName(key.referencedTable(), table.name())) {
                add(dropForeignKeys, online(dialect.dropForeignKey(table.name(), key), Kind.DROP_FOREIGN_KEY, table.name(), null), change);
            }
        }
        add(drops, dialect.dropTable(table.name()), change);
    }

    /**
     * For a dialect that lets a foreign key adopt a user's index: each kept foreign key whose
     * columns lead an index or unique constraint this migration drops is dropped before it and
     * added again at the end, when the database gives it an index of its own.
     *
     * @return the keys rebuilt, as {@link DerivedNameRenames#rebuiltKey} names them
     */
    private Set<String> rebuildKeysOnDroppedIndexes(DerivedNameRenames derivedNames) {
        Set<String> rebuilt = new HashSet<>();
        for (SchemaChange change : changes.all()) {
            List<String> columns = change instanceof IndexDropped c ? c.oldIndex().columns()
                    : change instanceof UniqueDropped c ? c.oldConstraint().columns() : null;
            Table old = columns == null ? null : oldModel.table(before(change.table())).orElse(null);
            Table now = columns == null ? null : newModel.table(change.table()).orElse(null);
            if (old == null || now == null) {
                continue;
            }
            for (ForeignKey key : old.foreignKeys()) {
                Optional<ForeignKey> kept = derivedNames.counterpart(old, key, now);
                if (kept.isPresent() && leads(key.columns(), columns) && rebuilt.add(DerivedNameRenames.rebuiltKey(old.name(), key))) {
                    add(dropForeignKeys, online(dialect.dropForeignKey(old.name(), key), Kind.DROP_FOREIGN_KEY, now.name(), null), change);
                    add(addForeignKeys, online(dialect.addForeignKey(now.name(), kept.get()), Kind.ADD_FOREIGN_KEY, now.name(), null), change);
                }
            }
        }
        return rebuilt;
    }

    /** Whether {@code key} are the first columns of {@code index} (in any order, as the database matches them). */
    private static boolean leads(List<String> key, List<String> index) {
        if (key.size() > index.size()) {
            return false;
        }
        Set<String> leading = index.subList(0, key.size()).stream()
                .map(c -> Identifiers.key(c.replaceAll("(?i)\\s+(asc|desc)$", ""))).collect(Collectors.toSet());
        return key.stream().allMatch(c -> leading.contains(Identifiers.key(c)));
    }

    /** The name a table has before this migration's renames run (the drop phases run before them). */
    String before(String table) {
        return changes.oldTableName(table);
    }

    /**
     * Renames the table, then the unique constraints named after it whose column stays unique
     * (the others are dropped, under the old name, before the rename).
     */
    private void renameTable(TableRenamed change) {
        Table old = change.oldTable();
        String newName = change.newTable().name();
        add(renames, online(dialect.renameTable(old.name(), newName), Kind.RENAME_TABLE, newName, null), change);
        if (!changes.primaryKeyChanges(newName)) {
            dialect.afterTableRename(old, newName).forEach(sql -> add(renames, sql, change));
        }
        for (Column column : old.columns()) {
            Column successor = successor(change.newTable(), column.name());
            if (column.unique() && successor != null && successor.unique()) {
                add(renames, online(dialect.renameUnique(newName, Identifiers.uniqueKeyName(old.name(), List.of(column.name())),
                        Identifiers.uniqueKeyName(newName, List.of(column.name()))), Kind.RENAME_INDEX, newName, null), change);
            }
        }
    }

    private void renameColumn(ColumnRenamed change) {
        add(renames, online(dialect.renameColumn(change.table(), change.oldColumn(),
                change.oldColumn().withName(change.newColumn().name()), oldModel), Kind.RENAME_COLUMN, change.table(), null), change);
        if (change.oldColumn().unique() && change.newColumn().unique()) {
            add(renames, online(dialect.renameUnique(change.table(),
                    Identifiers.uniqueKeyName(change.table(), List.of(change.oldColumn().name())),
                    Identifiers.uniqueKeyName(change.table(), List.of(change.newColumn().name()))), Kind.RENAME_INDEX,
                    change.table(), null), change);
        }
    }

    /** The column of the new table that an old column became: itself, or what a declared rename made of it. */
    private Column successor(Table newTable, String oldColumn) {
        return newTable.column(changes.newColumnName(newTable.name(), oldColumn)).orElse(null);
    }

    private void addColumn(ColumnAdded change) {
        Column column = change.newColumn();
        String fill = options.backfill(change.table(), column.name()).orElse(null);
        boolean needsFill = !column.nullable() && column.defaultValue() == null && !column.identity();
        if (needsFill && fill == null) {
            throw new UnsupportedChangeException(dialect.dialect(), change, "new NOT NULL column " + change.table()
                    + "." + column.name() + " has no default; give one with @ColumnDefault or a backfill value with "
                    + "-Djpamigrate.backfill=" + change.table() + "." + column.name() + "=<sql literal>");
        }
        if (needsFill) {
            Column nullable = column.withNullable(true);
            ColumnChange notNull = columnChange(nullable, column);
            add(alters, online() && existing(change.table()) ? dialect.addColumnOnline(change.table(), nullable, newModel)
                    : Statement.plain(dialect.addColumn(change.table(), nullable, newModel)), change);
            add(backfills(change.table(), notNull), backfill(change.table(), column.name(), fill), change);
            alterColumn(change.table(), notNull, change);
        } else if (online() && existing(change.table())) {
            add(alters, dialect.addColumnOnline(change.table(), column, newModel), change);
        } else {
            add(alters, dialect.addColumn(change.table(), column, newModel), change);
        }
        if (column.comment() != null) {
            dialect.createComments(commentCarrier(change.table(), column)).forEach(sql -> add(alters, sql, change));
        }
        if (column.unique()) {
            addUnique(change.table(), AlterTableRenderer.columnUnique(change.table(), column), change);
        }
    }

    private void changeColumn(ColumnChanged change) {
        String table = change.table();
        Column was = change.oldColumn().withName(change.newColumn().name());
        Column now = change.newColumn();
        if (was.unique() && !now.unique()) {
            add(dropConstraints, online(dialect.dropUnique(before(table),
                    AlterTableRenderer.columnUnique(before(table), change.oldColumn())), Kind.DROP_UNIQUE, table, null), change);
        }
        ColumnChange column = new ColumnChange(was, now, dialect.sqlType(change.oldColumn(), oldModel),
                dialect.sqlType(now, newModel));
        if (was.nullable() && !now.nullable()) {
            String fill = options.backfill(table, now.name()).orElse(now.defaultValue());
            if (fill != null) {
                add(backfills(table, column), backfill(table, now.name(), fill), change);
            }
        }
        alterColumn(table, column, change);
        if (!was.unique() && now.unique()) {
            addUnique(table, AlterTableRenderer.columnUnique(table, now), change);
        }
    }

    private ColumnChange columnChange(Column was, Column now) {
        String type = dialect.sqlType(now, newModel);
        return new ColumnChange(was, now, type, type);
    }

    private static Table commentCarrier(String table, Column column) {
        return new Table(table, null, List.of(column), null, List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    private String backfill(String table, String column, String fill) {
        SqlNames names = dialect.names;
        return "update " + names.name(table) + " set " + names.name(column) + " = " + names.expression(fill) + " where "
                + names.name(column) + " is null";
    }

    private void changePrimaryKey(PrimaryKeyChanged change) {
        if (change.oldKey() != null) {
            add(dropConstraints, online(dialect.dropPrimaryKey(before(change.table()), change.oldKey()), Kind.DROP_PRIMARY_KEY,
                    change.table(), null), change);
        }
        if (change.newKey() != null) {
            PrimaryKey key = newModel.table(change.table()).map(keyOrder::primaryKey).orElse(change.newKey());
            add(alters, online(dialect.addPrimaryKey(change.table(), key), Kind.ADD_PRIMARY_KEY, change.table(), null), change);
        }
    }

    private void dropCheck(CheckDropped change) {
        if (change.oldCheck().name() == null) {
            throw new UnsupportedChangeException(dialect.dialect(), change, "the check has no name, so the migration "
                    + "cannot say which one to drop; name it (@Check(name = ...)) in the version that created it, or "
                    + "write this migration by hand");
        }
        add(dropConstraints, online(dialect.dropCheck(before(change.table()), change.oldCheck()), Kind.DROP_CHECK, change.table(),
                null), change);
    }

    /**
     * New constants change the type of columns stored as a native enum and the check of the others;
     * columns that changed anyway are handled with their {@link ColumnChanged}.
     */
    private void changeEnum(EnumChanged change) {
        String javaType = change.newEnum().javaType();
        for (Table table : newModel.tables()) {
            Table old = oldModel.table(before(table.name())).orElse(null);
            if (old == null) {
                continue;
            }
            for (Column now : table.columns()) {
                Column was = old.column(changes.oldColumnName(table.name(), now.name())).orElse(null);
                if (was == null || now.enumRef() == null || !now.enumRef().javaType().equals(javaType)
                        || !Objects.equals(was.enumRef(), now.enumRef()) || changes.columnChanges(table.name(), now.name())) {
                    continue;
                }
                changeColumn(new ColumnChanged(table.name(), was, now), change);
            }
        }
    }

    private void changeColumn(ColumnChanged column, EnumChanged origin) {
        changeColumn(column);
        // the statements belong to the enum change that caused them, not to the stand-in column change
        for (List<Statement> phase : List.of(dropConstraints, alters, addConstraints, followIndexes, followBackfills,
                followAddChecks, followValidates, followSetNotNull, followDropChecks, followAttachUniques)) {
            phase.replaceAll(s -> s.origin() == column ? s.from(origin) : s);
        }
    }
}
