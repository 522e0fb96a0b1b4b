package io.github.jpamigrate.plugin.replay;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs {@code migrate} with the Flyway API on a scratch database, exactly as the application
 * would run the same folder at start-up: SQL migrations (versioned, baseline, repeatable) with
 * their callbacks, script configurations and placeholders, and the project's Java migrations
 * from its compiled classes.
 */
public final class MigrationReplay {

    private MigrationReplay() {
    }

    /**
     * Applies every pending migration.
     *
     * @return how many migrations ran
     * @throws ReplayException naming the failing migration and Flyway's reason
     * @throws io.github.jpamigrate.plugin.io.ProjectFileException when a Java migration is not compiled
     */
    public static int migrate(ScratchDatabase database, FlywaySettings settings) {
        return migrate(database, settings, null);
    }

    /** Applies pending migrations up to and including {@code target} (all when null). */
    public static int migrate(ScratchDatabase database, FlywaySettings settings, String target) {
        try (FlywaySettings.Configured configured = settings.configure()) {
            var config = configured.config().dataSource(database.url(), database.user(), database.password());
            if (target != null) {
                config.target(target);
            }
            MigrateResult result = config.load().migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new ReplayException("replaying the migrations on a scratch " + database.dialect().id()
                    + " database failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " " + trimmed.substring(newline + 1).strip().replaceAll("\\s+", " ");
    }
}
