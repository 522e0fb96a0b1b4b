package io.github.jpamigrate.plugin.maven;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals given a database by URL: {@code check-db} and {@code status} read it (over a read-only
 * connection), {@code migrate} and {@code undo} change it. None of them picks a database by itself.
 */
abstract class DatabaseGoalMojo extends JpaMigrateMojo {

    /**
     * The JDBC URL of the database, e.g. production's, staging's or a developer's. The dialect
     * follows from it: {@code jdbc:sqlite:}, {@code jdbc:h2:}, {@code jdbc:postgresql:},
     * {@code jdbc:mariadb:}, {@code jdbc:mysql:}. {@code check-db} and {@code status} only read
     * it, over a read-only connection; {@code migrate} and {@code undo} change it. Example:
     * {@code -Djpamigrate.url=jdbc:postgresql://db.internal:5432/shop}.
     */
    @Parameter(property = "jpamigrate.url")
    String url;

    /**
     * The user to connect as: a read-only account is enough for {@code check-db} and {@code status};
     * {@code migrate} and {@code undo} need the rights the migrations need. Default: none.
     */
    @Parameter(property = "jpamigrate.user")
    String user;

    /**
     * The password for {@code url}. It never appears in the log or in messages; prefer passing it
     * from the environment ({@code -Djpamigrate.password="$DB_PASSWORD"}) over writing it in the POM.
     */
    @Parameter(property = "jpamigrate.password")
    String password;
}
