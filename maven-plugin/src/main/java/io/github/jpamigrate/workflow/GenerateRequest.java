package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.migration.VersionScheme;

/**
 * The parameters of one {@code generate}.
 *
 * @param layout        where the project's files are
 * @param options       dialect, renames, backfills, acknowledged hazards
 * @param message       what the migration does, in words (its file name and header); null to derive it
 * @param empty         write a migration with only a header when the model did not change
 * @param versionScheme how the next version is chosen
 */
public record GenerateRequest(ProjectLayout layout, ChangeOptions options, String message, boolean empty,
                              VersionScheme versionScheme) {
}
