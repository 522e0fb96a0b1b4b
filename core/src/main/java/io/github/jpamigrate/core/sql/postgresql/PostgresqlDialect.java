package io.github.jpamigrate.core.sql.postgresql;

import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.MigrationRenderer;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * PostgreSQL: a server; identifiers up to 63 bytes (NAMEDATALEN - 1: a longer name is silently
 * cut, so the schema would no longer match the entities).
 */
public final class PostgresqlDialect implements DialectFacts {

    public static final PostgresqlDialect INSTANCE = new PostgresqlDialect();

    private PostgresqlDialect() {
    }

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public MigrationRenderer renderer() {
        return new PostgresqlRenderer();
    }

    @Override
    public ColumnTypeNames typeNames() {
        return new PostgresqlTypeNames();
    }

    @Override
    public OptionalInt identifierLimit() {
        return OptionalInt.of(63);
    }

    @Override
    public boolean identifierLimitCountsBytes() {
        return true;
    }

    @Override
    public int maxVarcharLength() {
        return 10_485_760;
    }

    @Override
    public int maxVarbinaryLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Optional<String> defaultSchema() {
        return Optional.of("public");
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public Optional<String> readOnlySessionStatement() {
        return Optional.of("set session characteristics as transaction read only");
    }

    /** 42601 syntax_error; 42P01 undefined_table, 42703 undefined_column. */
    @Override
    public StatementFailure statementFailure(String sqlState, int vendorCode, String message) {
        return switch (sqlState == null ? "" : sqlState) {
            case "42601" -> StatementFailure.SYNTAX;
            case "42P01", "42703" -> StatementFailure.UNDEFINED_OBJECT;
            default -> StatementFailure.OTHER;
        };
    }
}
