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
import java.util.List;
import java.util.UUID;

/**
 * A database this tool may fill and throw away, removed again on {@link #close()}:
 * <ul>
 *   <li>SQLite: a fresh file under the build directory, opened with foreign keys ON as an
 *       application would;</li>
 *   <li>H2: a private in-memory database;</li>
 *   <li>PostgreSQL, MariaDB, MySQL: a uniquely named database created through a
 *       {@code shadowUrl}, a server the user lets this tool create and drop databases on
 *       ({@link #onServer}); PostgreSQL without {@code CREATEDB}: a schema, checked for leaks.</li>
 * </ul>
 */
public final class ScratchDatabase implements AutoCloseable {

    /** Every scratch schema or database starts with this, so a left-over one is easy to spot. */
    public static final String NAME_PREFIX = "jm_scratch_";

    private final Dialect dialect;
    private final String url;
    private final String user;
    private final String password;
    private final String isolation;
    private final ScratchOwner owner;
    private final Cleanup cleanup;

    /** What {@link #close()} does to throw the database away. */
    private interface Cleanup {
        void run() throws Exception;
    }

    private ScratchDatabase(Dialect dialect, String url, String user, String password, String isolation,
                            ScratchOwner owner, Cleanup cleanup) {
        this.dialect = dialect;
        this.url = url;
        this.user = user;
        this.password = password;
        this.isolation = isolation;
        this.owner = owner;
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
                "a scratch SQLite file", null, () -> deleteSqliteFiles(file));
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
        return new ScratchDatabase(Dialect.H2, url, null, null, "a private in-memory H2 database", null, () -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        });
    }

    /**
     * A new empty database on the server of {@code shadowUrl} (PostgreSQL, MariaDB, MySQL), dropped
     * with everything in it on {@link #close()}, on Ctrl-C, or by the next run when this one is
     * killed; see {@link ScratchOwner} for the rules and {@link ScratchVendor} for each vendor's
     * part. A PostgreSQL user without {@code CREATEDB} gets a scratch schema in the shadow database,
     * and a replay that leaks out of it fails ({@link #checkIsolation()}).
     *
     * @throws ReplayException when the server cannot be reached or refuses to create it; the
     *                         message names the privilege needed
     */
    public static ScratchDatabase onServer(Dialect dialect, String shadowUrl, String user, String password) {
        ScratchOwner owner = ScratchOwner.create(ScratchVendor.of(dialect), shadowUrl, user, password);
        return new ScratchDatabase(dialect, owner.url(), user, password, owner.describe(), owner, owner::drop);
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

    /**
     * Where the run replays, for the goals' output: {@code scratch database jm_scratch_run_… on
     * 127.0.0.1:5432}, {@code scratch schema … in the shadow database test on …}, {@code a scratch
     * SQLite file}, {@code a private in-memory H2 database}.
     */
    public String describe() {
        return isolation;
    }

    /**
     * {@code " (replayed on scratch database jm_scratch_run_… on 127.0.0.1:5432)"} for a server,
     * empty for SQLite and H2: appended to a goal's "on a scratch PostgreSQL database".
     */
    public String isolationNote() {
        return owner == null ? "" : " (replayed on " + isolation + ")";
    }

    /** The scratch databases of dead runs this one dropped before creating its own (servers only). */
    public List<String> sweptLeftovers() {
        return owner == null ? List.of() : owner.swept();
    }

    /**
     * Proves that what ran in this database stayed in it: a no-op except for a PostgreSQL scratch
     * schema (the fallback for a user without {@code CREATEDB}), where objects that appeared
     * outside every scratch schema of the shadow database mean the replay was not isolated.
     *
     * @throws ReplayException naming the leaked objects and the privilege that avoids the fallback
     */
    public void checkIsolation() {
        if (owner != null && !owner.leaked().isEmpty()) {
            throw new ReplayException(owner.leakAdvice(user), null);
        }
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
            throw new ReplayException(JdbcSecrets.redact("could not drop the " + isolation + ": " + e.getMessage()
                    + "; the next run drops it, or drop it by hand", url, password), null);
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
