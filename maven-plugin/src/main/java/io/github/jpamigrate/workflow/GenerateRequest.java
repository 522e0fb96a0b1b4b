package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.replay.ShadowDatabase;

/**
 * The parameters of one {@code generate}.
 *
 * @param layout        where the project's files are
 * @param options       renames, backfills, acknowledged hazards (and the primary dialect)
 * @param message       what the migration does, in words (its file name and header); null to derive it
 * @param empty         write a migration with only a header when the model did not change
 * @param versionScheme how the next version is chosen
 * @param shadow        where the self-check may create a scratch PostgreSQL/MariaDB/MySQL database; null
 *                      when none is configured (the self-check of those dialects is then skipped)
 * @param targets       the databases to write for and their folders; by default {@code options}' dialect
 *                      in the plain migration folder
 */
public record GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                              VersionScheme versionScheme, ShadowDatabase shadow, MigrationTargets targets) {

    public GenerateRequest {
        targets = targets == null ? MigrationTargets.single(options.dialect()) : targets;
    }

    /** A request for the dialect of {@code options}, in the plain migration folder. */
    public GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                           VersionScheme versionScheme, ShadowDatabase shadow) {
        this(layout, options, message, empty, versionScheme, shadow, null);
    }

    /** A request without a shadow database: enough for SQLite and H2, whose scratch databases are embedded. */
    public GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                           VersionScheme versionScheme) {
        this(layout, options, message, empty, versionScheme, null, null);
    }
}
