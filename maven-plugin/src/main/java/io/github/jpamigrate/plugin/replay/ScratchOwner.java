package io.github.jpamigrate.plugin.replay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run's scratch database on a server, from its creation to its drop, whatever ends the run:
 * <ol>
 *   <li>Opens the <em>owner session</em> on the {@code shadowUrl} and keeps it for the whole run.</li>
 *   <li>Drops what earlier runs left: every database (PostgreSQL: also every schema of the
 *       shadow database) named {@value #OWNED_PREFIX}... whose claim no live session holds — a run
 *       killed with {@code kill -9} never got to drop its own. Those are dropped even while a
 *       statement of the dead run still runs in them ({@code WITH (FORCE)}, {@code KILL}).</li>
 *   <li>Claims its own new name on the owner session ({@link ScratchVendor}: PostgreSQL's
 *       {@code application_name}, MariaDB's {@code GET_LOCK}), then creates the database. A name
 *       that is claimed is never dropped by another run, so builds sharing one server (CI) leave
 *       each other alone.</li>
 *   <li>Drops it on {@link #drop()} (success or failure), or from a JVM shutdown hook (Ctrl-C),
 *       then ends the owner session, which releases the claim.</li>
 * </ol>
 * A PostgreSQL user without {@code CREATEDB} gets a scratch schema in the shadow database instead;
 * a schema does not contain migrations that name {@code public.} or empty the {@code search_path},
 * so the objects outside every scratch schema are listed before the replay and compared after it
 * ({@link #leaked()}), and a replay that created any fails, naming them and {@code CREATEDB}.
 */
final class ScratchOwner {

    /**
     * The names this version creates and may drop when their run is gone. Scratch names of earlier
     * versions ({@code jm_scratch_} and 16 hex digits) had no owner session and are never touched.
     */
    static final String OWNED_PREFIX = ScratchDatabase.NAME_PREFIX + "run_";

    /** How many leaked objects a message names; the rest are counted. */
    private static final int SHOWN_LEAKS = 12;

    private final ScratchVendor vendor;
    private final String shadowUrl;
    private final String password;
    private final Connection owner;
    private final String name;
    private final boolean schema;
    private final String url;
    private final Map<String, String> before;
    private final List<String> swept;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread hook;

    private ScratchOwner(ScratchVendor vendor, String shadowUrl, String password, Connection owner, String name,
                         boolean schema, String url, Map<String, String> before, List<String> swept) {
        this.vendor = vendor;
        this.shadowUrl = shadowUrl;
        this.password = password;
        this.owner = owner;
        this.name = name;
        this.schema = schema;
        this.url = url;
        this.before = before;
        this.swept = swept;
        this.hook = new Thread(this::dropOnExit, "jpa-migrate scratch " + name + " cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Sweeps abandoned scratch databases, then creates this run's own.
     *
     * @throws ReplayException when the server cannot be reached or the user may not create what
     *                         the run needs; the message names the privilege, never the password
     */
    static ScratchOwner create(ScratchVendor vendor, String shadowUrl, String user, String password) {
        Connection owner;
        try {
            owner = DriverManager.getConnection(shadowUrl, user, password);
        } catch (SQLException e) {
            // The driver's exception is not kept as the cause: its text and stack may carry the password.
            throw new ReplayException(JdbcSecrets.redact("cannot connect to the shadowUrl " + shadowUrl
                    + (user == null ? "" : " as " + user) + ", " + ConnectionFailure.describe(shadowUrl, password, e)
                    + " If the server is up: check the URL, user and password (shadowUrl, shadowUser, shadowPassword).",
                    shadowUrl, password), null);
        }
        String name = OWNED_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            List<String> swept = sweep(vendor, owner);
            vendor.claim(owner, name);
            try (Statement s = owner.createStatement()) {
                s.execute("create database " + name);
                return new ScratchOwner(vendor, shadowUrl, password, owner, name, false, vendor.databaseUrl(shadowUrl, name),
                        Map.of(), swept);
            } catch (SQLException e) {
                if (!vendor.mayNotCreate(e)) {
                    throw e;
                }
                if (!vendor.fallsBackToSchema()) {
                    throw new ReplayException(JdbcSecrets.redact("the shadow user " + shown(user) + " may not create the"
                            + " scratch database " + name + " on " + hostOf(shadowUrl) + " (" + e.getMessage() + "); let it"
                            + " create and drop databases named " + ScratchDatabase.NAME_PREFIX + "...: " + vendor.privilegeFix(user),
                            shadowUrl, password), null);
                }
            }
            Map<String, String> before = vendor.objectsOutsideScratch(owner);
            try (Statement s = owner.createStatement()) {
                s.execute("create schema " + name);
            } catch (SQLException e) {
                throw new ReplayException(JdbcSecrets.redact("the shadow user " + shown(user) + " may neither create a"
                        + " scratch database on " + hostOf(shadowUrl) + " nor a scratch schema in its database "
                        + databaseOf(shadowUrl) + " (" + e.getMessage() + "); give it CREATEDB: " + vendor.privilegeFix(user),
                        shadowUrl, password), null);
            }
            String url = shadowUrl + (shadowUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
            return new ScratchOwner(vendor, shadowUrl, password, owner, name, true, url, before, swept);
        } catch (SQLException e) {
            closeQuietly(owner);
            throw new ReplayException(JdbcSecrets.redact("cannot create the scratch database " + name + " through the"
                    + " shadowUrl " + shadowUrl + ": " + e.getMessage() + "; the shadow user needs the right to create and"
                    + " drop databases (" + vendor.privilegeFix(user) + ")", shadowUrl, password), null);
        } catch (RuntimeException e) {
            closeQuietly(owner);
            throw e;
        }
    }

    /** Drops every owned scratch database (and schema) whose run is gone; best effort, never fails the run. */
    private static List<String> sweep(ScratchVendor vendor, Connection c) throws SQLException {
        List<String> swept = new ArrayList<>();
        for (String database : vendor.databases(c)) {
            if (database.startsWith(OWNED_PREFIX) && !vendor.claimed(c, database)) {
                try {
                    vendor.dropDatabase(c, database, true);
                    swept.add(database);
                } catch (SQLException e) {
                    // another user's (PostgreSQL: only the owner may drop it), or gone meanwhile
                }
            }
        }
        for (String schema : vendor.schemas(c)) {
            if (schema.startsWith(OWNED_PREFIX) && !vendor.claimed(c, schema)) {
                try {
                    vendor.dropSchema(c, schema);
                    swept.add(schema);
                } catch (SQLException e) {
                    // as above
                }
            }
        }
        return swept;
    }

    String url() {
        return url;
    }

    String name() {
        return name;
    }

    /** What an earlier, dead run had left and this one dropped before creating its own. */
    List<String> swept() {
        return swept;
    }

    /** Which isolation the run got, e.g. {@code scratch database jm_scratch_run_… on 127.0.0.1:5432}. */
    String describe() {
        return schema
                ? "scratch schema " + name + " in the shadow database " + databaseOf(shadowUrl) + " on " + hostOf(shadowUrl)
                        + ", as the shadow user may not create databases"
                : "scratch database " + name + " on " + hostOf(shadowUrl);
    }

    /**
     * What the replay created outside the scratch schema (empty for a scratch database, which
     * holds everything a migration can create except server-wide roles).
     */
    List<String> leaked() {
        try {
            return List.copyOf(leakedObjects().keySet());
        } catch (SQLException e) {
            return List.of("(could not list the objects of the shadow database: "
                    + JdbcSecrets.redact(e.getMessage(), shadowUrl, password) + ")");
        }
    }

    /** The objects that appeared outside the scratch schemas since the run began, with their drop statements. */
    private Map<String, String> leakedObjects() throws SQLException {
        if (!schema) {
            return Map.of();
        }
        Map<String, String> now = new LinkedHashMap<>(vendor.objectsOutsideScratch(owner));
        now.keySet().removeAll(before.keySet());
        return now;
    }

    /**
     * Drops what the replay leaked into the shadow database, as far as the shadow user owns it:
     * objects that appeared during the run outside every scratch schema. Another build replaying
     * in the same shadow database at the same time could have made some of them, but such a build
     * leaks too and fails the same way; what migrations changed in objects that were already there
     * (an added column, rows) cannot be seen, and stays.
     */
    private void dropLeaked() {
        try {
            for (String drop : leakedObjects().values()) {
                if (drop == null) {
                    continue;
                }
                try (Statement s = owner.createStatement()) {
                    s.execute(drop);
                } catch (SQLException e) {
                    // gone with an earlier CASCADE, or not ours after all: it stays named in the run's failure
                }
            }
        } catch (SQLException e) {
            // the run's failure already names what leaked
        }
    }

    /** The sentence that tells what {@link #leaked()} means and how to avoid it. */
    String leakAdvice(String user) {
        List<String> leaked = leaked();
        String shown = String.join(", ", leaked.subList(0, Math.min(leaked.size(), SHOWN_LEAKS)))
                + (leaked.size() > SHOWN_LEAKS ? " and " + (leaked.size() - SHOWN_LEAKS) + " more" : "");
        return "the migrations created objects outside the scratch schema " + name + ", in the shadow database "
                + databaseOf(shadowUrl) + " itself: " + shown + ". A scratch schema cannot isolate"
                + " migrations that name their schema (public.) or change the search_path; the run drops those objects"
                + " again as it ends (those another user owns stay). Let the shadow user create a scratch database per"
                + " run instead: "
                + vendor.privilegeFix(user);
    }

    /**
     * Drops the scratch database (or schema) and ends the owner session; once, whoever calls first
     * (the run, or the shutdown hook on Ctrl-C).
     */
    void drop() throws SQLException {
        try {
            dropOnce(false);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down: the hook runs anyway and finds nothing left to do
            }
        }
    }

    /** The JVM is exiting (Ctrl-C): a statement of this run may still be running in the database, so end it. */
    private void dropOnExit() {
        try {
            dropOnce(true);
        } catch (SQLException e) {
            // The JVM is exiting; the next run drops what is left, since nobody holds its claim.
        }
    }

    private void dropOnce(boolean force) throws SQLException {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (schema) {
                dropLeaked();
                vendor.dropSchema(owner, name);
            } else if (force) {
                vendor.dropDatabase(owner, name, true);
            } else {
                try {
                    vendor.dropDatabase(owner, name, false);
                } catch (SQLException inUse) {
                    // still connected (Ctrl-C during a statement, a connection not closed): it is ours, so end them
                    vendor.dropDatabase(owner, name, true);
                }
            }
        } finally {
            closeQuietly(owner);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }

    private static String shown(String user) {
        return user == null || user.isBlank() ? "(from the URL)" : user;
    }

    /** {@code host:port} of a JDBC URL, without user and password. */
    static String hostOf(String jdbcUrl) {
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return "localhost";
        }
        String rest = jdbcUrl.substring(start + 2);
        int end = rest.length();
        for (char stop : new char[] {'/', '?', ';'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String host = rest.substring(0, end);
        return host.substring(host.lastIndexOf('@') + 1);
    }

    /** The database a JDBC URL names, or {@code (default)}. */
    static String databaseOf(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        int start = base.indexOf("//");
        int slash = base.indexOf('/', start < 0 ? 0 : start + 2);
        if (start < 0) {
            int colon = base.lastIndexOf(':');
            return base.substring(colon + 1);
        }
        return slash < 0 || slash == base.length() - 1 ? "(default)" : base.substring(slash + 1);
    }
}
