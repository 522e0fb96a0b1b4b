package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.git.GitProblem;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import io.github.jpamigrate.plugin.verify.VerifyWorkflow;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Proves that the migrations and the model belong together: the snapshot is the model, Flyway
 * replaying the whole migration folder on a scratch database builds exactly the model, rows
 * survive the newest migrations, and with {@code -Djpamigrate.base=v1.4.0} (a tag, branch or commit) that released
 * migrations are unchanged and every model change since is covered. Writes
 * {@code target/jpa-migrate/verify-report.json}. Bound to the {@code verify} phase, so adding the
 * execution makes {@code mvn verify} enforce it. It does not fork a compile of its own (a fork
 * inside {@code mvn install} would replace the project's jar with {@code target/classes}); on its
 * own, run it after compiling: {@code mvn compile jpa-migrate:verify}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends ScratchGoalMojo {

    /**
     * The git ref to compare with: a release tag, a branch, a commit id. Migrations present there
     * must be unchanged, and migrations added since must sort after them and cover every model
     * change since. Needs the history in the clone (CI: {@code fetch-depth: 0}). Default: none
     * (no git checks). Example: {@code -Djpamigrate.base=v1.4.0} or {@code -Djpamigrate.base=origin/main}.
     */
    @Parameter(property = "jpamigrate.base")
    String base;

    /**
     * Accepts migrations added since {@code base} whose version sorts before {@code base}'s newest,
     * for projects whose Flyway runs with {@code outOfOrder=true}. Default: {@code false}.
     */
    @Parameter(property = "jpamigrate.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    @Override
    void run() throws IOException, SQLException {
        VerifyRequest request = new VerifyRequest(layout(), changeOptions(), flywaySettings(), base, outOfOrder, shadows(),
                targets());
        try {
            new VerifyWorkflow(workflowLog()).run(request);
        } catch (GitProblem e) {
            throw new WorkflowFailure(e.getMessage(), e);
        }
    }
}
