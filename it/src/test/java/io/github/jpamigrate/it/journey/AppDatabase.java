package io.github.jpamigrate.it.journey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database of the application in a journey: the generated migrations are applied to it with
 * the Flyway API, as the application does at start-up, and the test reads and writes its rows
 * with plain JDBC.
 */
final class AppDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private AppDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** A SQLite file with foreign keys ON on every connection, as a Spring Boot application configures it. */
    static AppDatabase sqlite(Path file) {
        return new AppDatabase("jdbc:sqlite:" + file + "?foreign_keys=true", null, null, null);
    }

    /** A server database; {@code schema} (PostgreSQL) is where Flyway puts the tables, or null. */
    static AppDatabase server(String url, String user, String password, String schema) {
        return new AppDatabase(url, user, password, schema);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Applies the pending migrations of {@code folder}; returns how many ran. */
    int migrate(Path folder) {
        var configuration = Flyway.configure(AppDatabase.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("filesystem:" + folder);
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema);
        }
        MigrateResult result = configuration.load().migrate();
        return result.migrationsExecuted;
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The first column of the first row, as text (null for SQL NULL). */
    String query(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("No row from: " + sql);
            }
            return rows.getString(1);
        }
    }

    /** Every row of {@code sql}, each as its columns' text joined with {@code |}. */
    List<String> rows(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        }
    }

    /**
     * SQLite only: the structure of every table but Flyway's history, read through SQLite's
     * pragmas (columns, foreign keys with their ON DELETE action, indexes), so that two states
     * compare structurally: a table rebuild stores its {@code CREATE TABLE} text with a quoted
     * name, the same table all the same.
     */
    Map<String, List<String>> sqliteSchema() throws SQLException {
        Map<String, List<String>> schema = new LinkedHashMap<>();
        for (String table : sqliteTables()) {
            String quoted = "'" + table + "'";
            List<String> parts = new ArrayList<>(rows("select 'column ' || name || ' ' || type || ' notnull=' || \"notnull\""
                    + " || ' default=' || coalesce(dflt_value, '') || ' pk=' || pk from pragma_table_info(" + quoted + ") order by cid"));
            parts.addAll(rows("select 'foreign key ' || \"from\" || ' -> ' || \"table\" || '(' || coalesce(\"to\", '') || ')'"
                    + " || ' on delete ' || on_delete from pragma_foreign_key_list(" + quoted + ") order by 1"));
            parts.addAll(rows("select 'index unique=' || il.\"unique\" || ' origin=' || il.origin || ' on '"
                    + " || (select group_concat(ii.name) from pragma_index_info(il.name) ii)"
                    + " from pragma_index_list(" + quoted + ") il order by 1"));
            schema.put(table, parts);
        }
        return schema;
    }

    /** SQLite only: every row of every table but Flyway's history, in primary-key order. */
    Map<String, List<String>> sqliteRows() throws SQLException {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (String table : sqliteTables()) {
            contents.put(table, rows("select * from \"" + table + "\" order by 1, 2"));
        }
        return contents;
    }

    private List<String> sqliteTables() throws SQLException {
        return rows("select name from sqlite_schema where type = 'table'"
                + " and name not like 'flyway%' and name not like 'sqlite%' order by name");
    }
}
