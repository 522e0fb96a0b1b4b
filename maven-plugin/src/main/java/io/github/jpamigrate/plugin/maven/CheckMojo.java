package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.branches.BranchCheck;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ShadowServers;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fails the build when the entity model differs from the committed snapshot, i.e. an entity
 * changed without a migration; lists each difference and the {@code generate} command that fixes
 * it, or the folder of a vendor that has none yet and the {@code baseline} command that starts it.
 * Needs no database. Compiles first, so the comparison is always with the current entities.
 * Before that, the migration folders are checked for what a merge of two generating branches leaves
 * behind (see {@link BranchCheck}).
 */
@Mojo(name = "check", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckMojo extends JpaMigrateMojo {

    /**
     * The project's Flyway runs with {@code outOfOrder=true}: a merged migration that sorts before
     * the newest one it was not generated with is a warning instead of a failure. Default: {@code false}.
     */
    @Parameter(property = "jpamigrate.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    @Override
    void run() throws IOException {
        new BranchCheck(workflowLog()).run(layout(), targets(), outOfOrder);
        new CheckWorkflow(workflowLog()).run(layout(), targets().resolve(layout(), MigrationTargets.defaultFlyway(layout(),
                targets()), ShadowServers.NONE), compileSourceRoots == null ? List.of()
                : compileSourceRoots.stream().map(Path::of).toList());
    }
}
