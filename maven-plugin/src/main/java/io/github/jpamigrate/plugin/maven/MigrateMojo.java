package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.apply.ApplyWorkflow;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the pending migrations to the database named by {@code -Djpamigrate.url}, with Flyway
 * and the project's own settings (migration folders, history table, placeholders, Java
 * migrations): what the application does at start-up, as one command ({@code flask db upgrade}).
 * Compiles first, so Java migrations are current.
 */
@Mojo(name = "migrate", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public class MigrateMojo extends ApplyGoalMojo {

    @Override
    void run() {
        new ApplyWorkflow(workflowLog()).migrate(applyRequest(null));
    }
}
