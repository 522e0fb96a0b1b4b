package io.github.jpamigrate.plugin.replay;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Flyway's INFO lines out of the build log while it is in use: on a scratch database they
 * read as if they concerned the user's database, and on a live one the goal reports the outcome
 * itself. Counted, so that parallel runs in one JVM restore the level exactly once.
 */
public final class QuietFlyway implements AutoCloseable {
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
    private static int users;
    private static Level previous;

    private QuietFlyway() {
    }

    public static QuietFlyway start() {
        synchronized (QuietFlyway.class) {
            if (users++ == 0) {
                previous = FLYWAY.getLevel();
                FLYWAY.setLevel(Level.WARNING);
            }
        }
        return new QuietFlyway();
    }

    @Override
    public void close() {
        synchronized (QuietFlyway.class) {
            if (--users == 0) {
                FLYWAY.setLevel(previous);
            }
        }
    }
}
