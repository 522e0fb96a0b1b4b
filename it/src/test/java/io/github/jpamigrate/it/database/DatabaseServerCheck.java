package io.github.jpamigrate.it.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Before each test annotated {@link RequiresDatabase}, makes sure its servers answer; else skips or fails it. */
final class DatabaseServerCheck implements BeforeEachCallback {

    /** The environment variable that turns a missing server from a skip into a failure. */
    static final String REQUIRE_VARIABLE = "JPAMIGRATE_REQUIRE_DATABASES";

    /** One connection attempt per server and JVM: a server that is down costs its timeout once. */
    private static final Map<DatabaseServer, Optional<String>> PROBED = new ConcurrentHashMap<>();

    /** Skip messages already printed in this JVM: one line per missing server, not one per test. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private final Function<DatabaseServer, Optional<String>> probe;
    private final boolean required;
    private final Consumer<String> console;

    DatabaseServerCheck() {
        this(server -> PROBED.computeIfAbsent(server, DatabaseServerCheck::connectionProblem),
                "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE)),
                DatabaseServerCheck::announceOnce);
    }

    DatabaseServerCheck(Function<DatabaseServer, Optional<String>> probe, boolean required,
                        Consumer<String> console) {
        this.probe = probe;
        this.required = required;
        this.console = console;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<DatabaseServer> servers = new LinkedHashSet<>();
        context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, RequiresDatabase.class))
                .ifPresent(a -> servers.addAll(Set.of(a.value())));
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, RequiresDatabase.class))
                .ifPresent(a -> servers.addAll(Set.of(a.value())));
        servers.forEach(this::check);
    }

    /**
     * Returns when the server answered.
     *
     * @throws TestAbortedException   when it did not (the test shows as skipped, with the reason)
     * @throws AssertionFailedError when it did not and {@value #REQUIRE_VARIABLE} is {@code true}
     */
    void check(DatabaseServer server) {
        Optional<String> problem = probe.apply(server);
        if (problem.isEmpty()) {
            return;
        }
        String reason = server.displayName() + " is not reachable at " + server.jdbcUrl() + " as user "
                + server.user() + " (" + problem.get() + "). Start one with: " + server.startCommand();
        if (required) {
            throw new AssertionFailedError(reason + ". This fails rather than skips because "
                    + REQUIRE_VARIABLE + "=true.");
        }
        String skip = "Skipped: " + reason + ". Set " + REQUIRE_VARIABLE + "=true to make a missing server a failure.";
        console.accept(skip);
        throw new TestAbortedException(skip);
    }

    /** Surefire's console counts skips without their reasons; say why, once per server and run. */
    private static void announceOnce(String skip) {
        if (ANNOUNCED.add(skip)) {
            System.out.println("[jpa-migrate tests] " + skip);
        }
    }

    private static Optional<String> connectionProblem(DatabaseServer server) {
        try (Connection connection = server.connect()) {
            return connection.isValid(5) ? Optional.empty() : Optional.of("the connection is not valid");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
