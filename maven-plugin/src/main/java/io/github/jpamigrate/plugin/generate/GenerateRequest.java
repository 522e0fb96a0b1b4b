package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;

import java.util.List;

/**
 * The parameters of one {@code generate}.
 *
 * @param layout        where the project's files are
 * @param options       renames, backfills, acknowledged hazards
 * @param message       what the migration does, in words (its file name and header); null to derive it
 * @param empty         write a migration with only a header when the model did not change
 * @param versionScheme how the next version is chosen
 * @param shadows       where the self-check may create scratch PostgreSQL/MariaDB/MySQL databases; without
 *                      one for a server target, that target's self-check is skipped
 * @param targets       the databases to write for and their folders
 * @param flyway        what the self-check replays besides the new migration: placeholders, history table and
 *                      the project's Java migrations ({@code {vendor}} standing for each vendor's folder); null
 *                      for the plain migration folder
 * @param prove         the migration must be proven on a scratch database: without one for a target,
 *                      fail instead of skipping the self-check; with no model change, prove the newest
 *                      migration in the folder ({@code -Djpamigrate.prove})
 * @param step          {@link Step#EXPAND} to write a declared column rename as an expand step,
 *                      {@link Step#CONTRACT} to write the pending contract steps
 */
public record GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                              VersionScheme versionScheme, ShadowServers shadows, MigrationTargets targets,
                              FlywaySettings flyway, boolean prove, Step step) {

    /** Which half of an expand/contract change {@code generate} writes, if any. */
    public enum Step {
        /** The changes as they are (renames as {@code rename column}). */
        NONE,
        /** {@code -Djpamigrate.expand=true}: a declared column rename as add, sync, backfill; the old column kept. */
        EXPAND,
        /** {@code -Djpamigrate.contract=true}: the pending contract steps: sync dropped, old column dropped, new constrained. */
        CONTRACT
    }

    public GenerateRequest {
        step = step == null ? Step.NONE : step;
        shadows = shadows == null ? ShadowServers.NONE : shadows;
        targets = targets == null ? MigrationTargets.single(Dialect.SQLITE) : targets;
        flyway = flyway == null ? MigrationTargets.defaultFlyway(layout, targets) : flyway;
    }

    /** A request that skips the self-check, with a warning, where a target has no scratch database. */
    public GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                           VersionScheme versionScheme, ShadowServers shadows, MigrationTargets targets,
                           FlywaySettings flyway) {
        this(layout, options, message, empty, versionScheme, shadows, targets, flyway, false, Step.NONE);
    }

    /** As the canonical constructor, writing the changes as they are ({@link Step#NONE}). */
    public GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                           VersionScheme versionScheme, ShadowServers shadows, MigrationTargets targets,
                           FlywaySettings flyway, boolean prove) {
        this(layout, options, message, empty, versionScheme, shadows, targets, flyway, prove, Step.NONE);
    }

    /** This request, writing one half of an expand/contract change. */
    public GenerateRequest withStep(Step value) {
        return new GenerateRequest(layout, options, message, empty, versionScheme, shadows, targets, flyway, prove, value);
    }

    /** This request, asking for the proof ({@code -Djpamigrate.prove}). */
    public GenerateRequest proving() {
        return new GenerateRequest(layout, options, message, empty, versionScheme, shadows, targets, flyway, true, step);
    }

    /** A request whose self-check replays the plain migration folders. */
    public GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                           VersionScheme versionScheme, ShadowServers shadows, MigrationTargets targets) {
        this(layout, options, message, empty, versionScheme, shadows, targets, null);
    }

    /** A request with one shadow server (or none) for these targets. */
    public GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                           VersionScheme versionScheme, ShadowDatabase shadow, MigrationTargets targets) {
        this(layout, options, message, empty, versionScheme, ShadowServers.of(shadow), targets);
    }

    /** A request for SQLite in the plain migration folder: its scratch databases are embedded. */
    public GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                           VersionScheme versionScheme) {
        this(layout, options, message, empty, versionScheme, ShadowServers.NONE, null);
    }

    /** The targets with their folders, Flyway settings and shadow servers. */
    List<Target> resolved() {
        return targets.resolve(layout, flyway, shadows);
    }
}
