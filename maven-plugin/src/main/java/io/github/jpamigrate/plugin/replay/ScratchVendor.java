package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs between the servers a scratch database is made on, in one table: how
 * to create, list and drop scratch databases, the JDBC URL of one, how a run marks the ones it
 * owns as alive, and which privilege it needs. {@link ScratchOwner} does the same steps for every
 * vendor with these facts.
 *
 * <p>Liveness: a run <em>claims</em> the name of its scratch database on a connection to the
 * shadow database before creating it and keeps that connection open until after dropping it.
 * The server forgets the claim the moment that connection ends, also when the JVM is killed, so
 * a scratch database whose claim nobody holds is proven abandoned.
 * <ul>
 *   <li>PostgreSQL: the claim is the owner session's {@code application_name}, set to the
 *       database's name. {@code pg_stat_activity} is cluster-wide and shows every session's
 *       {@code application_name} to every user (unlike advisory locks, which are per database
 *       and so invisible to a run whose {@code shadowUrl} names another database).</li>
 *   <li>MariaDB, MySQL: the claim is {@code GET_LOCK(name)}, a server-wide user lock released
 *       when the session ends; {@code IS_FREE_LOCK(name)} tells whether somebody holds it.</li>
 * </ul>
 */
enum ScratchVendor {

    POSTGRESQL {
        @Override
        String databaseUrl(String shadowUrl, String name) {
            if (!shadowUrl.startsWith("jdbc:postgresql://")) {
                // jdbc:postgresql:test?x=y (local host, default port): only the database is named
                int query = shadowUrl.indexOf('?');
                return "jdbc:postgresql:" + name + (query < 0 ? "" : shadowUrl.substring(query));
            }
            return ScratchDatabase.withDatabase(shadowUrl, name);
        }

        @Override
        void claim(Connection owner, String name) throws SQLException {
            try (PreparedStatement p = owner.prepareStatement("select set_config('application_name', ?, false)")) {
                p.setString(1, name);
                p.executeQuery().close();
            }
        }

        @Override
        boolean claimed(Connection c, String name) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(
                    "select count(*) from pg_stat_activity where application_name = ? and pid <> pg_backend_pid()")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            }
        }

        @Override
        List<String> databases(Connection c) throws SQLException {
            return names(c, "select datname from pg_database");
        }

        @Override
        List<String> schemas(Connection c) throws SQLException {
            return names(c, "select nspname from pg_namespace");
        }

        @Override
        void dropDatabase(Connection c, String name, boolean force) throws SQLException {
            try (Statement s = c.createStatement()) {
                if (!force) {
                    s.execute("drop database if exists " + name);
                    return;
                }
                try {
                    s.execute("drop database if exists " + name + " with (force)");
                } catch (SQLException e) {
                    if (!"42601".equals(e.getSQLState())) {
                        throw e;
                    }
                    // before PostgreSQL 13 there is no WITH (FORCE): end the sessions by hand
                    try (PreparedStatement p = c.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
                            + " where datname = ? and pid <> pg_backend_pid()")) {
                        p.setString(1, name);
                        p.executeQuery().close();
                    }
                    s.execute("drop database if exists " + name);
                }
            }
        }

        @Override
        void dropSchema(Connection c, String name) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + name + " cascade");
            }
        }

        @Override
        boolean mayNotCreate(SQLException e) {
            return "42501".equals(e.getSQLState());
        }

        @Override
        String privilegeFix(String user) {
            return "ALTER ROLE " + (user == null || user.isBlank() ? "<shadowUser>" : user) + " CREATEDB";
        }

        @Override
        boolean fallsBackToSchema() {
            return true;
        }

        @Override
        Map<String, String> objectsOutsideScratch(Connection c) throws SQLException {
            String outside = " n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'"
                    + " and n.nspname not like 'pg\\_temp%' and n.nspname not like 'jm\\_scratch\\_%'";
            // each row: how a message names it, and how to drop it (null when another user owns it)
            String relationKind = "case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view'"
                    + " when 'm' then 'materialized view' when 'S' then 'sequence' when 'f' then 'foreign table'"
                    + " when 'c' then 'type' else 'index' end";
            String routineKind = "case p.prokind when 'a' then 'aggregate' when 'p' then 'procedure' else 'function' end";
            Map<String, String> objects = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                read(s, "select 'extension ' || e.extname, case when e.extowner = (select oid from pg_roles where rolname"
                        + " = current_user) then format('drop extension if exists %I cascade', e.extname) end"
                        + " from pg_extension e", objects);
                read(s, "select 'schema ' || n.nspname, case when pg_get_userbyid(n.nspowner) = current_user then"
                        + " format('drop schema if exists %I cascade', n.nspname) end from pg_namespace n where" + outside,
                        objects);
                read(s, "select n.nspname || '.' || c.relname || ' (' || " + relationKind + " || ')', case when"
                        + " pg_get_userbyid(c.relowner) = current_user then format('drop %s if exists %I.%I cascade', "
                        + relationKind + ", n.nspname, c.relname) end from pg_class c join pg_namespace n"
                        + " on n.oid = c.relnamespace where c.relkind <> 't' and" + outside, objects);
                read(s, "select n.nspname || '.' || t.typname || ' (type)', case when pg_get_userbyid(t.typowner)"
                        + " = current_user then format('drop %s if exists %I.%I cascade', case t.typtype when 'd' then"
                        + " 'domain' else 'type' end, n.nspname, t.typname) end from pg_type t join pg_namespace n"
                        + " on n.oid = t.typnamespace where t.typtype in ('e', 'd', 'r', 'm') and" + outside, objects);
                read(s, "select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)"
                        + " || ') (' || " + routineKind + " || ')', case when pg_get_userbyid(p.proowner) = current_user"
                        + " then format('drop %s if exists %I.%I(%s) cascade', " + routineKind + ", n.nspname, p.proname,"
                        + " pg_get_function_identity_arguments(p.oid)) end from pg_proc p join pg_namespace n"
                        + " on n.oid = p.pronamespace where" + outside, objects);
            }
            return objects;
        }
    },

    MARIADB {
        @Override
        String databaseUrl(String shadowUrl, String name) {
            return ScratchDatabase.withDatabase(shadowUrl, name);
        }

        @Override
        void claim(Connection owner, String name) throws SQLException {
            try (PreparedStatement p = owner.prepareStatement("select get_lock(?, 0)")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw new SQLException("the lock " + name + " is held by another session");
                    }
                }
            }
        }

        @Override
        boolean claimed(Connection c, String name) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("select is_free_lock(?)")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return !(rs.next() && rs.getInt(1) == 1 && !rs.wasNull());
                }
            }
        }

        @Override
        List<String> databases(Connection c) throws SQLException {
            return names(c, "select schema_name from information_schema.schemata");
        }

        @Override
        List<String> schemas(Connection c) {
            return List.of();
        }

        @Override
        void dropDatabase(Connection c, String name, boolean force) throws SQLException {
            try (Statement s = c.createStatement()) {
                if (force) {
                    // a killed client's statement may still run and hold a metadata lock: end it
                    // (without the PROCESS privilege only the user's own sessions are listed)
                    List<Long> sessions = new ArrayList<>();
                    try (PreparedStatement p = c.prepareStatement("select id from information_schema.processlist"
                            + " where db = ? and id <> connection_id()")) {
                        p.setString(1, name);
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                sessions.add(rs.getLong(1));
                            }
                        }
                    }
                    for (long id : sessions) {
                        try {
                            s.execute("kill " + id);
                        } catch (SQLException gone) {
                            // ended by itself meanwhile
                        }
                    }
                    s.execute("set session lock_wait_timeout = 30");
                }
                s.execute("drop database if exists " + name);
            }
        }

        @Override
        void dropSchema(Connection c, String name) {
            throw new UnsupportedOperationException("a MariaDB or MySQL scratch database is never a schema");
        }

        @Override
        boolean mayNotCreate(SQLException e) {
            // 1044: access denied for user to database
            return e.getErrorCode() == 1044;
        }

        @Override
        String privilegeFix(String user) {
            return "GRANT CREATE, DROP ON `jm\\_scratch\\_%`.* TO '" + (user == null || user.isBlank() ? "<shadowUser>" : user)
                    + "'@'%'";
        }

        @Override
        boolean fallsBackToSchema() {
            return false;
        }

        @Override
        Map<String, String> objectsOutsideScratch(Connection c) {
            return Map.of();
        }
    };

    static ScratchVendor of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> POSTGRESQL;
            case MARIADB, MYSQL -> MARIADB;
            default -> throw new IllegalArgumentException(dialect.id() + " needs no shadowUrl: its scratch database is embedded");
        };
    }

    /** The JDBC URL of database {@code name} on the server of {@code shadowUrl}: same host, port and parameters. */
    abstract String databaseUrl(String shadowUrl, String name);

    /** Marks {@code name} as owned by the session {@code owner} until that session ends. */
    abstract void claim(Connection owner, String name) throws SQLException;

    /** Whether some other live session holds the claim on {@code name}. */
    abstract boolean claimed(Connection c, String name) throws SQLException;

    /** Every database on the server. */
    abstract List<String> databases(Connection c) throws SQLException;

    /** Every schema of the connected database (none where a schema is a database). */
    abstract List<String> schemas(Connection c) throws SQLException;

    /** Drops the database; {@code force} first ends the sessions still connected to it. */
    abstract void dropDatabase(Connection c, String name, boolean force) throws SQLException;

    abstract void dropSchema(Connection c, String name) throws SQLException;

    /** Whether {@code e} says the user lacks the privilege to create a database. */
    abstract boolean mayNotCreate(SQLException e);

    /** The statement an administrator runs to let {@code user} create scratch databases. */
    abstract String privilegeFix(String user);

    /** Whether a user who may not create databases may still replay in a scratch schema (checked for leaks). */
    abstract boolean fallsBackToSchema();

    /**
     * The objects of the connected database outside every scratch schema, to spot what a replay
     * leaked: how a message names each, and the statement that drops it, or null when another
     * user owns it.
     */
    abstract Map<String, String> objectsOutsideScratch(Connection c) throws SQLException;

    private static List<String> names(Connection c, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void read(Statement s, String query, Map<String, String> into) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                into.put(rs.getString(1), rs.getString(2));
            }
        }
    }
}
