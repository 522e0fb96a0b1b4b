package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Writes the next Flyway migration for the entity changes since the committed snapshot, its undo
 * script, and the new snapshot, after proving them on a scratch database. Compiles first, so
 * {@code mvn jpa-migrate:generate -Dmessage="add phone number"} is all it takes.
 */
@Mojo(name = "generate", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public class GenerateMojo extends WriteGoalMojo {

    /**
     * Writes a migration with only a header when the model did not change, for a hand-written
     * data change. Default: {@code false}. Example: {@code -Djpamigrate.empty=true -Dmessage="backfill regions"}.
     */
    @Parameter(property = "jpamigrate.empty", defaultValue = "false")
    boolean empty;

    /**
     * Proves the migration on a scratch database or fails: without a scratch database for a target
     * (PostgreSQL, MariaDB and MySQL need {@code shadowUrl}, or PostgreSQL the embedded PostgreSQL)
     * the goal fails instead of skipping its self-check; with no model change it proves the newest
     * migration already in the folder (replayed, compared with the model, and its undo script run).
     * Default: {@code false}. Example:
     * {@code mvn jpa-migrate:generate -Djpamigrate.prove -Djpamigrate.shadowUrl=jdbc:postgresql://localhost/postgres}.
     */
    @Parameter(property = "jpamigrate.prove", defaultValue = "false")
    boolean prove;

    @Override
    void run() throws IOException, SQLException {
        VersionScheme scheme = versionScheme();
        // The self-check replays the migration folder with the application's placeholders and Java migrations.
        var configured = flywaySettings();
        var folders = defaultFlywayLocations();
        GenerateRequest request = new GenerateRequest(layout(), changeOptions(), message, empty, scheme, shadows(),
                targets(), configured.withLocations(folders).withJava(configured.java().withPackages(
                        javaMigrations(folders).packages())));
        new GenerateWorkflow(workflowLog(), prompter(), Clock.systemUTC()).run(prove ? request.proving() : request);
    }
}
