package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table that refuses the generated rows is left empty, with the database's own words for its
 * first refused row (not a batch's wrapper message), its children are refused in turn, and every
 * other table keeps its rows: on PostgreSQL, where a refused statement aborts the transaction,
 * as on SQLite, where it does not.
 */
class SeedRowsRefusedTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aRefusingTableIsLeftEmptyWithTheDatabasesReasonAndTheOthersKeepTheirRows(Dialect dialect) throws Exception {
        try (ScratchDatabase db = dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir) : TestServers.scratch(dialect)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("create table alpha (id bigint primary key, label varchar(20))");
                s.execute("create table priced (id bigint primary key, price integer constraint price_floor check (price > 100))");
                s.execute("create table line (id bigint primary key, priced_id bigint references priced (id))");
                s.execute("create table omega (id bigint primary key, alpha_id bigint references alpha (id))");
                // more tables than share a savepoint, so that groups that take their rows come before and after
                for (int i = 0; i < 60; i++) {
                    s.execute("create table extra_" + i + " (id bigint primary key, note varchar(20))");
                }
            }
            String refusal;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                // the database's words for the first generated row of priced (id 1, price 1)
                refusal = assertRefused(s, "insert into priced (id, price) values (1, 1)");
            }
            try (Connection c = db.connect()) {
                SchemaModel read = new SchemaReader(dialect, Set.of()).read(c, null);
                SeedRows seeder = new SeedRows(read, dialect);

                List<String> taking = new ArrayList<>(List.of("alpha", "omega"));
                IntStream.range(0, 60).forEach(i -> taking.add("extra_" + i));
                assertThat(seeder.seed(c, read.tables())).containsOnlyKeys(taking).containsValues(SeedRows.ROWS);
                assertThat(seeder.notes()).hasSize(2);
                assertThat(seeder.notes().get(0)).isEqualTo("table priced was left empty: generated rows were refused ("
                        + refusal + ")");
                assertThat(seeder.notes().get(1)).startsWith("table line was left empty: generated rows were refused (");
                assertThat(c.getAutoCommit()).isTrue();
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertThat(count(s, "alpha")).isEqualTo(SeedRows.ROWS);
                assertThat(count(s, "omega")).isEqualTo(SeedRows.ROWS);
                assertThat(count(s, "priced")).isZero();
                assertThat(count(s, "line")).isZero();
                assertThat(count(s, "extra_0") + count(s, "extra_59")).isEqualTo(2 * SeedRows.ROWS);
            }
        }
    }

    private static String assertRefused(Statement s, String insert) {
        try {
            s.executeUpdate(insert);
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("the check constraint took " + insert);
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
