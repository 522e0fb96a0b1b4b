package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;

/**
 * The parameters of one {@code init}.
 *
 * @param layout        where the project's files are
 * @param dialect       the database the migrations are for (in the plain migration folder)
 * @param options       renames, backfills, acknowledged hazards (for the migration it may write)
 * @param flyway        what the replay of existing migrations applies (the migration folder, the history table,
 *                      the placeholders, the project's Java migrations)
 * @param message       words for the migration it writes (its file name and header); null to derive them
 * @param versionScheme how the version of the migration it writes is chosen
 * @param generate      with existing migrations: also write the next migration for what the model adds to them
 * @param force         replace a snapshot that already exists instead of refusing
 * @param shadow        where a scratch PostgreSQL/MariaDB/MySQL database may be made; null for SQLite and H2
 */
public record InitRequest(ProjectLayout layout, Dialect dialect, ChangeOptions options, FlywaySettings flyway, String message,
                          VersionScheme versionScheme, boolean generate, boolean force, ShadowDatabase shadow) {

    /** A request with the standard Flyway settings and no shadow database: enough for SQLite and H2. */
    public static InitRequest of(ProjectLayout layout, Dialect dialect, ChangeOptions options, boolean generate,
                                 boolean force) {
        return new InitRequest(layout, dialect, options, FlywaySettings.folder(layout.migrationDirectory()), null,
                VersionScheme.SEQUENTIAL, generate, force, null);
    }

    GenerateRequest generateRequest() {
        return new GenerateRequest(layout, options, message, false, versionScheme, ShadowServers.of(shadow),
                MigrationTargets.single(dialect), flyway);
    }

    /** A new empty scratch database of the target dialect. */
    ScratchDatabase scratch() {
        return ScratchDatabase.of(dialect, layout.workDirectory().resolve("scratch"), shadow);
    }
}
