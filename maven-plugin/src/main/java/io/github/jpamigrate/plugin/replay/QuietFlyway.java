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
        return start(Level.WARNING);
    }

    /**
     * Silent, on a scratch database: Flyway's own ERROR lines ({@code Migration of schema ... failed!})
     * would reach Maven's output through {@code java.util.logging}, beside the goal's message that
     * already says which migration failed and why.
     */
    public static QuietFlyway silent() {
        return start(Level.OFF);
    }

    private static QuietFlyway start(Level level) {
        synchronized (QuietFlyway.class) {
            if (users++ == 0) {
                previous = FLYWAY.getLevel();
            }
            Level current = FLYWAY.getLevel();
            if (current == null || level.intValue() > current.intValue()) {
                FLYWAY.setLevel(level);
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
