package io.github.jpamigrate.plugin.replay;

import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps Flyway's {@code java.util.logging} lines out of the build log while it is in use: its
 * INFO lines on a scratch database read as if they concerned the user's database, its SEVERE
 * "migration failed" line repeats what the goal then reports in its own words (file, line,
 * statement, likely cause: {@link FlywayFailure}), and both arrive in JUL's two-line format
 * beside Maven's. Flyway's warnings (an unsupported server version, a deprecated setting) are
 * still worth reading: they go to the sink the goal names ({@link #warningsTo}), Maven's log,
 * once each. Counted, so that parallel runs in one JVM restore the logger exactly once.
 */
public final class QuietFlyway implements AutoCloseable {
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
    private static final Handler FORWARD = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() == Level.WARNING.intValue()) {
                Consumer<String> target = sink;
                String message = record.getMessage();
                if (target != null && message != null && !message.isBlank()) {
                    target.accept("Flyway: " + message.strip());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static volatile Consumer<String> sink;
    private static int users;
    private static Level previous;
    private static boolean previousParents;

    private QuietFlyway() {
    }

    /**
     * Where Flyway's warnings go while it is quiet (the goal's log); null drops them.
     */
    public static void warningsTo(Consumer<String> target) {
        sink = target;
    }

    public static QuietFlyway start() {
        synchronized (QuietFlyway.class) {
            if (users++ == 0) {
                previous = FLYWAY.getLevel();
                previousParents = FLYWAY.getUseParentHandlers();
                FLYWAY.setLevel(Level.WARNING);
                FLYWAY.setUseParentHandlers(false);
                FLYWAY.addHandler(FORWARD);
            }
        }
        return new QuietFlyway();
    }

    @Override
    public void close() {
        synchronized (QuietFlyway.class) {
            if (--users == 0) {
                FLYWAY.removeHandler(FORWARD);
                FLYWAY.setUseParentHandlers(previousParents);
                FLYWAY.setLevel(previous);
            }
        }
    }
}
