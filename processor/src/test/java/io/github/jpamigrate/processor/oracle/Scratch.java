package io.github.jpamigrate.processor.oracle;

import io.github.jpamigrate.core.dialect.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * A private, empty database for one test, thrown away on close: a SQLite file, an H2 database in
 * memory, a schema on the PostgreSQL server or a database on the MariaDB server, each with a unique
 * name because other builds use the same servers. A server that is not running skips the test,
 * visibly; with {@code JPAMIGRATE_REQUIRE_DATABASES=true} (CI) it fails it.
 *
 * @param url      JDBC URL of the scratch database (for PostgreSQL with {@code currentSchema} set)
 * @param user     user, or null
 * @param password password, or null
 * @param name     the unique schema or database name
 * @param drop     what throws it away
 * @param server   the server's URL, user and password, or null for the embedded engines
 */
record Scratch(String url, String user, String password, String name, String drop, String[] server)
        implements AutoCloseable {

    private static final Map<Dialect, Optional<String>> UNREACHABLE = new ConcurrentHashMap<>();

    /** Server dialects: JDBC URL of the {@code test} database, user, password. */
    private static final Map<Dialect, String[]> SERVERS = Map.of(
            Dialect.POSTGRESQL, new String[] {"jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5", "postgres", ""},
            Dialect.MARIADB, new String[] {"jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000", "root", ""});

    static Scratch create(Dialect dialect) throws SQLException {
        String name = "jm_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (dialect == Dialect.H2) {
            return new Scratch("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null, name, "shutdown", null);
        }
        if (dialect == Dialect.SQLITE) {
            try {
                Path file = Files.createTempFile(name, ".db");
                return new Scratch("jdbc:sqlite:" + file, null, null, name, file.toString(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String[] server = SERVERS.get(dialect);
        requireServer(dialect, server);
        boolean postgres = dialect == Dialect.POSTGRESQL;
        try (Connection c = DriverManager.getConnection(server[0], server[1], server[2]); var s = c.createStatement()) {
            s.execute((postgres ? "create schema " : "create database ") + name);
        }
        String url = postgres ? server[0] + "&currentSchema=" + name : server[0].replace("/test?", "/" + name + "?");
        return new Scratch(url, server[1], server[2], name,
                postgres ? "drop schema " + name + " cascade" : "drop database " + name, server);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws SQLException {
        if (url.startsWith("jdbc:sqlite:")) {
            try {
                Files.deleteIfExists(Path.of(drop));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String target = server == null ? url : server[0];
        try (Connection c = DriverManager.getConnection(target, user, password); var s = c.createStatement()) {
            s.execute(drop);
        }
    }

    private static void requireServer(Dialect dialect, String[] server) {
        Optional<String> problem = UNREACHABLE.computeIfAbsent(dialect, d -> {
            try (Connection c = DriverManager.getConnection(server[0], server[1], server[2])) {
                return Optional.empty();
            } catch (SQLException e) {
                return Optional.of(e.getMessage());
            }
        });
        if (problem.isEmpty()) {
            return;
        }
        String message = dialect.id() + " server at " + server[0] + " is not reachable: " + problem.get();
        if ("true".equalsIgnoreCase(System.getenv("JPAMIGRATE_REQUIRE_DATABASES"))) {
            Assertions.fail(message + " (JPAMIGRATE_REQUIRE_DATABASES=true)");
        }
        System.err.println("[SKIPPED] " + message);
        throw new TestAbortedException(message);
    }
}
