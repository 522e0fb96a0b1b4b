package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.ChangeSet;
import io.github.jpamigrate.core.diff.ColumnWords;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the dialects that change tables in place (PostgreSQL, MariaDB/MySQL, H2) share: the
 * statement order ({@link AlterPlan}) and the standard SQL forms. A dialect overrides the forms
 * it spells differently, e.g. MySQL's {@code modify column} and {@code drop foreign key}.
 *
 * <p>Every constraint and index gets a stable name (the model's, or one derived from table and
 * columns by {@link Identifiers}) so that a later migration can drop it by that name.
 */
public abstract class AlterTableRenderer implements MigrationRenderer {

    protected final SqlNames names;

    protected AlterTableRenderer(SqlNames names) {
        this.names = names;
    }

    /** The dialect's type names, exactly as Hibernate writes them. */
    protected abstract ColumnTypeNames types();

    @Override
    public ColumnWords words(SchemaModel oldModel, SchemaModel newModel) {
        return ColumnWords.of((column, before) -> sqlType(column, before ? oldModel : newModel), names::expression);
    }

    @Override
    public final RenderedMigration render(SchemaModel oldModel, SchemaModel newModel, ChangeSet changes,
                                          RenderOptions options) {
        return new AlterPlan(this, oldModel, newModel, changes, options).build();
    }

    // ---- tables ------------------------------------------------------------------------------

    /** {@code create table} with columns, primary key, unique constraints and checks; no indexes or foreign keys. */
    protected String createTable(Table table, SchemaModel model) {
        return createTable(table, model, List.of(), List.of());
    }

    /**
     * {@code create table} with columns, primary key, unique constraints and checks, then the
     * given indexes and foreign keys declared inline, in that order (where
     * {@link #declaresKeysInCreateTable()}).
     */
    protected String createTable(Table table, SchemaModel model, List<Index> indexes, List<ForeignKey> keys) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(columnDefinition(column, model));
        }
        if (table.primaryKey() != null) {
            parts.add(primaryKeyClause(table.primaryKey()));
        }
        for (UniqueConstraint unique : uniques(table)) {
            parts.add("constraint " + names.name(unique.name()) + " unique (" + names.list(unique.columns()) + ")");
        }
        for (CheckConstraint check : checks(table, model)) {
            parts.add(checkClause(check));
        }
        indexes.forEach(index -> parts.add(indexClause(index)));
        keys.forEach(key -> parts.add(foreignKeyClause(key)));
        return "create table " + names.name(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + tableOptions(table);
    }

    /** Text after the closing parenthesis of {@code create table}, e.g. MySQL's table comment. */
    protected String tableOptions(Table table) {
        return "";
    }

    /** Statements that give a new table and its columns their comments. */
    protected List<String> createComments(Table table) {
        List<String> out = new ArrayList<>();
        if (table.comment() != null) {
            out.add(tableComment(table.name(), table.comment()));
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                out.add(columnComment(table.name(), column.name(), column.comment()));
            }
        }
        return out;
    }

    protected String tableComment(String table, String comment) {
        return "comment on table " + names.name(table) + " is " + literalOrNull(comment);
    }

    protected String columnComment(String table, String column, String comment) {
        return "comment on column " + names.name(table) + "." + names.name(column) + " is " + literalOrNull(comment);
    }

    protected String renameTable(String oldName, String newName) {
        return "alter table " + names.name(oldName) + " rename to " + names.name(newName);
    }

    protected String dropTable(String table) {
        return "drop table " + names.name(table);
    }

    // ---- columns -----------------------------------------------------------------------------

    /** {@code name type [identity] [default x] [not null]}. */
    protected String columnDefinition(Column column, SchemaModel model) {
        StringBuilder sql = new StringBuilder(names.name(column.name())).append(' ').append(sqlType(column, model));
        if (column.identity()) {
            sql.append(' ').append(identityClause());
        }
        if (column.defaultValue() != null) {
            sql.append(" default ").append(names.expression(column.defaultValue()));
        }
        if (!column.nullable()) {
            sql.append(" not null");
        }
        return sql.toString();
    }

    protected String identityClause() {
        return "generated by default as identity";
    }

    protected String sqlType(Column column, SchemaModel model) {
        return types().sqlType(column, model);
    }

    protected String addColumn(String table, Column column, SchemaModel model) {
        return "alter table " + names.name(table) + " add column " + columnDefinition(column, model);
    }

    protected String dropColumn(String table, String column) {
        return "alter table " + names.name(table) + " drop column " + names.name(column);
    }

    protected String renameColumn(String table, Column oldColumn, Column newColumn, SchemaModel newModel) {
        return "alter table " + names.name(table) + " rename column " + names.name(oldColumn.name()) + " to "
                + names.name(newColumn.name());
    }

    /**
     * The statements that give an existing column its new type, default, nullability, identity
     * and comment (uniqueness and enum checks are constraints, changed separately). Rows with a
     * NULL have already been backfilled when the column becomes NOT NULL.
     */
    protected List<Statement> alterColumn(String table, ColumnChange column) {
        List<Statement> out = new ArrayList<>();
        String alter = "alter table " + names.name(table) + " alter column " + names.name(column.now().name()) + " ";
        if (column.typeChanged()) {
            out.add(changeType(table, column));
        }
        if (!Objects.equals(column.was().defaultValue(), column.now().defaultValue())) {
            out.add(Statement.plain(alter + (column.now().defaultValue() == null ? "drop default"
                    : "set default " + names.expression(column.now().defaultValue()))));
        }
        if (column.was().nullable() != column.now().nullable()) {
            out.add(Statement.plain(column.now().nullable() ? alter + "drop not null" : setNotNull(table, column.now().name())));
        }
        if (column.was().identity() != column.now().identity()) {
            out.addAll(column.now().identity() ? addIdentity(table, column) : List.of(Statement.plain(alter + "drop identity")));
        }
        if (!Objects.equals(column.was().comment(), column.now().comment())) {
            out.add(Statement.plain(columnComment(table, column.now().name(), column.now().comment())));
        }
        return out;
    }

    /**
     * Makes an existing column an identity whose next value is above every id the table holds
     * (an identity starting at 1 would collide with the rows' ids).
     */
    protected abstract List<Statement> addIdentity(String table, ColumnChange column);

    /** The statement that renames a unique constraint this tool named. */
    protected String renameUnique(String table, String oldName, String newName) {
        return renameConstraint(table, oldName, newName);
    }

    protected String renameConstraint(String table, String oldName, String newName) {
        return "alter table " + names.name(table) + " rename constraint " + names.name(oldName) + " to " + names.name(newName);
    }

    protected String renameIndex(String table, String oldName, String newName) {
        return "alter index " + names.name(oldName) + " rename to " + names.name(newName);
    }

    /**
     * Whether the database lets a foreign key use an index the user made (one whose leading
     * columns are the key's) instead of its own, and then refuses to drop that index while the key
     * exists (MySQL and MariaDB: "needed in a foreign key constraint"; H2: "belongs to constraint").
     * A migration that drops such an index then drops the key first and adds it again after.
     */
    protected boolean adoptsIndexesForForeignKeys() {
        return false;
    }

    /** Whether {@link #renameConstraint} renames a foreign key; if not, it is dropped and added under its new name. */
    protected boolean renamesForeignKeys() {
        return true;
    }

    /** Statements that keep a renamed table's own unnamed constraints following its name, if the dialect names them after it. */
    protected List<String> afterTableRename(Table oldTable, String newName) {
        return List.of();
    }

    /** The dialect's native statement that changes a column's type, with a comment when values are cast. */
    protected abstract Statement changeType(String table, ColumnChange column);

    // ---- constraints -------------------------------------------------------------------------

    protected String primaryKeyClause(PrimaryKey key) {
        return (key.name() == null ? "" : "constraint " + names.name(key.name()) + " ")
                + "primary key (" + names.list(key.columns()) + ")";
    }

    protected String addPrimaryKey(String table, PrimaryKey key) {
        return "alter table " + names.name(table) + " add " + primaryKeyClause(key);
    }

    protected String dropPrimaryKey(String table, PrimaryKey key) {
        return "alter table " + names.name(table) + " drop primary key";
    }

    protected String addForeignKey(String table, ForeignKey key) {
        return "alter table " + names.name(table) + " add " + foreignKeyClause(key);
    }

    /** {@code constraint <name> foreign key (...) references <table> (...) [on delete ...]}. */
    protected String foreignKeyClause(ForeignKey key) {
        String sql = "constraint " + names.name(key.name()) + " foreign key (" + names.list(key.columns()) + ") references "
                + names.name(key.referencedTable()) + " (" + names.list(key.referencedColumns()) + ")";
        return key.onDelete() == ReferentialAction.NO_ACTION ? sql
                : sql + " on delete " + key.onDelete().sql().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a new table's indexes, and its foreign keys to itself and to the tables created
     * before it in the same migration, are declared in its {@code create table} rather than added
     * after it. MariaDB/MySQL: each {@code alter table ... add foreign key} copies the table (even an
     * empty one, with foreign_key_checks on) and each {@code create index} alters it once more,
     * which made a migration that creates many tables several times slower (docs/performance.md,
     * "A baseline migration instead of the chain"). PostgreSQL and H2 build a new table as fast
     * either way, and keep the separate statements.
     */
    protected boolean declaresKeysInCreateTable() {
        return false;
    }

    protected String dropForeignKey(String table, ForeignKey key) {
        return dropConstraint(table, key.name());
    }

    protected String addUnique(String table, UniqueConstraint unique) {
        return "alter table " + names.name(table) + " add constraint " + names.name(unique.name()) + " unique ("
                + names.list(unique.columns()) + ")";
    }

    protected String dropUnique(String table, UniqueConstraint unique) {
        return dropConstraint(table, unique.name());
    }

    protected String createIndex(String table, Index index) {
        return "create " + (index.unique() ? "unique " : "") + "index " + names.name(index.name()) + " on "
                + names.name(table) + " (" + names.list(index.columns()) + ")";
    }

    /** An index declared inside {@code create table}; only where {@link #declaresKeysInCreateTable()}. */
    protected String indexClause(Index index) {
        throw new UnsupportedOperationException(dialect().id() + " declares no index inside create table");
    }

    protected String dropIndex(String table, Index index) {
        return "drop index " + names.name(index.name());
    }

    protected String checkClause(CheckConstraint check) {
        return (check.name() == null ? "" : "constraint " + names.name(check.name()) + " ")
                + "check (" + check.expression() + ")";
    }

    protected String addCheck(String table, CheckConstraint check) {
        return "alter table " + names.name(table) + " add " + checkClause(check);
    }

    protected String dropCheck(String table, CheckConstraint check) {
        return dropConstraint(table, check.name());
    }

    protected String dropConstraint(String table, String constraint) {
        return "alter table " + names.name(table) + " drop constraint " + names.name(constraint);
    }

    /** Single-column unique columns as named constraints, then the table's own unique constraints. */
    protected List<UniqueConstraint> uniques(Table table) {
        List<UniqueConstraint> out = new ArrayList<>();
        for (Column column : table.columns()) {
            if (column.unique()) {
                out.add(columnUnique(table.name(), column));
            }
        }
        out.addAll(table.uniqueConstraints());
        return out;
    }

    protected static UniqueConstraint columnUnique(String table, Column column) {
        return new UniqueConstraint(Identifiers.uniqueKeyName(table, List.of(column.name())), List.of(column.name()));
    }

    /** The table's checks followed by the enum checks of its columns. */
    protected List<CheckConstraint> checks(Table table, SchemaModel model) {
        List<CheckConstraint> out = new ArrayList<>(table.checks());
        for (Column column : table.columns()) {
            CheckConstraint check = enumCheck(table.name(), column, model);
            if (check != null) {
                out.add(check);
            }
        }
        return out;
    }

    /**
     * The check Hibernate writes for an {@code @Enumerated} column, named so that it can be
     * replaced when the constants change; null where the dialect's type already restricts the values.
     */
    protected CheckConstraint enumCheck(String table, Column column, SchemaModel model) {
        if (column.enumRef() == null || column.definition() != null || !checksEnum(column.enumRef().storage())) {
            return null;
        }
        EnumType type = model.enumType(column.enumRef().javaType()).orElse(null);
        if (type == null || type.constants().isEmpty()) {
            return null;
        }
        String name = names.name(column.name());
        String expression = column.enumRef().storage() == EnumStorage.ORDINAL
                ? name + " between 0 and " + (type.constants().size() - 1)
                : name + " in (" + type.constants().stream().map(SqlNames::literal).collect(Collectors.joining(",")) + ")";
        return new CheckConstraint(Identifiers.checkName(table, column.name()), expression);
    }

    /** Whether enum values stored this way get a check (not where a native {@code enum(...)} type restricts them). */
    protected boolean checksEnum(EnumStorage storage) {
        return true;
    }

    // ---- online forms (RenderOptions.Online; docs/dialects.md "Online migrations") -------------

    /**
     * Whether the dialect has online forms (the servers: PostgreSQL, MariaDB/MySQL); an embedded
     * database (H2) is written the same with or without {@link RenderOptions.Online}.
     *
     * <p>A migration written in the online forms passes the project's migration lint as written:
     * where a safe form exists, the statement takes it; a statement that stays unsafe (a rename, a
     * drop, a type change the user asked for; the re-runnable follow-up; a backfill before NOT
     * NULL) carries the lint's accept marker {@code -- jpa-migrate:accept <code> <reason>}, the
     * reason in the words of the header's caution ({@link LintAccepts}; docs/lint.md, "Generated
     * migrations"). A new unsafe form must come with its marker, or
     * {@code GeneratedLintPropertyTest} fails.
     */
    protected boolean writesOnlineForms() {
        return false;
    }

    /**
     * The session settings at the top of a migration written in the online forms, so that a
     * statement blocked behind a long transaction fails after the lock timeout instead of queueing
     * the application's queries behind it; none where the dialect has no such setting.
     *
     * @param transactional whether the migration runs in one transaction (then the settings may
     *                      be local to it)
     */
    protected List<String> sessionTimeouts(RenderOptions.Online online, boolean transactional) {
        return List.of();
    }

    /**
     * Whether an index on an existing table is built without blocking writes only outside a
     * transaction (PostgreSQL's {@code create index concurrently}): it then goes to the follow-up
     * migration ({@link RenderedMigration#followUp()}).
     */
    protected boolean buildsIndexesOutsideTransactions() {
        return false;
    }

    /**
     * An index on a table that holds rows, built without blocking writes where the dialect can;
     * {@code alteration} ({@link Alteration.Kind#ADD_INDEX}) has the table before and after.
     */
    protected List<Statement> createIndexOnline(String table, Index index, Alteration alteration) {
        return List.of(Statement.plain(createIndex(table, index)));
    }

    /**
     * An index of a table that holds rows, dropped without blocking reads and writes where the
     * dialect can; used only where {@link #buildsIndexesOutsideTransactions()} (the follow-up).
     */
    protected List<Statement> dropIndexOnline(String table, Index index) {
        return List.of(Statement.plain(dropIndex(table, index)));
    }

    /**
     * Whether a new constraint can be added without checking the rows ({@code not valid}) and
     * checked later under a lock that lets writes through ({@code validate constraint}).
     */
    protected boolean validatesConstraintsLater() {
        return false;
    }

    /** A foreign key added without checking the rows; only where {@link #validatesConstraintsLater()}. */
    protected String addForeignKeyNotValid(String table, ForeignKey key) {
        throw new UnsupportedOperationException(dialect().id() + " cannot add a constraint without checking the rows");
    }

    /** A check added without checking the rows; only where {@link #validatesConstraintsLater()}. */
    protected String addCheckNotValid(String table, CheckConstraint check) {
        throw new UnsupportedOperationException(dialect().id() + " cannot add a constraint without checking the rows");
    }

    /** Checks the rows against a constraint added without checking them. */
    protected String validateConstraint(String table, String constraint) {
        return "alter table " + names.name(table) + " validate constraint " + names.name(constraint);
    }

    /** Makes a unique index built beforehand (under the constraint's name) the unique constraint. */
    protected String addUniqueUsingIndex(String table, UniqueConstraint unique) {
        return "alter table " + names.name(table) + " add constraint " + names.name(unique.name()) + " unique using index "
                + names.name(unique.name());
    }

    /** Drops a constraint this tool added for the time of a migration; a second run finds it gone. */
    protected String dropConstraintIfExists(String table, String constraint) {
        return "alter table " + names.name(table) + " drop constraint if exists " + names.name(constraint);
    }

    /** The statement that makes a column NOT NULL (after a validated check, PostgreSQL 12+ skips the scan). */
    protected String setNotNull(String table, String column) {
        return "alter table " + names.name(table) + " alter column " + names.name(column) + " set not null";
    }

    /**
     * An existing table's new column, written so that the server refuses rather than copies the
     * table where it cannot add it in place (MariaDB/MySQL {@code algorithm=instant}).
     */
    protected Statement addColumnOnline(String table, Column column, SchemaModel model) {
        return Statement.plain(addColumn(table, column, model));
    }

    /**
     * An ALTER TABLE of a table that holds rows, written so that the server refuses rather than
     * copies the table or blocks its writers where the dialect can say so (MariaDB/MySQL
     * {@code algorithm=instant}, or {@code algorithm=inplace, lock=none}); the statement as it is
     * where the dialect has no such clause or the server no such way for that change (docs/dialects.md,
     * "Online migrations"). A dialect that writes a statement plain because the server copies the table
     * says so in the statement's comment (repeated in the header); the lint's accept marker
     * ({@link LintAccepts}) gives the same reason.
     */
    protected Statement alterOnline(String sql, Alteration alteration) {
        return Statement.plain(sql);
    }

    /** {@link #alterColumn} of a table that holds rows, in the dialect's online form where it has one ({@link #alterOnline}). */
    protected List<Statement> alterColumnOnline(String table, ColumnChange column, Alteration alteration) {
        return alterColumn(table, column);
    }

    /**
     * What an online ALTER TABLE of an existing table changes, for {@link #alterOnline}: the kind
     * of change, the table before and after the migration (null where it has none), and the
     * column for a dropped column.
     */
    public record Alteration(Kind kind, Table before, Table after, String column) {

        /** The changes an online form may be chosen for. */
        public enum Kind {
            DROP_COLUMN, RENAME_COLUMN, CHANGE_COLUMN, RENAME_TABLE, TABLE_COMMENT, ADD_FOREIGN_KEY, DROP_FOREIGN_KEY,
            ADD_UNIQUE, DROP_UNIQUE, RENAME_INDEX, ADD_CHECK, DROP_CHECK, ADD_PRIMARY_KEY, DROP_PRIMARY_KEY, ADD_INDEX
        }
    }

    // ---- sequences ---------------------------------------------------------------------------

    protected List<String> createSequence(Sequence sequence) {
        return List.of("create sequence " + names.name(sequence.name()) + " start with " + sequence.initialValue()
                + " increment by " + sequence.incrementSize());
    }

    protected List<String> dropSequence(Sequence sequence) {
        return List.of("drop sequence " + names.name(sequence.name()));
    }

    /**
     * Only the increment and the recorded start change: restarting a sequence that already
     * handed out ids would hand them out again.
     */
    protected List<String> alterSequence(Sequence was, Sequence now) {
        return List.of("alter sequence " + names.name(now.name()) + " increment by " + now.incrementSize()
                + (was.initialValue() != now.initialValue() ? " start with " + now.initialValue() : ""));
    }

    // ---- words -------------------------------------------------------------------------------

    protected static String literalOrNull(String text) {
        return text == null ? "null" : SqlNames.literal(text);
    }


    /**
     * One column before and after a change, with the SQL types they have in their models.
     *
     * @param was     the column as it is in the database (already renamed when a rename was declared)
     * @param now     the column the migration must produce
     * @param oldType SQL type of {@code was} in the old model
     * @param newType SQL type of {@code now} in the new model
     */
    public record ColumnChange(Column was, Column now, String oldType, String newType) {

        public boolean typeChanged() {
            return !oldType.equalsIgnoreCase(newType);
        }

        /**
         * Whether existing values are converted to another kind of value (text to number, ...),
         * which can fail on rows that do not convert, rather than just widened or narrowed.
         */
        public boolean needsCast() {
            var from = SqlTypeText.parse(oldType);
            var to = SqlTypeText.parse(newType);
            return from == null || to == null || from.kind() != to.kind();
        }
    }
}
