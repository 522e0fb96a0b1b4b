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

    /**
     * Writes a declared column rename ({@code -Djpamigrate.rename=table.old:new}) on PostgreSQL as
     * the expand step of an expand/contract change: the new column is added nullable, the old one
     * kept, a sync trigger ({@code jm_sync_<table>_<column>}) copies every write of either to the
     * other while the old and the new application version both run, and the follow-up migration
     * backfills existing rows in committed batches. The snapshot records the pending contract step.
     * Default: {@code false}. Example: {@code -Djpamigrate.rename=customer.mail:email -Djpamigrate.expand=true}.
     */
    @Parameter(property = "jpamigrate.expand", defaultValue = "false")
    boolean expand;

    /**
     * Writes the contract step of the pending expand steps the snapshot records, once no running
     * application version writes the old columns: the sync triggers and the old columns dropped, the
     * new columns given the constraints and indexes the entities say. Default: {@code false}.
     */
    @Parameter(property = "jpamigrate.contract", defaultValue = "false")
    boolean contract;

    @Override
    void run() throws IOException, SQLException {
        if (expand && contract) {
            throw new io.github.jpamigrate.plugin.project.WorkflowFailure("jpamigrate.expand and jpamigrate.contract are two"
                    + " migrations released apart: give one of them per generate (expand first, contract after the release).");
        }
        VersionScheme scheme = versionScheme();
        // The self-check replays the migration folder with the application's placeholders and Java migrations.
        var configured = flywaySettings();
        var folders = defaultFlywayLocations();
        GenerateRequest request = new GenerateRequest(layout(), changeOptions(), message, empty, scheme, shadows(),
                targets(), configured.withLocations(folders).withJava(configured.java().withPackages(
                        javaMigrations(folders).packages())));
        request = request.withStep(expand ? GenerateRequest.Step.EXPAND : contract ? GenerateRequest.Step.CONTRACT
                : GenerateRequest.Step.NONE);
        new GenerateWorkflow(workflowLog(), prompter(), Clock.systemUTC()).run(prove ? request.proving() : request);
    }
}
