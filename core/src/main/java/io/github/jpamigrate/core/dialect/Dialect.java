package io.github.jpamigrate.core.dialect;

import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.h2.H2Dialect;
import io.github.jpamigrate.core.sql.mysql.MysqlDialect;
import io.github.jpamigrate.core.sql.postgresql.PostgresqlDialect;
import io.github.jpamigrate.core.sql.sqlite.SqliteDialect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The databases JPA Migrate writes SQL for: the one list of them, each with the facts its own
 * package provides. It sits above the dialect packages, which never refer to it, so adding a
 * dialect is its package in {@code sql} plus one constant here. Every fact is read through the
 * constant ({@code dialect.renderer()}, {@code dialect.displayName()}), never switched on.
 */
public enum Dialect implements DialectFacts {
    SQLITE(SqliteDialect.INSTANCE),
    POSTGRESQL(PostgresqlDialect.INSTANCE),
    MARIADB(MysqlDialect.MARIADB),
    MYSQL(MysqlDialect.MYSQL),
    H2(H2Dialect.INSTANCE);

    private final DialectFacts facts;

    Dialect(DialectFacts facts) {
        this.facts = facts;
    }

    /**
     * The dialect with this id (case-insensitive).
     *
     * @throws IllegalArgumentException naming the id and the allowed ones
     */
    public static Dialect fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.id().equals(wanted)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + id + "'; use one of "
                + Arrays.stream(values()).map(Dialect::id).collect(Collectors.joining(", ")));
    }

    /**
     * The dialect a JDBC URL speaks, from its prefix: {@code jdbc:sqlite:}, {@code jdbc:h2:},
     * {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:} (case-insensitive); empty
     * for any other URL (a proxy driver, another database). The one place that maps URLs to dialects.
     */
    public static Optional<Dialect> ofJdbcUrl(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (lower.startsWith("jdbc:" + dialect.id() + ":")) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    @Override
    public String id() {
        return facts.id();
    }

    @Override
    public String displayName() {
        return facts.displayName();
    }

    @Override
    public String vendorFolder() {
        return facts.vendorFolder();
    }

    @Override
    public MigrationRenderer renderer() {
        return facts.renderer();
    }

    @Override
    public ColumnTypeNames typeNames() {
        return facts.typeNames();
    }

    @Override
    public OptionalInt identifierLimit() {
        return facts.identifierLimit();
    }

    @Override
    public boolean identifierLimitCountsBytes() {
        return facts.identifierLimitCountsBytes();
    }

    @Override
    public int maxVarcharLength() {
        return facts.maxVarcharLength();
    }

    @Override
    public int maxVarbinaryLength() {
        return facts.maxVarbinaryLength();
    }

    @Override
    public boolean reportsNoActionAsRestrict() {
        return facts.reportsNoActionAsRestrict();
    }

    @Override
    public boolean reportsJsonAsLongtext() {
        return facts.reportsJsonAsLongtext();
    }

    @Override
    public Optional<String> defaultSchema() {
        return facts.defaultSchema();
    }

    @Override
    public boolean embedded() {
        return facts.embedded();
    }

    @Override
    public Optional<String> readOnlySessionStatement() {
        return facts.readOnlySessionStatement();
    }

    @Override
    public StatementFailure statementFailure(String sqlState, int vendorCode, String message) {
        return facts.statementFailure(sqlState, vendorCode, message);
    }

    @Override
    public String toString() {
        return id();
    }
}
