package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scratch databases are private, usable by Flyway and gone after close, also when the work in them failed. */
class ScratchDatabaseTest {

    @Test
    void theDatabaseOfAMariaDbUrlIsReplacedOrAdded() {
        assertThat(ScratchDatabase.withDatabase("jdbc:mariadb://h:3306/test?connectTimeout=5", "jm_x"))
                .isEqualTo("jdbc:mariadb://h:3306/jm_x?connectTimeout=5");
        assertThat(ScratchDatabase.withDatabase("jdbc:mysql://h:3306/", "jm_x")).isEqualTo("jdbc:mysql://h:3306/jm_x");
        assertThat(ScratchDatabase.withDatabase("jdbc:mariadb://h:3306", "jm_x")).isEqualTo("jdbc:mariadb://h:3306/jm_x");
        assertThat(ScratchDatabase.withDatabase("jdbc:mariadb://h:3306?useSsl=false", "jm_x"))
                .isEqualTo("jdbc:mariadb://h:3306/jm_x?useSsl=false");
    }

    @Test
    void aPostgresqlScratchDatabaseUrlKeepsHostPortAndParametersAndNamesWhereItIs() {
        assertThat(ScratchVendor.POSTGRESQL.databaseUrl("jdbc:postgresql://db:5433/postgres?sslmode=require&user=ci", "jm_x"))
                .isEqualTo("jdbc:postgresql://db:5433/jm_x?sslmode=require&user=ci");
        assertThat(ScratchVendor.POSTGRESQL.databaseUrl("jdbc:postgresql://h1:5432,h2:5432/test", "jm_x"))
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5432/jm_x");
        assertThat(ScratchVendor.POSTGRESQL.databaseUrl("jdbc:postgresql:test?user=ci", "jm_x"))
                .isEqualTo("jdbc:postgresql:jm_x?user=ci");
        assertThat(ScratchOwner.hostOf("jdbc:postgresql://ci:s3cret@db:5433/postgres?x=1")).isEqualTo("db:5433");
        assertThat(ScratchOwner.hostOf("jdbc:postgresql:test")).isEqualTo("localhost");
        assertThat(ScratchOwner.databaseOf("jdbc:postgresql://db:5433/postgres?x=1")).isEqualTo("postgres");
        assertThat(ScratchOwner.databaseOf("jdbc:mariadb://db:3306/?x=1")).isEqualTo("(default)");
    }

    @Test
    void anH2ScratchDatabaseIsPrivateAndGoneAfterClose() throws SQLException {
        String url;
        try (ScratchDatabase a = ScratchDatabase.h2(); ScratchDatabase b = ScratchDatabase.h2()) {
            url = a.url();
            assertThat(a.url()).isNotEqualTo(b.url());
            try (Connection c = a.connect(); var s = c.createStatement()) {
                s.execute("create table t (id integer)");
            }
            try (Connection c = a.connect(); var s = c.createStatement(); var rs = s.executeQuery("select count(*) from t")) {
                assertThat(rs.next()).as("kept between connections").isTrue();
            }
        }
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select count(*) from t")).isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void aServerScratchIsDroppedEvenWhenTheWorkInItFailed(Dialect dialect) throws Exception {
        String url = null;
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            url = db.url();
            try (Connection c = db.connect(); var s = c.createStatement()) {
                s.execute("create table t (id integer)");
                s.execute("insert into no_such_table values (1)");
            }
        } catch (SQLException expected) {
            assertThat(expected.getMessage()).containsIgnoringCase("no_such_table");
        }
        assertThat(url).contains(ScratchDatabase.NAME_PREFIX);
        String name = url.substring(url.indexOf(ScratchDatabase.NAME_PREFIX)).replaceAll("[?&].*$", "");
        try (Connection c = TestServers.connectToServer(dialect)) {
            ScratchVendor vendor = ScratchVendor.of(dialect);
            assertThat(vendor.databases(c)).as("scratch %s left behind", name).doesNotContain(name);
            assertThat(vendor.schemas(c)).as("scratch %s left behind", name).doesNotContain(name);
        }
    }
}
