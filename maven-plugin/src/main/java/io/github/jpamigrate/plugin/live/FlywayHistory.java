package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.QuietFlyway;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flyway's view of a live database, read through the Flyway API only ({@code info} and
 * {@code validate}; never {@code migrate}, {@code repair}, {@code baseline} or {@code clean}),
 * over {@link LiveDatabase}'s read-only connections: which migrations are applied, pending,
 * failed or unknown to the code, and which applied files were edited since.
 *
 * @param tableExists    whether the history table exists at all
 * @param migrations     every migration of the code and of the history, in Flyway's order
 * @param currentVersion the newest applied version, or null before the first migration
 */
public record FlywayHistory(boolean tableExists, List<Migration> migrations, String currentVersion) {

    /**
     * One migration as Flyway reports it.
     *
     * @param version         the version, null for a repeatable migration
     * @param description     the description, as in the file name or the history
     * @param script          the file name (relative to its location), or the script the history recorded
     * @param state           where it stands
     * @param installedOn     when it was applied, or null
     * @param inCode          whether the code has it
     * @param edited          for an applied migration: why the file no longer matches the applied one
     *                        (checksum, description or type, in Flyway's words), else null
     * @param baseline        whether it is a baseline migration ({@code B1_20_0__x.sql})
     */
    public record Migration(String version, String description, String script, AppliedState state, Instant installedOn,
                            boolean inCode, String edited, boolean baseline) {

        /** {@code V2__add_isbn.sql} or, for a repeatable one, its script name. */
        public String label() {
            return script != null ? script : "V" + version + "__" + description.replace(' ', '_');
        }
    }

    public FlywayHistory {
        migrations = List.copyOf(migrations);
    }

    /**
     * @throws LiveDatabaseException when Flyway cannot read the database or the migration locations
     */
    public static FlywayHistory read(LiveDatabase database, FlywaySettings settings) {
        boolean exists = historyTableExists(database, settings.table());
        FlywaySettings.Configured configured;
        try {
            configured = settings.configure();
        } catch (ProjectFileException e) {
            throw new LiveDatabaseException(e.getMessage(), null);
        }
        var config = configured.config()
                .dataSource(database.dataSource())
                // SQL callbacks in the locations (beforeInfo.sql, afterValidate.sql...) are the application's business.
                .skipDefaultCallbacks(true)
                // Every finding below comes from info(); validate() is asked for the edits only.
                .ignoreMigrationPatterns("*:pending", "*:missing", "*:future", "*:ignored");
        try (configured; QuietFlyway quiet = QuietFlyway.start()) {
            Flyway flyway = config.load();
            MigrationInfoService info = flyway.info();
            ValidateResult validation = exists ? flyway.validateWithResult() : null;
            List<Migration> migrations = new ArrayList<>();
            for (MigrationInfo migration : info.all()) {
                AppliedState state = state(migration.getState());
                if (state != null) {
                    migrations.add(new Migration(migration.getVersion() == null ? null : migration.getVersion().getVersion(),
                            migration.getDescription(), migration.getScript(), state,
                            migration.getInstalledOn() == null ? null : migration.getInstalledOn().toInstant(),
                            migration.getState().isResolved(), edited(migration, validation),
                            migration.getType() != null && migration.getType().isBaseline()));
                }
            }
            MigrationInfo current = info.current();
            return new FlywayHistory(exists, migrations,
                    current == null || current.getVersion() == null ? null : current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw new LiveDatabaseException("Flyway cannot read the history of " + database.shownUrl() + ": "
                    + database.redact(e.getMessage()), null);
        }
    }

    /** The migrations in one state, in order. */
    public List<Migration> in(AppliedState state) {
        return migrations.stream().filter(m -> m.state() == state).toList();
    }

    private static boolean historyTableExists(LiveDatabase database, String table) {
        try (Connection connection = database.connect()) {
            return new SchemaReader(database.dialect(), Set.of()).tableNames(connection, null).stream()
                    .anyMatch(name -> Identifiers.sameName(name, table));
        } catch (SQLException e) {
            throw new LiveDatabaseException("cannot list the tables of " + database.shownUrl() + ": "
                    + database.redact(e.getMessage()), null);
        }
    }

    /** Null for the states a deploy does not care about (repeatables Flyway Teams deleted or undid). */
    private static AppliedState state(MigrationState state) {
        return switch (state) {
            case SUCCESS, OUT_OF_ORDER, BASELINE, SUPERSEDED -> AppliedState.APPLIED;
            case PENDING, ABOVE_TARGET, OUTDATED -> AppliedState.PENDING;
            case IGNORED -> AppliedState.OUT_OF_ORDER;
            case FAILED, MISSING_FAILED, FUTURE_FAILED -> AppliedState.FAILED;
            case MISSING_SUCCESS, FUTURE_SUCCESS -> AppliedState.NOT_IN_CODE;
            case BELOW_BASELINE, BASELINE_IGNORED -> AppliedState.BELOW_BASELINE;
            case AVAILABLE, UNDONE, DELETED -> null;
        };
    }

    /** Flyway's own validation decides what counts as an edit: checksum, description or type changed. */
    private static String edited(MigrationInfo migration, ValidateResult validation) {
        if (validation == null || migration.getVersion() == null && migration.getScript() == null) {
            return null;
        }
        for (ValidateOutput invalid : validation.invalidMigrations) {
            boolean same = migration.getVersion() != null
                    ? migration.getVersion().getVersion().equals(invalid.version)
                    : migration.getDescription().equals(invalid.description) && (invalid.version == null || invalid.version.isEmpty());
            if (!same || invalid.errorDetails == null) {
                continue;
            }
            if (invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH) {
                return "its checksum in the history (" + migration.getAppliedChecksum() + ") differs from the file's ("
                        + migration.getResolvedChecksum() + ")";
            }
            if (invalid.errorDetails.errorCode == CoreErrorCode.DESCRIPTION_MISMATCH) {
                return "its description in the history ('" + migration.getAppliedDescription()
                        + "') differs from the file name's ('" + migration.getResolvedDescription() + "')";
            }
            if (invalid.errorDetails.errorCode == CoreErrorCode.TYPE_MISMATCH) {
                return "its type in the history (" + migration.getAppliedType() + ") differs from the file's ("
                        + migration.getResolvedType() + ")";
            }
        }
        return null;
    }
}
