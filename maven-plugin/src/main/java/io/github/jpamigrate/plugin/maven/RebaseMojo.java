package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.branches.RebaseRequest;
import io.github.jpamigrate.plugin.branches.RebaseWorkflow;
import io.github.jpamigrate.plugin.git.GitProblem;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * After merging the main line into a branch: renumbers this branch's migrations after the newest
 * merged one (migration, undo script and {@code .conf} files together) and regenerates the
 * branch's migration against the merged snapshot, like {@code makemigrations --merge} or
 * {@code atlas migrate rebase}. Finds the branch's own migrations with git (those neither at the
 * merge base nor on the merged line). Compiles first: the merged entities are the model.
 */
@Mojo(name = "rebase", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RebaseMojo extends ScratchGoalMojo {

    /**
     * The line that was merged into this branch: a branch, tag or commit. Default: the merge under
     * way ({@code MERGE_HEAD}), else the second parent of {@code HEAD} when it is a merge commit.
     * Example: {@code -Djpamigrate.onto=origin/main}.
     */
    @Parameter(property = "jpamigrate.onto")
    String onto;

    /**
     * Released migrations: those present at this git ref are never renumbered or rewritten.
     * Example: {@code -Djpamigrate.base=v1.4.0}.
     */
    @Parameter(property = "jpamigrate.base")
    String base;

    /**
     * This branch's migrations to keep as they are, by version or file name: they are only
     * renumbered (with a warning), never regenerated. Needed for a migration edited by hand after
     * generate. Example: {@code -Djpamigrate.keep=12}.
     */
    @Parameter(property = "jpamigrate.keep")
    List<String> keep;

    /**
     * How the new versions are chosen, as for {@code generate} (set it once in the plugin's
     * configuration): {@code sequential} or {@code timestamp}. Default: {@code sequential}.
     */
    @Parameter(property = "jpamigrate.versionScheme", defaultValue = "sequential")
    String versionScheme;

    @Override
    void run() throws IOException {
        VersionScheme scheme;
        try {
            scheme = VersionScheme.parse(versionScheme);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure("jpamigrate.versionScheme: " + e.getMessage());
        }
        RebaseRequest request = new RebaseRequest(layout(), changeOptions(), scheme, shadows(), targets(), onto,
                base, keep);
        try {
            new RebaseWorkflow(workflowLog(), Clock.systemUTC()).run(request);
        } catch (GitProblem e) {
            throw new WorkflowFailure(e.getMessage(), e);
        }
    }
}
