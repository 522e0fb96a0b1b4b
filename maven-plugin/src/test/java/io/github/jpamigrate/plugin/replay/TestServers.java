package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scratch databases for tests: H2 in memory, PostgreSQL and MariaDB on the local servers (database
 * {@code test}). A test whose server is not running is skipped with a visible message, or fails
 * when the environment variable {@value #REQUIRE_VARIABLE} is {@code true} (as on CI), so that a
 * missing server cannot silently turn the suite green. The same switch as the {@code it} module's.
 */
public final class TestServers {

    public static final String REQUIRE_VARIABLE = "JPAMIGRATE_REQUIRE_DATABASES";

    private static final Map<Dialect, String[]> SERVERS = Map.of(
            Dialect.POSTGRESQL, new String[] {"jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5", "postgres", "",
                    "docker run -d --rm -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:17"},
            Dialect.MARIADB, new String[] {"jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000", "root", "",
                    "docker run -d --rm -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 -e MARIADB_DATABASE=test mariadb:11"});

    /** One connection attempt per server and JVM; empty when it answered, else the problem. */
    private static final Map<Dialect, Optional<String>> PROBED = new ConcurrentHashMap<>();
    private static final Set<Dialect> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private TestServers() {
    }

    /**
     * A new scratch database of the dialect; for a server dialect, skips (or fails on CI) the
     * calling test when the server does not answer.
     */
    public static ScratchDatabase scratch(Dialect dialect) {
        if (dialect == Dialect.H2) {
            return ScratchDatabase.h2();
        }
        String[] server = SERVERS.get(dialect);
        if (server == null) {
            throw new IllegalArgumentException("no test server for " + dialect.id());
        }
        Optional<String> problem = PROBED.computeIfAbsent(dialect, d -> probe(server));
        if (problem.isPresent()) {
            unavailable(dialect.id() + " server at " + server[0] + " is not reachable (" + problem.get()
                    + "); start one with: " + server[3], "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE)), dialect);
        }
        return ScratchDatabase.onServer(dialect, server[0], server[1], server[2]);
    }

    /**
     * Ends the calling test: a failure when servers are required, else a skip announced once per
     * server on the console (surefire's summary alone would hide why).
     */
    static void unavailable(String message, boolean required, Dialect dialect) {
        if (required) {
            Assertions.fail(message + " (" + REQUIRE_VARIABLE + "=true, so this is a failure, not a skip)");
        }
        if (ANNOUNCED.add(dialect)) {
            System.err.println("[SKIPPED] " + message);
        }
        throw new TestAbortedException(message);
    }

    /**
     * The local server as a {@code shadowUrl}; skips (or fails on CI) the calling test when the
     * server does not answer, as {@link #scratch} does.
     */
    public static ShadowDatabase shadow(Dialect dialect) {
        scratch(dialect).close();
        String[] server = SERVERS.get(dialect);
        return new ShadowDatabase(server[0], server[1], server[2]);
    }

    /** A connection to the server's {@code test} database itself, not to a scratch one. */
    public static Connection connectToServer(Dialect dialect) throws SQLException {
        String[] server = SERVERS.get(dialect);
        return DriverManager.getConnection(server[0], server[1], server[2]);
    }

    private static Optional<String> probe(String[] server) {
        try (Connection c = DriverManager.getConnection(server[0], server[1], server[2])) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
