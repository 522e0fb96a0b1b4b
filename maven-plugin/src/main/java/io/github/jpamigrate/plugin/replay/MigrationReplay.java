package io.github.jpamigrate.plugin.replay;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs {@code migrate} with the Flyway API on a scratch database, exactly as the application
 * would run the same folder at start-up: SQL migrations (versioned, baseline, repeatable) with
 * their callbacks, script configurations and placeholders, and the project's Java migrations
 * from its compiled classes; and then proves that nothing it did escaped the scratch database
 * ({@link ScratchDatabase#checkIsolation()}).
 */
public final class MigrationReplay {

    private MigrationReplay() {
    }

    /**
     * Applies every pending migration.
     *
     * @return how many migrations ran
     * @throws ReplayException naming the failing migration and Flyway's reason, or what the
     *                         migrations created outside a scratch schema
     * @throws io.github.jpamigrate.plugin.io.ProjectFileException when a Java migration is not compiled
     */
    public static int migrate(ScratchDatabase database, FlywaySettings settings) {
        return migrate(database, settings, null);
    }

    /** Applies pending migrations up to and including {@code target} (all when null). */
    public static int migrate(ScratchDatabase database, FlywaySettings settings, String target) {
        MigrateResult result;
        try (FlywaySettings.Configured configured = settings.configure()) {
            var config = configured.config().dataSource(database.url(), database.user(), database.password());
            // session-level advisory lock: with Flyway's default transactional lock, its open
            // transaction blocks a follow-up's create index concurrently (docs/dialects.md)
            var postgresql = config.getPluginRegister().getPlugin(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class);
            if (postgresql != null) {
                postgresql.setTransactionalLock(false);
            }
            if (target != null) {
                config.target(target);
            }
            result = config.load().migrate();
        } catch (FlywayException e) {
            String failure = "replaying the migrations on a scratch " + database.dialect().id() + " database"
                    + database.isolationNote() + " failed: " + ReplayFailure.describe(e);
            try {
                database.checkIsolation();
            } catch (ReplayException leaked) {
                failure += "; besides, " + leaked.getMessage();
            }
            throw new ReplayException(JdbcSecrets.redact(failure, database.url(), database.password()), e);
        }
        database.checkIsolation();
        return result.migrationsExecuted;
    }

}
