package io.github.jpamigrate.processor.oracle;

import io.github.jpamigrate.core.sql.Dialect;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A private, empty database (H2 in memory) or schema/database on a local server, thrown away on
 * close. A server that is not running skips the calling test, visibly; with
 * {@code JPAMIGRATE_REQUIRE_DATABASES=true} (CI) it fails it.
 */
record ScratchSchema(String url, String user, String password, String drop, String[] server) implements AutoCloseable {

    /** Server dialects: JDBC URL of the {@code test} database, user, password. */
    private static final Map<Dialect, String[]> SERVERS = Map.of(
            Dialect.POSTGRESQL, new String[] {"jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5", "postgres", ""},
            Dialect.MARIADB, new String[] {"jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000", "root", ""});
    private static final Map<Dialect, Optional<String>> UNREACHABLE = new ConcurrentHashMap<>();

    static ScratchSchema create(Dialect dialect) throws SQLException {
        String name = "jm_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (dialect == Dialect.H2) {
            return new ScratchSchema("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null, "shutdown", null);
        }
        String[] server = SERVERS.get(dialect);
        requireServer(dialect, server);
        boolean postgres = dialect == Dialect.POSTGRESQL;
        try (Connection c = DriverManager.getConnection(server[0], server[1], server[2]); var s = c.createStatement()) {
            s.execute((postgres ? "create schema " : "create database ") + name);
        }
        String url = postgres ? server[0] + "&currentSchema=" + name : server[0].replace("/test?", "/" + name + "?");
        return new ScratchSchema(url, server[1], server[2],
                postgres ? "drop schema " + name + " cascade" : "drop database " + name, server);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws SQLException {
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
