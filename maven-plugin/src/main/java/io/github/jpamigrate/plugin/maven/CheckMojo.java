package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;

/**
 * Fails the build when the entity model differs from the committed snapshot, i.e. an entity
 * changed without a migration; lists each difference and the {@code generate} command that fixes
 * it. Needs no database. Compiles first, so the comparison is always with the current entities.
 */
@Mojo(name = "check", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckMojo extends JpaMigrateMojo {

    @Override
    void run() throws IOException {
        new CheckWorkflow(workflowLog()).run(layout());
    }
}
