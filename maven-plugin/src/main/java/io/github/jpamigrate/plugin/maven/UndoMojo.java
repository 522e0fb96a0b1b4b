package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.apply.ApplyWorkflow;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;

/**
 * Takes the newest migration applied to the database named by {@code -Djpamigrate.url} back: runs
 * its undo script ({@code U<version>__*.sql}) and removes its row from Flyway's history, in one
 * transaction where the database allows ({@code flask db downgrade}). Refuses any other version,
 * a history with a failed migration, a baseline and a Java migration.
 */
@Mojo(name = "undo", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class UndoMojo extends ApplyGoalMojo {

    /**
     * The version you mean to undo, as a guard: when given and it is not the newest applied
     * migration, nothing is changed. Example: {@code -Djpamigrate.version=7}.
     */
    @Parameter(property = "jpamigrate.version")
    String version;

    @Override
    void run() throws IOException {
        new ApplyWorkflow(workflowLog()).undo(applyRequest(version));
    }
}
