package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.squash.BaselineRequest;
import io.github.jpamigrate.plugin.squash.BaselineWorkflow;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Writes a Flyway baseline migration, {@code B<version>__<slug>.sql}: the whole schema of the
 * snapshot at that migration, which Flyway applies to an empty database instead of the versioned
 * migrations it covers. Squashes a long history ({@code mvn jpa-migrate:baseline}), or starts the
 * folder of a vendor added to {@code dialects} (or a changed {@code dialect}) from the snapshot.
 * Proven on scratch databases before anything is written. Compiles first (Java migrations replay too).
 */
@Mojo(name = "baseline", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public class BaselineMojo extends ScratchGoalMojo {

    /**
     * The migration whose schema the baseline migration holds: the version of a versioned
     * migration in the folder. Default: the newest. A vendor that is started from the snapshot
     * always gets the newest. Example: {@code -Djpamigrate.version=150}.
     */
    @Parameter(property = "jpamigrate.version")
    String version;

    /**
     * The baseline migration's description in its file name. Default: {@code baseline}
     * ({@code B150__baseline.sql}). Example: {@code -Dmessage="schema 2026"}.
     */
    @Parameter(property = "jpamigrate.message", defaultValue = "${message}")
    String message;

    @Override
    void run() throws IOException, SQLException {
        var configured = flywaySettings();
        var folders = defaultFlywayLocations();
        BaselineRequest request = new BaselineRequest(layout(), version, message, shadows(), targets(),
                configured.withLocations(folders).withJava(configured.java().withPackages(
                        javaMigrations(folders).packages())), changeOptions().render().online());
        new BaselineWorkflow(workflowLog()).run(request);
    }
}
