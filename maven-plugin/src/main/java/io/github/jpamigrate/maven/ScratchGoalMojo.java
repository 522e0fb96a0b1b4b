package io.github.jpamigrate.maven;

import io.github.jpamigrate.replay.ShadowDatabase;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that replay migrations on a scratch database ({@code generate}'s self-check, {@code verify}). */
abstract class ScratchGoalMojo extends ChangeGoalMojo {

    /**
     * For PostgreSQL, MariaDB and MySQL: a JDBC URL of a server where the goal may create a
     * uniquely named scratch schema (PostgreSQL) or database (MariaDB, MySQL) and drop it
     * afterwards, even on failure. SQLite and H2 need none. Without it, {@code generate} skips its
     * self-check with a warning and {@code verify}'s replay step fails, naming this parameter.
     * With {@code dialects}, it serves the server vendor its URL names ({@code jdbc:postgresql:} or
     * {@code jdbc:mariadb:}/{@code jdbc:mysql:}); another server vendor in the list is then skipped
     * with a message. On CI, point it at a service container. Example:
     * {@code -Djpamigrate.shadowUrl=jdbc:postgresql://localhost:5432/postgres}.
     */
    @Parameter(property = "jpamigrate.shadowUrl")
    String shadowUrl;

    /** The user for {@code shadowUrl}; it needs the right to create and drop schemas or databases. */
    @Parameter(property = "jpamigrate.shadowUser")
    String shadowUser;

    /** The password for {@code shadowUrl}; better given from {@code settings.xml} or the environment. */
    @Parameter(property = "jpamigrate.shadowPassword")
    String shadowPassword;

    /** The shadow server, or null when none is configured. */
    ShadowDatabase shadow() {
        return shadowUrl == null || shadowUrl.isBlank() ? null
                : new ShadowDatabase(shadowUrl.trim(), shadowUser, shadowPassword);
    }
}
