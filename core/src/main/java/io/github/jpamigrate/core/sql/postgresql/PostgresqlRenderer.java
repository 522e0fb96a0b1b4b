package io.github.jpamigrate.core.sql.postgresql;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.AlterTableRenderer;
import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.SqlNames;
import io.github.jpamigrate.core.sql.Statement;

import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL: the standard forms, with {@code alter column ... type ... using} for type changes
 * and the primary key dropped by its constraint name ({@code <table>_pkey} unless named).
 */
public final class PostgresqlRenderer extends AlterTableRenderer {

    private final PostgresqlTypeNames types = new PostgresqlTypeNames();

    public PostgresqlRenderer() {
        super(SqlNames.foldingToLowerCase());
    }

    @Override
    public DialectFacts dialect() {
        return PostgresqlDialect.INSTANCE;
    }

    @Override
    protected ColumnTypeNames types() {
        return types;
    }

    /**
     * A cast is spelled out only when the kind of value changes; that also rewrites the table under
     * an exclusive lock, which the comment says (widening a varchar does not).
     */
    @Override
    protected Statement changeType(String table, ColumnChange column) {
        String name = names.name(column.now().name());
        String sql = "alter table " + names.name(table) + " alter column " + name + " type " + column.newType();
        if (!column.needsCast()) {
            return Statement.plain(sql);
        }
        return Statement.commented(sql + " using " + name + "::" + column.newType(),
                "casts existing values " + column.oldType() + " -> " + column.newType()
                        + "; rows that do not convert make this fail",
                "rewrites " + table + " under an exclusive lock");
    }

    @Override
    protected List<Statement> addIdentity(String table, ColumnChange column) {
        String name = names.name(column.now().name());
        return List.of(Statement.plain("alter table " + names.name(table) + " alter column " + name + " add " + identityClause()),
                Statement.plain("select setval(pg_get_serial_sequence(" + SqlNames.literal(names.name(table)) + ", "
                        + SqlNames.literal(caseAsStored(column.now().name())) + "), coalesce(max(" + name + "), 0) + 1, false) from "
                        + names.name(table)));
    }

    /** pg_get_serial_sequence takes the column name as stored: folded to lower case unless it was quoted. */
    private static String caseAsStored(String column) {
        return Identifiers.needsQuoting(column) ? column : column.toLowerCase(Locale.ROOT);
    }

    /** PostgreSQL names an unnamed primary key {@code <table>_pkey}; it keeps following the table. */
    @Override
    protected List<String> afterTableRename(Table oldTable, String newName) {
        if (oldTable.primaryKey() == null || oldTable.primaryKey().name() != null) {
            return List.of();
        }
        return List.of("alter table " + names.name(newName) + " rename constraint "
                + names.name(oldTable.name() + "_pkey") + " to " + names.name(newName + "_pkey"));
    }

    @Override
    protected String dropPrimaryKey(String table, PrimaryKey key) {
        return dropConstraint(table, key.name() != null ? key.name() : table + "_pkey");
    }

    /**
     * {@code set local} inside the migration's transaction, so the application's sessions keep
     * theirs; a script run outside a transaction sets them for Flyway's session. Without a
     * configured statement timeout the migration gets {@link RenderOptions.Online#DEFAULT_STATEMENT_TIMEOUT}
     * and the follow-up {@code 0}, said explicitly: its concurrent builds and validations block no
     * writer and may run long on a large table, so a limit inherited from the role or the
     * database (a common production setting) must not cut them off.
     */
    @Override
    protected List<String> sessionTimeouts(RenderOptions.Online online, boolean transactional) {
        String set = transactional ? "set local " : "set ";
        List<String> out = new java.util.ArrayList<>();
        out.add(set + "lock_timeout = " + SqlNames.literal(online.lockTimeout()));
        String statement = online.statementTimeout() != null ? online.statementTimeout()
                : transactional ? RenderOptions.Online.DEFAULT_STATEMENT_TIMEOUT : "0";
        out.add(set + "statement_timeout = " + (RenderOptions.Online.noLimit(statement) ? "0" : SqlNames.literal(statement)));
        return out;
    }

    @Override
    protected boolean buildsIndexesOutsideTransactions() {
        return true;
    }

    /**
     * {@code create index concurrently} lets writes through while it builds. If it fails half-way
     * (a lock timeout, a duplicate for a unique index) it leaves an INVALID index behind under the
     * name; the drop before it removes that leftover when Flyway runs the migration again.
     */
    @Override
    protected List<Statement> createIndexOnline(String table, Index index, Alteration alteration) {
        return List.of(
                Statement.commented("drop index concurrently if exists " + names.name(index.name()),
                        "an index left INVALID by an earlier, failed run of this migration is dropped first"),
                Statement.plain("create " + (index.unique() ? "unique " : "") + "index concurrently " + names.name(index.name())
                        + " on " + names.name(table) + " (" + names.list(index.columns()) + ")"));
    }

    /**
     * {@code drop index concurrently} waits for the transactions using the index instead of
     * locking the table against reads and writes; {@code if exists}, so that Flyway can run the
     * follow-up again after a failure.
     */
    @Override
    protected List<Statement> dropIndexOnline(String table, Index index) {
        return List.of(Statement.plain("drop index concurrently if exists " + names.name(index.name())));
    }

    @Override
    protected boolean validatesConstraintsLater() {
        return true;
    }

    @Override
    protected String addForeignKeyNotValid(String table, ForeignKey key) {
        return addForeignKey(table, key) + " not valid";
    }

    @Override
    protected String addCheckNotValid(String table, CheckConstraint check) {
        return addCheck(table, check) + " not valid";
    }

    @Override
    protected boolean writesOnlineForms() {
        return true;
    }
}
