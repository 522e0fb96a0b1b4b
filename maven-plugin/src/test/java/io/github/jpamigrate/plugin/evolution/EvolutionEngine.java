package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.SqlNames;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the property test needs to know about one database engine: where its scratch database
 * comes from (a file for SQLite, memory for H2, a scratch database on the local server
 * for PostgreSQL and MariaDB, through the {@link TestServers} skip-or-fail switch), how its
 * renderer writes names, how values are bound and read back so that the values before and after a
 * migration compare exactly, and which model features the engine cannot hold at all (so that the
 * generator does not produce a model no user could map to it).
 */
enum EvolutionEngine {

    SQLITE(Dialect.SQLITE, SqlNames.standard(), 1000),
    H2(Dialect.H2, SqlNames.foldingToUpperCase(), 200),
    POSTGRESQL(Dialect.POSTGRESQL, SqlNames.foldingToLowerCase(), 200),
    MARIADB(Dialect.MARIADB, SqlNames.backtick(), 200);

    private static final DateTimeFormatter SQLITE_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final Dialect dialect;
    final SqlNames names;
    /** How many evolutions a plain {@code mvn verify} runs on this engine. */
    final int defaultCount;

    EvolutionEngine(Dialect dialect, SqlNames names, int defaultCount) {
        this.dialect = dialect;
        this.names = names;
        this.defaultCount = defaultCount;
    }

    /** The engine of a dialect id ({@code sqlite}, {@code h2}, {@code postgresql}, {@code mariadb}). */
    static EvolutionEngine of(String id) {
        for (EvolutionEngine engine : values()) {
            if (engine.dialect.id().equalsIgnoreCase(id.trim())) {
                return engine;
            }
        }
        throw new IllegalArgumentException("jpamigrate.evolution.dialects: unknown dialect '" + id + "'; use some of "
                + List.of(values()).stream().map(EvolutionEngine::id).toList());
    }

    String id() {
        return dialect.id();
    }

    MigrationRenderer renderer() {
        return dialect.renderer();
    }

    /**
     * A new empty scratch database; for a server, skips (or fails on CI) the calling test when the
     * server does not answer.
     */
    ScratchDatabase scratch(Path directory) {
        return this == SQLITE ? ScratchDatabase.sqlite(directory) : TestServers.scratch(dialect);
    }

    /** Whether a table or column name is a server's own (only SQLite and H2 take every name). */
    boolean isServer() {
        return this == POSTGRESQL || this == MARIADB;
    }

    /**
     * SQL literals a boolean column takes as a default or backfill. PostgreSQL's boolean refuses
     * the numbers, and H2 will not compare a boolean with one (as the data check does); SQLite and
     * MariaDB take both.
     */
    List<String> booleanLiterals() {
        return this == POSTGRESQL || this == H2 ? List.of("false", "true") : List.of("false", "true", "0", "1");
    }

    /**
     * Whether a plain index may cover a CLOB column: H2 refuses it, MariaDB wants a prefix length,
     * which no mapping gives (PostgreSQL gets no CLOB columns at all).
     */
    boolean indexesClobs() {
        return this == SQLITE;
    }

    /**
     * Whether a plain (non-unique) index over these columns fits the engine's key: MariaDB (InnoDB)
     * refuses one longer than 3,072 bytes, a varchar counting 4 bytes a character in utf8mb4
     * ("Specified key was too long"), as it would refuse Hibernate's own DDL for such a model. A
     * unique key that long is kept as a hash instead, so only plain indexes are limited.
     */
    boolean fitsPlainIndex(List<Column> columns) {
        if (this != MARIADB) {
            return true;
        }
        long bytes = 0;
        for (Column column : columns) {
            bytes += switch (column.type().kind()) {
                case VARCHAR, CHAR -> 4L * column.type().length();
                default -> 8;
            };
        }
        return bytes <= 3072;
    }

    /** {@code a} is {@code b}, NULL being equal to NULL. */
    String nullSafeEquals(String a, String b) {
        return switch (this) {
            case SQLITE -> a + " is (" + b + ")";
            case MARIADB -> a + " <=> (" + b + ")";
            default -> a + " is not distinct from (" + b + ")";
        };
    }

    /**
     * Binds a generated value (null, {@link Long}, {@link Integer}, {@link String},
     * {@link BigDecimal}, {@link Boolean}, {@link Double}, {@link LocalDate},
     * {@link LocalDateTime}). SQLite gets the text and numbers an application's driver would
     * store; the servers get the typed value.
     */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (this == SQLITE) {
            statement.setObject(index, forSqlite(value));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * The select-list expression for a column's value: on SQLite {@code quote(x)}, which shows the
     * storage class ({@code 12} is not {@code '12'}); elsewhere the column itself, read by
     * {@link #text}.
     */
    String valueExpression(String column) {
        return this == SQLITE ? "quote(" + names.name(column) + ")" : names.name(column);
    }

    /**
     * A value read back as text that is equal for equal values across a widening (a smallint
     * that became a bigint, a decimal that got more digits): numbers in their shortest decimal
     * form, strings quoted, dates and timestamps in ISO form, NULL as {@code NULL}.
     */
    String text(ResultSet rs, int index, Column column) throws SQLException {
        if (this == SQLITE) {
            return rs.getString(index);
        }
        Object value = rs.getObject(index);
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return plain(d);
        }
        if (value instanceof Double || value instanceof Float) {
            return plain(new BigDecimal(value.toString()));
        }
        if (value instanceof Number n) {
            return plain(new BigDecimal(n.toString()));
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return value.toString();
        }
        if (value instanceof Clob clob) {
            return SqlNames.literal(clob.getSubString(1, (int) clob.length()));
        }
        if (value instanceof String s) {
            return SqlNames.literal(s);
        }
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ":" + value;
    }

    private static Object forSqlite(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof LocalDateTime t) {
            return t.format(SQLITE_TIMESTAMP);
        }
        return value;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
