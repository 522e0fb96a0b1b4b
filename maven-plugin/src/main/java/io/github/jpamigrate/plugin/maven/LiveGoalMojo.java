package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.live.LiveDatabase;
import io.github.jpamigrate.plugin.live.LiveRequest;
import org.apache.maven.plugins.annotations.Parameter;


/** The goals that read a live database ({@code check-db}, {@code status}): where it is and how to log in. */
abstract class LiveGoalMojo extends JpaMigrateMojo {

    /**
     * The JDBC URL of the database to read, e.g. production's or staging's. The dialect follows
     * from it: {@code jdbc:sqlite:}, {@code jdbc:h2:}, {@code jdbc:postgresql:},
     * {@code jdbc:mariadb:}, {@code jdbc:mysql:}. The database is only read, over a read-only
     * connection. Example: {@code -Djpamigrate.url=jdbc:postgresql://db.internal:5432/shop}.
     */
    @Parameter(property = "jpamigrate.url")
    String url;

    /** The user to connect as; a read-only account is enough (and recommended). Default: none. */
    @Parameter(property = "jpamigrate.user")
    String user;

    /**
     * The password for {@code url}. It never appears in the log or in messages; prefer passing it
     * from the environment ({@code -Djpamigrate.password="$DB_PASSWORD"}) over writing it in the POM.
     */
    @Parameter(property = "jpamigrate.password")
    String password;

    /** The request for the workflows; the database is null when no URL is given. */
    LiveRequest liveRequest() {
        LiveDatabase database = url == null || url.isBlank() ? null : LiveDatabase.of(url, user, password);
        return new LiveRequest(layout(), database, flywaySettings(), targets());
    }
}
