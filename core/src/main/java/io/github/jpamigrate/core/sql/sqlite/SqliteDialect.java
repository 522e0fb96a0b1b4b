package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.MigrationRenderer;

import java.util.Optional;
import java.util.OptionalInt;

/** SQLite: embedded, no length limits, one schema called {@code main}. */
public final class SqliteDialect implements DialectFacts {

    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
    }

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    public MigrationRenderer renderer() {
        return new SqliteRenderer();
    }

    @Override
    public ColumnTypeNames typeNames() {
        return new SqliteTypeNames();
    }

    @Override
    public OptionalInt identifierLimit() {
        return OptionalInt.empty();
    }

    @Override
    public int maxVarcharLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int maxVarbinaryLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Optional<String> defaultSchema() {
        return Optional.of("main");
    }

    @Override
    public boolean embedded() {
        return true;
    }

    /**
     * SQLite reports every statement error as {@code SQLITE_ERROR} (code 1) without an SQL state: the
     * message tells ({@code syntax error}, {@code no such table}, {@code no such column}).
     */
    @Override
    public StatementFailure statementFailure(String sqlState, int vendorCode, String message) {
        String text = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("syntax error")) {
            return StatementFailure.SYNTAX;
        }
        return text.contains("no such table") || text.contains("no such column") ? StatementFailure.UNDEFINED_OBJECT
                : StatementFailure.OTHER;
    }
}
