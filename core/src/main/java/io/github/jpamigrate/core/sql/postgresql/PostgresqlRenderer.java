package io.github.jpamigrate.core.sql.postgresql;

import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.AlterTableRenderer;
import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
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
}
