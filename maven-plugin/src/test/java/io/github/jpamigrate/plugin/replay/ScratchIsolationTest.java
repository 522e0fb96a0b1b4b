package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replay on PostgreSQL and MariaDB is isolated in a scratch database of its own, which is gone
 * after the run whatever ended it — and the next run drops what a killed one left, but never
 * what a live one holds.
 */
class ScratchIsolationTest {

    @TempDir
    Path dir;

    private static String unique(String stem) {
        return stem + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Path folder(String name, String... scripts) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < scripts.length; i++) {
            Files.writeString(folder.resolve("V" + (i + 1) + "__step" + (i + 1) + ".sql"), scripts[i]);
        }
        return folder;
    }

    /** The shadow database itself; not through {@link TestServers#shadow}, whose probe is a run that would sweep. */
    private static Connection shadowConnection(Dialect dialect) throws SQLException {
        return TestServers.connectToServer(dialect);
    }

    private static boolean exists(Dialect dialect, String name) throws SQLException {
        try (Connection c = shadowConnection(dialect)) {
            ScratchVendor vendor = ScratchVendor.of(dialect);
            return vendor.databases(c).contains(name) || vendor.schemas(c).contains(name);
        }
    }

    private static String nameOf(ScratchDatabase db) {
        String url = db.url();
        int at = url.indexOf(ScratchOwner.OWNED_PREFIX);
        return url.substring(at).replaceAll("[?&].*$", "");
    }

    private static List<String> publicTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestServers.connectToServer(Dialect.POSTGRESQL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    @Test
    void aMigrationThatEmptiesTheSearchPathAndNamesPublicLeavesTheShadowDatabaseAlone() throws Exception {
        String table = unique("iso_public_");
        Path folder = folder("public", "SELECT pg_catalog.set_config('search_path', '', false);\n"
                + "create table public." + table + " (id integer primary key);\n"
                + "create table public." + table + "_b (id integer references public." + table + " (id));\n");
        String name;
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            List<String> before = publicTables();
            name = nameOf(db);
            assertThat(db.describe()).isEqualTo("scratch database " + name + " on 127.0.0.1:5432");
            assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).isEqualTo(1);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from public." + table)) {
                assertThat(rs.next()).as("the table is in the scratch database's public").isTrue();
            }
            // other builds may share the server: only what this folder creates must be absent
            assertThat(publicTables()).as("the shadow database's public (was %s)", before).doesNotContain(table, table + "_b");
        }
        assertThat(exists(Dialect.POSTGRESQL, name)).as("scratch database %s left behind", name).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void theScratchDatabaseIsGoneAfterSuccessAndAfterAFailingMigration(Dialect dialect) throws Exception {
        Path good = folder("good", "create table t (id integer primary key);");
        Path bad = folder("bad", "create table t (id integer primary key);", "insert into no_such_table values (1);");
        String first;
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            first = nameOf(db);
            assertThat(exists(dialect, first)).isTrue();
            MigrationReplay.migrate(db, FlywaySettings.folder(good));
        }
        assertThat(exists(dialect, first)).as("after success").isFalse();
        String second;
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            second = nameOf(db);
            assertThatThrownBy(() -> MigrationReplay.migrate(db, FlywaySettings.folder(bad)))
                    .isInstanceOf(ReplayException.class)
                    .hasMessageContaining("replaying the migrations on a scratch " + dialect.id() + " database (replayed on scratch"
                            + " database " + second + " on 127.0.0.1:")
                    .hasMessageContaining("V2__step2.sql");
        }
        assertThat(exists(dialect, second)).as("after a failing migration").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void theNextRunDropsWhatADeadRunLeftButNotWhatALiveRunHolds(Dialect dialect) throws Exception {
        ScratchVendor vendor = ScratchVendor.of(dialect);
        String dead = unique(ScratchOwner.OWNED_PREFIX + "dead_");
        String live = unique(ScratchOwner.OWNED_PREFIX + "live_");
        try (Connection holder = shadowConnection(dialect); Statement s = holder.createStatement()) {
            s.execute("create database " + dead);
            vendor.claim(holder, live);
            s.execute("create database " + live);
            try {
                List<String> swept;
                try (ScratchDatabase next = TestServers.scratch(dialect)) {
                    swept = next.sweptLeftovers();
                }
                assertThat(swept).contains(dead).doesNotContain(live);
                assertThat(exists(dialect, dead)).as("left by a dead run").isFalse();
                assertThat(exists(dialect, live)).as("held by a live run").isTrue();
            } finally {
                s.execute("drop database if exists " + live);
                s.execute("drop database if exists " + dead);
            }
        }
    }

    /**
     * Starts {@link SlowReplayMain} in a child JVM, waits until its slow migration runs in its
     * scratch database, and ends the child: {@code kill -9} when {@code forcibly}, else SIGTERM,
     * which runs the JVM's shutdown hooks as Ctrl-C does.
     *
     * @return the name of the child's scratch database
     */
    private String replayInAChildAndEndIt(Dialect dialect, boolean forcibly) throws Exception {
        ShadowDatabase shadow = TestServers.shadow(dialect);
        Path slow = folder("slow", dialect == Dialect.POSTGRESQL ? "select pg_sleep(60);" : "select sleep(60);");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classPath, SlowReplayMain.class.getName(), dialect.name(),
                shadow.url(), shadow.user(), slow.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("SCRATCH "));
            assertThat(line).as("the child's scratch database").isNotNull();
            String name = ScratchOwner.databaseOf(line.substring("SCRATCH ".length()));
            String sleeping = dialect == Dialect.POSTGRESQL
                    ? "select count(*) from pg_stat_activity where datname = ? and query like '%pg_sleep%'"
                    : "select count(*) from information_schema.processlist where db = ? and info like '%sleep%'";
            awaitTrue("the child's migration to be running", () -> count(dialect, sleeping, name) > 0);
            if (forcibly) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
            return name;
        } finally {
            child.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void aRunEndedLikeCtrlCDropsItsScratchDatabaseInItsShutdownHook(Dialect dialect) throws Exception {
        String name = replayInAChildAndEndIt(dialect, false);
        assertThat(exists(dialect, name)).as("dropped by the child's shutdown hook, no next run needed").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void aRunKilledMidReplayLeavesNothingAfterTheNextRun(Dialect dialect) throws Exception {
        String name = replayInAChildAndEndIt(dialect, true);
        assertThat(exists(dialect, name)).as("a killed run cannot drop its own").isTrue();
        ScratchVendor vendor = ScratchVendor.of(dialect);
        awaitTrue("the server to notice the child's end", () -> {
            try (Connection c = shadowConnection(dialect)) {
                return !vendor.claimed(c, name);
            } catch (SQLException e) {
                return false;
            }
        });
        try (ScratchDatabase next = TestServers.scratch(dialect)) {
            assertThat(next.sweptLeftovers()).contains(name);
        }
        assertThat(exists(dialect, name)).as("dropped by the next run").isFalse();
    }

    @Test
    void aPostgresqlUserWithoutCreatedbReplaysInAScratchSchemaThatMustNotLeak() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        String role = unique("jm_iso_role_");
        String password = "pw-" + unique("s3cret");
        String table = unique("iso_leak_");
        try (Connection admin = TestServers.connectToServer(Dialect.POSTGRESQL); Statement s = admin.createStatement()) {
            s.execute("create role " + role + " login password '" + password + "'");
            try {
                // no CREATE on the database either: neither isolation is possible, and the message says what to grant
                assertThatThrownBy(() -> ScratchDatabase.onServer(Dialect.POSTGRESQL, shadow.url(), role, password))
                        .isInstanceOf(ReplayException.class)
                        .hasMessageContaining("may neither create a scratch database on 127.0.0.1:5432 nor a scratch schema")
                        .hasMessageContaining("ALTER ROLE " + role + " CREATEDB")
                        .hasMessageNotContaining(password)
                        .hasNoCause();

                s.execute("grant create on database test to " + role);
                s.execute("grant create on schema public to " + role);
                Path clean = folder("clean", "create table t (id integer primary key);");
                String schema;
                try (ScratchDatabase db = ScratchDatabase.onServer(Dialect.POSTGRESQL, shadow.url(), role, password)) {
                    schema = nameOf(db);
                    assertThat(db.describe()).isEqualTo("scratch schema " + schema + " in the shadow database test on"
                            + " 127.0.0.1:5432, as the shadow user may not create databases");
                    assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(clean))).isEqualTo(1);
                }
                assertThat(exists(Dialect.POSTGRESQL, schema)).as("scratch schema left behind").isFalse();

                Path leaking = folder("leaking", "SELECT pg_catalog.set_config('search_path', '', false);\n"
                        + "create table public." + table + " (id integer);");
                try (ScratchDatabase db = ScratchDatabase.onServer(Dialect.POSTGRESQL, shadow.url(), role, password)) {
                    assertThatThrownBy(() -> MigrationReplay.migrate(db, FlywaySettings.folder(leaking)))
                            .isInstanceOf(ReplayException.class)
                            .hasMessageContaining("created objects outside the scratch schema " + nameOf(db))
                            .hasMessageContaining("public." + table + " (table)")
                            .hasMessageContaining("ALTER ROLE " + role + " CREATEDB")
                            .hasMessageNotContaining(password);
                }
                try (Statement check = admin.createStatement(); ResultSet rs = check.executeQuery(
                        "select count(*) from pg_tables where schemaname = 'public' and tablename = '" + table + "'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the leaked table is dropped as the run ends").isZero();
                }
            } finally {
                s.execute("drop table if exists public." + table);
                s.execute("drop owned by " + role);
                s.execute("drop role " + role);
            }
        }
    }

    @Test
    void aMariadbUserWhoMayNotCreateDatabasesIsToldTheGrant() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.MARIADB);
        String user = unique("jm_iso_");
        String password = "pw-" + unique("s3cret");
        String url = ScratchDatabase.withDatabase(shadow.url(), "");
        try (Connection admin = TestServers.connectToServer(Dialect.MARIADB); Statement s = admin.createStatement()) {
            s.execute("create user '" + user + "'@'%' identified by '" + password + "'");
            s.execute("create user '" + user + "'@'localhost' identified by '" + password + "'");
            try {
                assertThatThrownBy(() -> ScratchDatabase.onServer(Dialect.MARIADB, url, user, password))
                        .isInstanceOf(ReplayException.class)
                        .hasMessageContaining("may not create the scratch database")
                        .hasMessageContaining("GRANT CREATE, DROP ON `jm\\_scratch\\_%`.* TO '" + user + "'@'%'")
                        .hasMessageNotContaining(password)
                        .hasNoCause();
            } finally {
                s.execute("drop user if exists '" + user + "'@'%'");
                s.execute("drop user if exists '" + user + "'@'localhost'");
            }
        }
    }

    private static int count(Dialect dialect, String query, String name) {
        try (Connection c = shadowConnection(dialect); PreparedStatement p = c.prepareStatement(query)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
