package io.github.jpamigrate.it.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database servers the tests use, at fixed local addresses with a database named {@code test}.
 * Annotate a test with {@link RequiresDatabase} so that it is skipped (or, on CI, fails) when the
 * server is not running, instead of failing with a connection error.
 */
public enum DatabaseServer {

    POSTGRESQL("PostgreSQL",
            "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5", "postgres", "",
            "docker run -d --rm -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:17"),

    MARIADB("MariaDB",
            "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000", "root", "",
            "docker run -d --rm -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 -e MARIADB_DATABASE=test mariadb:11");

    private final String displayName;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String startCommand;

    DatabaseServer(String displayName, String jdbcUrl, String user, String password, String startCommand) {
        this.displayName = displayName;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.startCommand = startCommand;
    }

    public String displayName() {
        return displayName;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A command that starts a matching server, quoted when a test is skipped or fails for want of one. */
    public String startCommand() {
        return startCommand;
    }

    /** A new connection to the {@code test} database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Creates a scratch schema (PostgreSQL) or database (MariaDB) with a new name that starts with
     * {@code prefix}, so that runs sharing the server never meet; drop it with {@link #dropScratch}.
     */
    public String createScratch(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(this == POSTGRESQL ? "create schema " + name : "create database " + name);
        return name;
    }

    /** The JDBC URL that works inside the scratch schema or database {@code name}. */
    public String scratchUrl(String name) {
        return this == POSTGRESQL ? jdbcUrl + "&currentSchema=" + name : jdbcUrl.replace("/test?", "/" + name + "?");
    }

    /** Drops the scratch schema or database {@code name} with everything in it, if it is there. */
    public void dropScratch(String name) throws SQLException {
        execute(this == POSTGRESQL ? "drop schema if exists " + name + " cascade" : "drop database if exists " + name);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
