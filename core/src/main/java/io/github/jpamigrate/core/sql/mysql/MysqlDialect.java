package io.github.jpamigrate.core.sql.mysql;

import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.MigrationRenderer;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * MariaDB and MySQL: servers that refuse identifiers over 64 characters, report NO ACTION as
 * RESTRICT, and share Spring Boot's {@code mysql} vendor folder; a database is their only namespace.
 */
public final class MysqlDialect implements DialectFacts {

    /** MariaDB 10.11, the oldest maintained long-term release. */
    public static final MysqlDialect MARIADB = new MysqlDialect(true);

    /** MySQL 8.0 or later. */
    public static final MysqlDialect MYSQL = new MysqlDialect(false);

    private final boolean mariaDb;

    private MysqlDialect(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    @Override
    public String id() {
        return mariaDb ? "mariadb" : "mysql";
    }

    @Override
    public String displayName() {
        return mariaDb ? "MariaDB" : "MySQL";
    }

    /** Spring Boot's {@code DatabaseDriver} says {@code mysql} for MariaDB as well. */
    @Override
    public String vendorFolder() {
        return "mysql";
    }

    @Override
    public MigrationRenderer renderer() {
        return mariaDb ? MysqlRenderer.mariaDb() : MysqlRenderer.mysql();
    }

    @Override
    public ColumnTypeNames typeNames() {
        return mariaDb ? MysqlTypeNames.mariaDb() : MysqlTypeNames.mysql();
    }

    @Override
    public OptionalInt identifierLimit() {
        return OptionalInt.of(64);
    }

    /** As for a utf8mb4 server (4 bytes a character). */
    @Override
    public int maxVarcharLength() {
        return 16_383;
    }

    @Override
    public int maxVarbinaryLength() {
        return 65_535;
    }

    @Override
    public boolean reportsNoActionAsRestrict() {
        return true;
    }

    /** MariaDB's {@code json} is {@code longtext} with a {@code json_valid} check; MySQL's is a type of its own. */
    @Override
    public boolean reportsJsonAsLongtext() {
        return mariaDb;
    }

    @Override
    public Optional<String> defaultSchema() {
        return Optional.empty();
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public Optional<String> readOnlySessionStatement() {
        return Optional.of("set session transaction read only");
    }

    /** Error 1064 (ER_PARSE_ERROR); SQL states 42S02 (no such table) and 42S22 (no such column). */
    @Override
    public StatementFailure statementFailure(String sqlState, int vendorCode, String message) {
        if (vendorCode == 1064) {
            return StatementFailure.SYNTAX;
        }
        return "42S02".equals(sqlState) || "42S22".equals(sqlState) ? StatementFailure.UNDEFINED_OBJECT : StatementFailure.OTHER;
    }
}
