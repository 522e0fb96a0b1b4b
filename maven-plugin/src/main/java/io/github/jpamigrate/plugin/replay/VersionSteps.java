package io.github.jpamigrate.plugin.replay;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a migration folder on a scratch database one version at a time, handing the database
 * over after each: what the schema was after {@code V1}, after {@code V2}, and so on. One scratch
 * database and one Flyway {@code migrate} per version, each applying just the next one, so the
 * cost is one replay of the folder plus one schema read per version.
 *
 * <p>Repeatable migrations ({@code R__views.sql}) are left out: Flyway applies them after the
 * versioned ones of every run, so with a target they would run after {@code V1} already, against
 * tables later versions create; and they belong to no version.
 */
public final class VersionSteps {

    /** A prefix no repeatable migration has: Flyway then resolves none of them. */
    private static final String NO_REPEATABLES = "R__jpamigrate_steps_leave_out__";

    private VersionSteps() {
    }

    /** What is done with the scratch database once a version is applied. */
    @FunctionalInterface
    public interface AfterVersion {
        /**
         * @param version the version just applied ({@code 11}, {@code 1.2})
         * @param script  its script ({@code V11__add_phone.sql}) or class name
         */
        void applied(String version, String script) throws SQLException;
    }

    /**
     * Applies each pending versioned migration (and a baseline migration {@code B<n>} that stands for
     * the ones below it, as on an empty database), in Flyway's order, calling {@code after} after each.
     *
     * @return how many versions were applied
     * @throws ReplayException naming the failing migration and Flyway's reason
     */
    public static int replay(ScratchDatabase database, FlywaySettings settings, AfterVersion after) throws SQLException {
        List<MigrationInfo> steps = new ArrayList<>();
        try (QuietFlyway quiet = QuietFlyway.start(); FlywaySettings.Configured configured = settings.configure()) {
            FluentConfiguration config = configured.config().dataSource(database.url(), database.user(), database.password());
            leaveOutRepeatables(config);
            for (MigrationInfo migration : config.load().info().pending()) {
                if (migration.getVersion() != null) {
                    steps.add(migration);
                }
            }
        } catch (FlywayException e) {
            throw new ReplayException("Flyway cannot list the migrations to replay: " + e.getMessage(), e);
        }
        for (MigrationInfo step : steps) {
            String version = step.getVersion().getVersion();
            try (QuietFlyway quiet = QuietFlyway.start()) {
                MigrationReplay.migrate(database, settings, version, VersionSteps::leaveOutRepeatables);
            }
            after.applied(version, step.getScript());
        }
        return steps.size();
    }

    private static void leaveOutRepeatables(FluentConfiguration config) {
        config.repeatableSqlMigrationPrefix(NO_REPEATABLES);
    }
}
