package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live database is only ever read, and its password never shows. */
class LiveDatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "jdbc:sqlite:/srv/app.db, sqlite",
            "jdbc:h2:./target/app, h2",
            "jdbc:postgresql://db:5432/shop, postgresql",
            "JDBC:MariaDB://db:3306/shop, mariadb",
            "jdbc:mysql://db:3306/shop, mysql"})
    void theDialectFollowsFromTheUrl(String url, String dialect) {
        assertThat(LiveDatabase.dialectOf(url).id()).isEqualTo(dialect);
    }

    @Test
    void anUrlOfAnotherDatabaseIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> LiveDatabase.of("jdbc:oracle:thin:scott/tiger@//db:1521/x?password=hunter2", "u", "p"))
                .isInstanceOf(LiveDatabaseException.class)
                .hasMessageContaining("use a URL starting with jdbc:sqlite:, jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> LiveDatabase.of(" ", null, null)).hasMessageContaining("-Djpamigrate.url=jdbc:");
    }

    @Test
    void passwordsInTheUrlAndGivenAsParameterAreRedacted() {
        LiveDatabase db = LiveDatabase.of("jdbc:mariadb://app:urlpass@db:3306/shop?user=app&password=urlpass2", "app", "s3cret");
        assertThat(db.shownUrl()).isEqualTo("jdbc:mariadb://app:***@db:3306/shop?user=app&password=***");
        assertThat(db.redact("Access denied (using password s3cret)")).isEqualTo("Access denied (using password ***)");
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://127.0.0.1:1/shop?connectTimeout=2&password=urlsecret",
            "jdbc:mariadb://127.0.0.1:1/shop?connectTimeout=2000&password=urlsecret"})
    void aFailedConnectionSaysWhatToCheckAndNeverShowsThePassword(String url) {
        LiveDatabase db = LiveDatabase.of(url, "app", "pw-s3cret");
        assertThatThrownBy(db::connect)
                .isInstanceOf(LiveDatabaseException.class)
                .hasMessageContaining("cannot connect to " + url.replace("urlsecret", "***") + " as app")
                .hasMessageContaining("-Djpamigrate.user and -Djpamigrate.password")
                .hasMessageNotContaining("pw-s3cret").hasMessageNotContaining("urlsecret")
                .hasNoCause();
    }

    @Test
    void aMysqlUrlWithoutTheMariaDbSchemeSaysHowToWriteIt() {
        assertThatThrownBy(() -> LiveDatabase.of("jdbc:mysql://127.0.0.1:1/shop", "app", "pw").connect())
                .hasMessageContaining("write the URL as jdbc:mariadb://");
    }

    @Test
    void aMissingSqliteFileIsAnErrorAndIsNotCreated() {
        Path file = dir.resolve("prod.db");
        assertThatThrownBy(() -> LiveDatabase.of("jdbc:sqlite:" + file, null, null).connect())
                .hasMessageContaining("the SQLite file must exist; check-db never creates one");
        assertThat(file).doesNotExist();
    }

    @Test
    void aMissingH2DatabaseIsAnErrorAndIsNotCreated() throws Exception {
        assertThatThrownBy(() -> LiveDatabase.of("jdbc:h2:" + dir.resolve("prod"), "sa", null).connect())
                .isInstanceOf(LiveDatabaseException.class).hasMessageContaining("cannot connect to jdbc:h2:");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void theConnectionRefusesToWrite(Dialect dialect) throws Exception {
        try (ScratchDatabase db = dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir) : TestServers.scratch(dialect)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("create table t (id integer primary key)");
            }
            try (Connection c = LiveDatabase.of(db.url(), db.user(), db.password()).connect();
                 Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("insert into t (id) values (1)"))
                        .satisfies(e -> assertThat(e.getMessage().toLowerCase()).containsPattern("read.?only"));
                assertThatThrownBy(() -> s.execute("create table u (id integer)"))
                        .satisfies(e -> assertThat(e.getMessage().toLowerCase()).containsPattern("read.?only"));
            }
            try (Connection c = db.connect(); Statement s = c.createStatement(); var rows = s.executeQuery("select count(*) from t")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
            if (dialect == Dialect.SQLITE) {
                assertThat(Files.list(dir)).noneMatch(p -> p.getFileName().toString().startsWith("u"));
            }
        }
    }
}
