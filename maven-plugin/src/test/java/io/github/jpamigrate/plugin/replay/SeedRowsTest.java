package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The row counts and the foreign key check that {@code verify}'s data step reads after a migration. */
class SeedRowsTest {

    @TempDir
    Path dir;

    @Test
    void countsTheRowsOfATableWhoseNameNeedsQuoting() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:seedrows;DB_CLOSE_DELAY=-1");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE \"order\" (id INT PRIMARY KEY)");
            sql.execute("INSERT INTO \"order\" VALUES (1), (2), (3)");

            assertThat(SeedRows.count(sql, Dialect.H2, "order")).isEqualTo(3);
        }
    }

    /** The data step's counts for a thousand tables come a hundred tables a query; each table gets its own count. */
    @Test
    void countsManyTablesAHundredAQueryEachItsOwn() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:seedcounts;DB_CLOSE_DELAY=-1");
             Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            Map<String, Long> expected = new LinkedHashMap<>();
            for (int i = 0; i < 230; i++) {
                String table = i == 117 ? "order" : "t_" + i;
                sql.execute("CREATE TABLE \"" + table + "\" (id INT PRIMARY KEY)");
                for (int row = 0; row < i % 5; row++) {
                    sql.execute("INSERT INTO \"" + table + "\" VALUES (" + row + ")");
                }
                tables.add(table);
                expected.put(table, (long) (i % 5));
            }

            assertThat(SeedRows.counts(sql, Dialect.H2, tables)).containsExactlyEntriesOf(expected);
            assertThat(SeedRows.counts(sql, Dialect.H2, List.of())).isEmpty();
        }
    }

    @Test
    void findsTheRowsOfSqliteWhoseParentIsGone() throws Exception {
        // Foreign keys are off on a plain SQLite connection, so an orphan can be inserted as a rebuild leaves one.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("orphans.db"));
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY)");
            sql.execute("CREATE TABLE purchase (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer (id))");
            sql.execute("INSERT INTO customer VALUES (1)");
            sql.execute("INSERT INTO purchase VALUES (10, 1), (11, 2)");

            assertThat(SeedRows.brokenReferences(sql))
                    .containsExactly(new SeedRows.BrokenReference("purchase", 11, "customer"));
            assertThat(SeedRows.count(sql, Dialect.SQLITE, "purchase")).isEqualTo(2);
        }
    }
}
