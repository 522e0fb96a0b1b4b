package io.github.jpamigrate.maven;

import io.github.jpamigrate.workflow.DiffWorkflow;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;

/**
 * Prints the changes from the committed snapshot to the entity model and the SQL that
 * {@code generate} would write for them. Writes nothing. Compiles first.
 */
@Mojo(name = "diff", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DiffMojo extends ChangeGoalMojo {

    @Override
    void run() throws IOException {
        new DiffWorkflow(workflowLog()).run(layout(), changeOptions());
    }
}
