package io.github.jpamigrate.fidelity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL server, dropped on close. A database, not a schema: real
 * migrations qualify their tables with {@code public.} and reset {@code search_path}, which a
 * scratch schema would not contain.
 *
 * @param server JDBC URL of a database on the server to create the scratch one from (user in the URL)
 * @param name   the scratch database's unique name
 */
record PostgresScratch(String server, String name) implements AutoCloseable {

    static PostgresScratch create(String server, String purpose) throws SQLException {
        String name = "jm_fidelity_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(server); var s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return new PostgresScratch(server, name);
    }

    /** The scratch database's JDBC URL, with the server URL's parameters (user). */
    String url() {
        int slash = server.indexOf('/', "jdbc:postgresql://".length());
        int query = server.indexOf('?');
        return server.substring(0, slash + 1) + name + (query < 0 ? "" : server.substring(query));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(server); var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
