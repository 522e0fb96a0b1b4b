package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What exists in a shadow database and on its server, listed before and after a goal to see what
 * the goal left behind: the database's schemas, relations (tables, views, sequences, indexes),
 * functions, types (those an extension brought are left out) and extensions, and the server's roles and the databases named like the
 * plugin's scratch databases ({@code jm_scratch_...}). The shadow database is
 * one this run created for the goal alone, so anything new in it is the goal's; databases and
 * roles are server-wide, and others may create some at the same time (the report says so).
 *
 * @param inDatabase objects of the shadow database, {@code kind name} each
 * @param onServer   databases and roles of the server, {@code kind name} each
 */
record ServerObjects(TreeSet<String> inDatabase, TreeSet<String> onServer) {

    static final String IN_DATABASE = "in the shadow database: ";
    static final String ON_SERVER = "on the server: ";

    private static final String USER_SCHEMAS = "n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'";

    /** Objects an extension brought (its functions, types): the extension itself is listed instead. */
    private static String notOfExtension(String oid) {
        return " and not exists (select 1 from pg_depend d where d.objid = " + oid + " and d.deptype = 'e')";
    }

    static ServerObjects list(PostgresScratch shadow) throws SQLException {
        TreeSet<String> inDatabase = new TreeSet<>();
        try (Connection c = shadow.connect()) {
            add(c, inDatabase, "select 'schema ' || n.nspname from pg_namespace n where " + USER_SCHEMAS);
            add(c, inDatabase, "select 'relation(' || c.relkind::text || ') ' || n.nspname || '.' || c.relname from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where " + USER_SCHEMAS + notOfExtension("c.oid"));
            add(c, inDatabase, "select 'function ' || n.nspname || '.' || p.proname from pg_proc p"
                    + " join pg_namespace n on n.oid = p.pronamespace where " + USER_SCHEMAS + notOfExtension("p.oid"));
            add(c, inDatabase, "select 'type(' || t.typtype::text || ') ' || n.nspname || '.' || t.typname from pg_type t"
                    + " join pg_namespace n on n.oid = t.typnamespace where t.typtype in ('e', 'd', 'r', 'm') and " + USER_SCHEMAS
                    + notOfExtension("t.oid"));
            add(c, inDatabase, "select 'extension ' || extname from pg_extension");
        }
        TreeSet<String> onServer = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(shadow.server())) {
            TreeSet<String> databases = new TreeSet<>();
            add(c, databases, "select datname from pg_database");
            // only the plugin's own scratch databases: this run's and others' scratch databases come and go meanwhile
            databases.stream().filter(d -> d.startsWith(ScratchDatabase.NAME_PREFIX)).map(d -> "database " + d)
                    .forEach(onServer::add);
            add(c, onServer, "select 'role ' || rolname from pg_roles");
        }
        return new ServerObjects(inDatabase, onServer);
    }

    private static void add(Connection c, TreeSet<String> into, String query) throws SQLException {
        try (var s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                into.add(rows.getString(1));
            }
        }
    }

    /** What {@code after} has and this listing had not: in the shadow database, then on the server. */
    List<String> newIn(ServerObjects after) {
        List<String> added = new ArrayList<>();
        after.inDatabase.stream().filter(o -> !inDatabase.contains(o)).map(o -> IN_DATABASE + o).forEach(added::add);
        after.onServer.stream().filter(o -> !onServer.contains(o)).map(o -> ON_SERVER + o).forEach(added::add);
        return added;
    }
}
