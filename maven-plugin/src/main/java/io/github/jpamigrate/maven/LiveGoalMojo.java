package io.github.jpamigrate.maven;

import io.github.jpamigrate.live.LiveDatabase;
import io.github.jpamigrate.workflow.LiveRequest;
import io.github.jpamigrate.workflow.MigrationTargets;
import io.github.jpamigrate.workflow.VerifyRequest;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

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

    /**
     * The database the migrations are written for, as {@code generate} has it: {@code sqlite},
     * {@code postgresql}, {@code mariadb}, {@code mysql} or {@code h2}, with the migrations in the
     * migration folder itself. Set it where {@code generate}'s is set (the plugin's configuration).
     * Default: {@code sqlite}.
     */
    @Parameter(property = "jpamigrate.dialect")
    String dialect;

    /**
     * The databases of the vendor layout, as {@code generate} has them (one subfolder of the
     * migration folder per vendor). The goal reads the folder of the URL's vendor
     * ({@code db/migration/postgresql/} for a {@code jdbc:postgresql:} URL; {@code mysql/} for
     * MariaDB and MySQL) and fails when that vendor is not listed. Without a URL, {@code status}
     * lists every vendor's folder. Instead of {@code dialect}, not with it.
     * Example: {@code -Djpamigrate.dialects=postgresql,h2}.
     */
    @Parameter(property = "jpamigrate.dialects")
    List<String> dialects;

    /** The request for the workflows; the database is null when no URL is given. */
    LiveRequest liveRequest() {
        LiveDatabase database = url == null || url.isBlank() ? null : LiveDatabase.of(url, user, password);
        return new LiveRequest(layout(), database, flywaySettings(), targets());
    }

    private MigrationTargets targets() {
        return MigrationTargets.parse(dialect, dialects);
    }

    /** With {@code dialects}, each vendor's folder ({@code {vendor}} stands for it). */
    @Override
    List<String> defaultFlywayLocations() {
        return VerifyRequest.defaultFlyway(layout(), targets()).locations();
    }
}
