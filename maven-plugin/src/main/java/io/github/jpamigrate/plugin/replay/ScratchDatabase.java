package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database this tool may fill and throw away, removed again on {@link #close()}:
 * <ul>
 *   <li>SQLite: a fresh file under the build directory, opened with foreign keys ON as an
 *       application would;</li>
 *   <li>H2: a private in-memory database;</li>
 *   <li>PostgreSQL, MariaDB, MySQL: a uniquely named schema (PostgreSQL) or database (MariaDB,
 *       MySQL) created through a {@code shadowUrl}, a server the user lets this tool create and
 *       drop objects in.</li>
 * </ul>
 */
public final class ScratchDatabase implements AutoCloseable {

    /** Every scratch schema or database starts with this, so a left-over one is easy to spot. */
    public static final String NAME_PREFIX = "jm_scratch_";

    private final Dialect dialect;
    private final String url;
    private final String user;
    private final String password;
    private final Cleanup cleanup;

    /** What {@link #close()} does to throw the database away. */
    private interface Cleanup {
        void run() throws Exception;
    }

    private ScratchDatabase(Dialect dialect, String url, String user, String password, Cleanup cleanup) {
        this.dialect = dialect;
        this.url = url;
        this.user = user;
        this.password = password;
        this.cleanup = cleanup;
    }

    /** A new empty SQLite database file in {@code directory} (created if missing). */
    public static ScratchDatabase sqlite(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scratch directory " + directory, e);
        }
        Path file = directory.resolve("scratch-" + UUID.randomUUID() + ".db");
        return new ScratchDatabase(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath() + "?foreign_keys=true", null, null,
                () -> deleteSqliteFiles(file));
    }

    /** Whether the dialect's engine is a server (PostgreSQL, MariaDB, MySQL), not an embedded one. */
    public static boolean isServer(Dialect dialect) {
        return !dialect.embedded();
    }

    /**
     * Whether a scratch database of the dialect needs a {@link ShadowDatabase}: the servers do,
     * except PostgreSQL when the project added the embedded PostgreSQL to the plugin's dependencies.
     */
    public static boolean needsShadow(Dialect dialect) {
        return isServer(dialect) && !(dialect == Dialect.POSTGRESQL && EmbeddedPostgresServer.available());
    }

    /**
     * A new scratch database of the dialect: SQLite in {@code directory}, H2 in memory, the others
     * through {@code shadow} (PostgreSQL without one: in the embedded PostgreSQL, when it is there).
     *
     * @throws IllegalArgumentException when the dialect needs a shadow database and none is given
     */
    public static ScratchDatabase of(Dialect dialect, Path directory, ShadowDatabase shadow) {
        if (dialect == Dialect.SQLITE) {
            return sqlite(directory);
        }
        if (dialect == Dialect.H2) {
            return h2();
        }
        if (shadow == null && !needsShadow(dialect)) {
            shadow = EmbeddedPostgresServer.shadow();
        }
        if (shadow == null) {
            throw new IllegalArgumentException("a scratch " + dialect.id() + " database needs a shadowUrl");
        }
        return onServer(dialect, shadow.url(), shadow.user(), shadow.password());
    }

    /** A new private in-memory H2 database, kept while connections come and go until {@link #close()}. */
    public static ScratchDatabase h2() {
        String url = "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1";
        return new ScratchDatabase(Dialect.H2, url, null, null, () -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        });
    }

    /**
     * A new empty schema (PostgreSQL) or database (MariaDB, MySQL) on the server of
     * {@code shadowUrl}, dropped with everything in it on {@link #close()}.
     *
     * @throws ReplayException when the server cannot be reached or refuses to create it
     */
    public static ScratchDatabase onServer(Dialect dialect, String shadowUrl, String user, String password) {
        String name = uniqueName();
        String create;
        String drop;
        String url;
        switch (dialect) {
            case POSTGRESQL -> {
                create = "create schema " + name;
                drop = "drop schema if exists " + name + " cascade";
                url = shadowUrl + (shadowUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
            }
            case MARIADB, MYSQL -> {
                create = "create database " + name;
                drop = "drop database if exists " + name;
                url = withDatabase(shadowUrl, name);
            }
            default -> throw new IllegalArgumentException(dialect.id() + " needs no shadowUrl: its scratch database is embedded");
        }
        try (Connection c = DriverManager.getConnection(shadowUrl, user, password); Statement s = c.createStatement()) {
            s.execute(create);
        } catch (SQLException e) {
            // The driver's exception is not kept as the cause: its text and stack may carry the password.
            throw new ReplayException(JdbcSecrets.redact("cannot create the scratch "
                    + (dialect == Dialect.POSTGRESQL ? "schema " : "database ") + name + " through the shadowUrl "
                    + shadowUrl + ": " + e.getMessage() + "; check the URL, user and password, and that the user may"
                    + " create and drop " + (dialect == Dialect.POSTGRESQL ? "schemas" : "databases"), shadowUrl, password),
                    null);
        }
        return new ScratchDatabase(dialect, url, user, password, () -> {
            try (Connection c = DriverManager.getConnection(shadowUrl, user, password); Statement s = c.createStatement()) {
                s.execute(drop);
            }
        });
    }

    /** {@code jdbc:mariadb://host:3306/test?x=y} with {@code test} replaced (or added). */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        int query = url.indexOf('?');
        int end = query < 0 ? url.length() : query;
        int slash = url.indexOf('/', hostStart < 0 ? 0 : hostStart + 2);
        if (slash < 0 || slash > end) {
            return url.substring(0, end) + "/" + database + url.substring(end);
        }
        return url.substring(0, slash + 1) + database + url.substring(end);
    }

    private static String uniqueName() {
        return NAME_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    /** The user to connect as, or null when the URL needs none. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * @throws ReplayException when a server-side scratch schema or database cannot be dropped;
     *                         the message names it so that it can be dropped by hand
     */
    @Override
    public void close() {
        try {
            cleanup.run();
        } catch (Exception e) {
            throw new ReplayException(JdbcSecrets.redact("could not drop the scratch " + dialect.id() + " database at "
                    + url + ": " + e.getMessage() + "; drop it by hand (its name starts with " + NAME_PREFIX + ")",
                    url, password), null);
        }
    }

    private static void deleteSqliteFiles(Path file) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // A left-over scratch file under target/ is harmless; the next clean removes it.
            }
        }
    }
}
