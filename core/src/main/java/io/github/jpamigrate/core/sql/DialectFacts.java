package io.github.jpamigrate.core.sql;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the tool knows about one database that is not SQL text: its names, its limits, and
 * how the goals treat it. Each dialect's package has one implementation next to its renderer and
 * type names, so a fact about a dialect lives in that package and nowhere else; the registry
 * {@code io.github.jpamigrate.core.dialect.Dialect} lists the implementations.
 */
public interface DialectFacts {

    /** The id users write ({@code <dialect>postgresql</dialect>}); JDBC URLs start {@code jdbc:<id>:}. */
    String id();

    /** The engine's name as people write it, for messages: {@code PostgreSQL}. */
    String displayName();

    /**
     * The folder of this dialect's migrations in the multi-vendor layout: the id Spring Boot puts in
     * for Flyway's {@code {vendor}} placeholder ({@code DatabaseDriver.getId()}).
     */
    default String vendorFolder() {
        return id();
    }

    /** The renderer at the dialect's default database version. */
    MigrationRenderer renderer();

    /** The type names at the dialect's default database version, exactly as Hibernate writes them. */
    ColumnTypeNames typeNames();

    /** The longest identifier the database takes; empty when it has no limit worth checking. */
    OptionalInt identifierLimit();

    /** Whether {@link #identifierLimit()} counts UTF-8 bytes rather than characters. */
    default boolean identifierLimitCountsBytes() {
        return false;
    }

    /** Hibernate's {@code getMaxVarcharLength()} for the dialect, in bytes where it orders key columns. */
    int maxVarcharLength();

    /** Hibernate's {@code getMaxVarbinaryLength()} for the dialect. */
    int maxVarbinaryLength();

    /** Whether the database reports a foreign key's NO ACTION as RESTRICT (the two then compare equal). */
    default boolean reportsNoActionAsRestrict() {
        return false;
    }

    /**
     * Whether {@code json} is an alias of {@code longtext} that the catalogue reports as such
     * (MariaDB): there the two are one type.
     */
    default boolean reportsJsonAsLongtext() {
        return false;
    }

    /** The schema a connection reads when none is named ({@code public}); empty where there is none. */
    Optional<String> defaultSchema();

    /** Whether the database runs inside the build (a file or memory), so a scratch copy needs no server. */
    boolean embedded();

    /**
     * The statement that makes a session read-only beyond {@code Connection.setReadOnly}, which some
     * drivers take as a mere hint; empty where the connection flag (or the way it is opened) suffices.
     */
    default Optional<String> readOnlySessionStatement() {
        return Optional.empty();
    }

    /**
     * What kind of failure a statement's error is, read from the SQL state, the vendor's error code
     * and (where the driver gives nothing else) the message: so that a failed migration can be told
     * apart as SQL of another database, or as a table or column that does not exist yet.
     */
    StatementFailure statementFailure(String sqlState, int vendorCode, String message);

    /** The kinds of statement failure that have a usual cause worth naming. */
    enum StatementFailure {
        /** The statement is not this database's SQL. */
        SYNTAX,
        /** A table or column the statement uses does not exist. */
        UNDEFINED_OBJECT,
        /** Anything else: the database's message says it all. */
        OTHER
    }
}
