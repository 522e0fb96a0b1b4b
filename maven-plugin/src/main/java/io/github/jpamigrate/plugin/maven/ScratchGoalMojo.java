package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Map;

/** The goals that replay migrations on a scratch database ({@code generate}'s self-check, {@code verify}). */
abstract class ScratchGoalMojo extends ChangeGoalMojo {

    /**
     * For PostgreSQL, MariaDB and MySQL: a JDBC URL of a server where the goal may create a
     * uniquely named scratch database ({@code jm_scratch_run_...}) and drop it afterwards, even on
     * failure or Ctrl-C (a run killed outright is cleaned up by the next run). The user needs the
     * right to create databases (PostgreSQL: {@code CREATEDB}; without it a scratch schema is used,
     * and a replay that creates objects outside it fails). SQLite and H2 need none. Without it, {@code generate} skips its
     * self-check with a warning and {@code verify}'s replay step fails, naming this parameter.
     * With {@code dialects}, it serves the server vendor its URL names ({@code jdbc:postgresql:} or
     * {@code jdbc:mariadb:}/{@code jdbc:mysql:}); another server vendor in the list is then skipped
     * with a message (use {@code shadowUrls} to give each its own). On CI, point it at a service
     * container. Example: {@code -Djpamigrate.shadowUrl=jdbc:postgresql://localhost:5432/postgres}.
     */
    @Parameter(property = "jpamigrate.shadowUrl")
    String shadowUrl;

    /**
     * One shadow server per vendor folder, for {@code dialects} listing several server vendors:
     * each element is named after the folder ({@code postgresql}, {@code mysql} for MariaDB and
     * MySQL) and holds the JDBC URL of a server of that vendor. Every server vendor listed in
     * {@code dialects} then needs its element (PostgreSQL may leave it out when the embedded
     * PostgreSQL is on the plugin's classpath); an element for a vendor not listed is an error.
     * {@code shadowUser}/{@code shadowPassword} apply to each URL that does not carry its own user.
     * Instead of {@code shadowUrl}, not with it. Example:
     * {@code <shadowUrls><postgresql>jdbc:postgresql://localhost:5432/postgres?user=postgres</postgresql>
     * <mysql>jdbc:mariadb://localhost:3306/test?user=root</mysql></shadowUrls>}.
     */
    @Parameter
    Map<String, String> shadowUrls;

    /** The user for {@code shadowUrl}; it needs the right to create and drop schemas or databases. */
    @Parameter(property = "jpamigrate.shadowUser")
    String shadowUser;

    /** The password for {@code shadowUrl}; better given from {@code settings.xml} or the environment. */
    @Parameter(property = "jpamigrate.shadowPassword")
    String shadowPassword;

    /**
     * The shadow servers of {@code shadowUrl} or {@code shadowUrls}, checked against the targets.
     *
     * @throws io.github.jpamigrate.plugin.project.WorkflowFailure naming the element that is wrong or missing
     */
    ShadowServers shadows() {
        return ShadowServers.parse(targets(), shadow(), shadowUrls, shadowUser, shadowPassword);
    }

    /** The {@code shadowUrl} server, or null when none is configured. */
    ShadowDatabase shadow() {
        return ShadowDatabase.of(shadowUrl, shadowUser, shadowPassword);
    }
}
