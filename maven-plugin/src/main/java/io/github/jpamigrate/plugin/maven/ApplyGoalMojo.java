package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.apply.ApplyRequest;
import io.github.jpamigrate.plugin.project.ShadowServers;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that change a database the user names ({@code migrate}, {@code undo}): where it is and how to log in. */
abstract class ApplyGoalMojo extends JpaMigrateMojo {

    /**
     * The JDBC URL of the database to change, e.g. a developer's local database. There is no
     * default: these goals never pick a database by themselves. The dialect follows from it and
     * must be one the project's migrations are written for. Example:
     * {@code -Djpamigrate.url=jdbc:postgresql://localhost:5432/shop}.
     */
    @Parameter(property = "jpamigrate.url")
    String url;

    /** The user to connect as; it needs the rights the migrations need. Default: none. */
    @Parameter(property = "jpamigrate.user")
    String user;

    /**
     * The password for {@code url}. It never appears in the log or in messages; prefer passing it
     * from the environment ({@code -Djpamigrate.password="$DB_PASSWORD"}) over writing it in the POM.
     */
    @Parameter(property = "jpamigrate.password")
    String password;

    ApplyRequest applyRequest(String version) {
        return new ApplyRequest(targets().resolve(layout(), flywaySettings(), ShadowServers.NONE), url, user, password, version);
    }
}
