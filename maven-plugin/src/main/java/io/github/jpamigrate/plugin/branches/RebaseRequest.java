package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ShadowServers;

import java.util.List;

/**
 * The parameters of one {@code rebase}.
 *
 * @param layout        where the project's files are
 * @param options       renames, backfills and acknowledged hazards for the regenerated migration (as for generate)
 * @param versionScheme how the new versions are chosen
 * @param shadows       where the self-check of a regenerated migration may make scratch server databases
 * @param targets       the databases and their folders
 * @param onto          the merged line ({@code main}, {@code origin/main}); null: the merge under way
 *                      ({@code MERGE_HEAD}), else the second parent of a merge commit at {@code HEAD}
 * @param base          released migrations: those at this ref are never touched; null for none
 * @param keep          this branch's migrations to keep as they are (renumbered only), by version
 *                      ({@code 12}) or file name; may be empty
 */
public record RebaseRequest(ProjectLayout layout, ChangeOptions options, VersionScheme versionScheme,
                            ShadowServers shadows, MigrationTargets targets, String onto, String base, List<String> keep) {

    public RebaseRequest {
        keep = keep == null ? List.of() : List.copyOf(keep);
        shadows = shadows == null ? ShadowServers.NONE : shadows;
    }
}
