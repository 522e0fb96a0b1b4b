package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.live.CheckDbWorkflow;
import io.github.jpamigrate.plugin.live.LiveFinding;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.List;

/**
 * Before a deploy: does this database match the entity model and the migration folder? Reads the
 * schema (JDBC metadata) and Flyway's history (the Flyway API) over a read-only connection and
 * reports drift, migrations missing from the code, failed, edited and out-of-order migrations and
 * pending ones, each with its cause and fix; fails the build when one of a {@code failOn} kind is
 * found. Never changes the database. Compiles first, so the model is the current entities'.
 */
@Mojo(name = "check-db", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckDbMojo extends LiveGoalMojo {

    /**
     * The kinds of finding that fail the build, comma-separated: {@code drift}, {@code missing},
     * {@code unknown}, {@code failed}, {@code checksum}, {@code order}, {@code pending}; or
     * {@code all} or {@code none}. Default: all but {@code pending} (a deploy applies pending
     * migrations). Examples: {@code -Djpamigrate.failOn=all} to check a database after its deploy,
     * {@code -Djpamigrate.failOn=none} to only report.
     */
    @Parameter(property = "jpamigrate.failOn")
    List<String> failOn;

    /**
     * For a PostgreSQL, MariaDB or MySQL database without Flyway history: a JDBC URL of a server of
     * the same vendor where the goal may create a uniquely named scratch database and drop it
     * afterwards, to replay the migrations one version at a time and name the version whose schema
     * the database holds (the {@code baselineVersion} to give Flyway). Never the checked database's
     * own server unless a scratch database may be created there. SQLite and H2 need none (a scratch
     * file, an in-memory database). Without it, the finding says how to baseline but not at which
     * version. Example: {@code -Djpamigrate.shadowUrl=jdbc:postgresql://localhost:5432/postgres}.
     */
    @Parameter(property = "jpamigrate.shadowUrl")
    String shadowUrl;

    /** The user for {@code shadowUrl}; it needs the right to create and drop databases (or schemas). */
    @Parameter(property = "jpamigrate.shadowUser")
    String shadowUser;

    /** The password for {@code shadowUrl}; better given from {@code settings.xml} or the environment. */
    @Parameter(property = "jpamigrate.shadowPassword")
    String shadowPassword;

    @Override
    ShadowDatabase shadowDatabase() {
        return ShadowDatabase.of(shadowUrl, shadowUser, shadowPassword);
    }

    @Override
    void run() throws IOException {
        new CheckDbWorkflow(workflowLog()).run(liveRequest(), LiveFinding.Kind.parse(failOn));
    }
}
