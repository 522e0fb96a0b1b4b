package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.generate.DiffWorkflow;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * Prints the changes from the committed snapshot to the entity model and the SQL that
 * {@code generate} would write for them; with {@code -Djpamigrate.from=v1.4.0} (a tag, branch or commit), the changes between
 * the snapshots committed at two git commits instead. Writes nothing. Compiles first.
 */
@Mojo(name = "diff", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DiffMojo extends ChangeGoalMojo {

    /**
     * The older git commit (a tag, branch or commit id) whose committed snapshot the changes start
     * from. Default: none (show the pending changes of the working tree instead).
     * Example: {@code -Djpamigrate.from=v1.4.0} or {@code -Djpamigrate.from=origin/main}.
     */
    @Parameter(property = "jpamigrate.from")
    String from;

    /**
     * The newer git commit whose committed snapshot the changes lead to; needs {@code from}.
     * Default: the snapshot in the working tree. Example: {@code -Djpamigrate.to=v1.5.0}.
     */
    @Parameter(property = "jpamigrate.to")
    String to;

    @Override
    void run() throws IOException {
        DiffWorkflow workflow = new DiffWorkflow(workflowLog());
        if (isBlank(from) && isBlank(to)) {
            workflow.run(layout(), changeOptions(), targets());
        } else {
            workflow.between(layout(), changeOptions(), targets(), from, to);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
