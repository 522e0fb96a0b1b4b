package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.live.StatusWorkflow;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;

/**
 * Prints the migrations (version, description, file) and, with {@code -Djpamigrate.url}, where
 * each stands in that database's Flyway history (applied, pending, failed, missing from the code)
 * and its current version; and whether the committed snapshot is the entity model. Reads only;
 * compiles first.
 */
@Mojo(name = "status", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public class StatusMojo extends LiveGoalMojo {

    @Override
    void run() throws IOException {
        new StatusWorkflow(workflowLog()).run(liveRequest());
    }
}
