package io.github.jpamigrate.plugin.replay;

import java.util.Objects;

/**
 * A PostgreSQL, MariaDB or MySQL server this tool may create and drop scratch databases on, given as {@code <shadowUrl>}, {@code <shadowUser>} and {@code <shadowPassword>}.
 * On CI it is usually a service container, e.g. GitHub Actions
 * {@code services: postgres: image: postgres:17} with
 * {@code -Djpamigrate.shadowUrl=jdbc:postgresql://localhost:5432/postgres -Djpamigrate.shadowUser=postgres}.
 * Never point it at a server whose data matters: only the scratch databases are touched, but the
 * user needs the right to create and drop databases (PostgreSQL: {@code CREATEDB}; without it,
 * a scratch schema in the shadow database, see {@link ScratchOwner}).
 *
 * @param url      JDBC URL of a database on the server, e.g. {@code jdbc:mariadb://localhost:3306/test}
 * @param user     user name, or null when the URL carries it
 * @param password password, or null
 */
public record ShadowDatabase(String url, String user, String password) {

    /** The shadow server a goal's {@code shadowUrl} names, or null when it names none (unset or blank). */
    public static ShadowDatabase of(String url, String user, String password) {
        return url == null || url.isBlank() ? null : new ShadowDatabase(url.strip(), user, password);
    }

    public ShadowDatabase {
        Objects.requireNonNull(url, "url");
    }
}
