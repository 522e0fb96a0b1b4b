package io.github.jpamigrate.maven;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.workflow.GenerateRequest;
import io.github.jpamigrate.workflow.GenerateWorkflow;
import io.github.jpamigrate.workflow.WorkflowFailure;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Writes the next Flyway migration for the entity changes since the committed snapshot, its undo
 * script, and the new snapshot, after proving them on a scratch database. Compiles first, so
 * {@code mvn jpa-migrate:generate -Dmessage="add phone number"} is all it takes.
 */
@Mojo(name = "generate", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class GenerateMojo extends ScratchGoalMojo {

    /**
     * What the migration does, in words: it becomes the file name's description
     * ({@code V6__add_phone_number.sql}) and the header's title. Default: derived from the
     * changes. Example: {@code -Dmessage="add phone number"} (or {@code -Djpamigrate.message=...}).
     */
    @Parameter(property = "jpamigrate.message", defaultValue = "${message}")
    String message;

    /**
     * Writes a migration with only a header when the model did not change, for a hand-written
     * data change. Default: {@code false}. Example: {@code -Djpamigrate.empty=true -Dmessage="backfill regions"}.
     */
    @Parameter(property = "jpamigrate.empty", defaultValue = "false")
    boolean empty;

    /**
     * How the next version is chosen: {@code sequential} ({@code V7} after {@code V6}) or
     * {@code timestamp} (UTC {@code V20261121093000}, for teams with many parallel branches).
     * Default: {@code sequential}.
     */
    @Parameter(property = "jpamigrate.versionScheme", defaultValue = "sequential")
    String versionScheme;

    /** Maven's interactive mode ({@code -B} turns it off): whether a probable rename may be asked about. Read-only. */
    @Parameter(defaultValue = "${settings.interactiveMode}", readonly = true)
    boolean interactiveMode;

    @Override
    void run() throws IOException, SQLException {
        VersionScheme scheme;
        try {
            scheme = VersionScheme.parse(versionScheme);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure("jpamigrate.versionScheme: " + e.getMessage());
        }
        GenerateRequest request = new GenerateRequest(layout(), changeOptions(), message, empty, scheme, shadow(),
                targets());
        new GenerateWorkflow(workflowLog(), ConsolePrompter.of(interactiveMode), Clock.systemUTC()).run(request);
    }
}
