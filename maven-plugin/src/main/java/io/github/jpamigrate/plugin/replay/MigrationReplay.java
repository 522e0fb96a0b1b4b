package io.github.jpamigrate.plugin.replay;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs {@code migrate} with the Flyway API on a scratch database, exactly as the application
 * would run the same folder at start-up.
 */
public final class MigrationReplay {

    private MigrationReplay() {
    }

    /**
     * Applies every pending migration.
     *
     * @return how many migrations ran
     * @throws ReplayException naming the failing migration and Flyway's reason
     */
    public static int migrate(ScratchDatabase database, FlywaySettings settings) {
        return migrate(database, settings, null);
    }

    /** Applies pending migrations up to and including {@code target} (all when null). */
    public static int migrate(ScratchDatabase database, FlywaySettings settings, String target) {
        var config = Flyway.configure(MigrationReplay.class.getClassLoader())
                .dataSource(database.url(), database.user(), database.password())
                .locations(settings.locations().toArray(String[]::new))
                .table(settings.table())
                .placeholders(settings.placeholders())
                .cleanDisabled(true);
        // session-level advisory lock: with Flyway's default transactional lock, its open
        // transaction blocks a follow-up's create index concurrently (docs/dialects.md)
        var postgresql = config.getPluginRegister().getPlugin(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class);
        if (postgresql != null) {
            postgresql.setTransactionalLock(false);
        }
        if (target != null) {
            config.target(target);
        }
        try {
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
