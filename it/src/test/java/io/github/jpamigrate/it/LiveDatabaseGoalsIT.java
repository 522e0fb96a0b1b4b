package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.database.DatabaseServer;
import io.github.jpamigrate.it.database.RequiresDatabase;
import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * {@code check-db} and {@code status} before a deploy, against the application's database: the
 * migrations are applied with Flyway as the application does at start-up, then the database is
 * broken the way it happens in real life (a column dropped by hand, an applied migration edited,
 * a release whose migration this code lacks, a migration that failed half-way), and the goals
 * must name each with its cause and fix, without changing the database.
 */
@EndToEnd
class LiveDatabaseGoalsIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final String BOOK = "src/main/java/com/example/library/Book.java";

    @Test
    void sqliteACleanDatabasePassesStatusPrintsTheTableAndEachBreakageIsNamed(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("live-database");
        project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
        Path file = project.dir().resolveSibling("app.db");
        String url = "jdbc:sqlite:" + file;
        migrate(project, url);
        project.edit(BOOK, "    private Author author;", "    private Author author;\n\n    private String isbn;");
        project.maven("jpa-migrate:generate").property("message", "add isbn").run().assertSuccess();

        BuildResult clean = project.maven("jpa-migrate:status", "jpa-migrate:check-db").property("jpamigrate.url", url)
                .run().assertSuccess();
        assertThat(clean.log())
                .contains("  version  description     file                    state    applied (UTC)")
                .containsPattern("  1        initial schema  V1__initial_schema\\.sql  applied  \\d{4}-\\d\\d-\\d\\d")
                .contains("  2        add isbn        V2__add_isbn.sql        pending\n")
                .contains("Current version: 1")
                .contains("Snapshot src/main/jpa-migrate/model.json: matches the entity model")
                .contains("[pending] V2__add_isbn.sql: not applied yet; the deploy applies it")
                .contains("check-db passed: the database matches the entity model and the migrations; 1 pending"
                        + " migration(s) the deploy will apply");

        // The deploy, then: a release from another branch (V3) whose file this code lacks, a DBA's
        // "cleanup", and a "harmless" edit of an applied migration.
        migrate(project, url);
        Files.writeString(project.file(MIGRATIONS + "/V3__audit.sql"), "create table audit (id integer primary key);\n");
        migrate(project, url);
        Files.delete(project.file(MIGRATIONS + "/V3__audit.sql"));
        execute(url, "alter table Book drop column isbn");
        Path v1 = project.file(MIGRATIONS + "/V1__initial_schema.sql");
        Files.writeString(v1, Files.readString(v1) + "-- reviewed\n");
        String before = sha256(file);

        BuildResult broken = project.maven("jpa-migrate:check-db").property("jpamigrate.url", url).run().assertFailure();
        assertThat(broken.log())
                .contains("check-db found 4 problem(s)")
                .contains("[drift] column Book.isbn: the entity model has it and V2__add_isbn.sql (applied) creates it,"
                        + " but the database does not have it")
                .contains("cause: it was dropped or renamed outside the migrations")
                .contains("[unknown] V3__audit.sql: applied on ")
                .contains("restore the file from version control")
                .contains("[drift] table audit: the database has it, but neither the entity model nor any migration")
                .contains("[checksum] V1__initial_schema.sql: applied on ")
                .contains("realign the checksum with Flyway's repair")
                .doesNotContain("at io.github.jpamigrate.");
        assertThat(sha256(file)).as("the database file, byte for byte").isEqualTo(before);

        BuildResult reportOnly = project.maven("jpa-migrate:check-db").property("jpamigrate.url", url)
                .property("jpamigrate.failOn", "none").run().assertSuccess();
        assertThat(reportOnly.log()).contains("[INFO] [drift] column Book.isbn")
                .contains("check-db passed: the database matches the entity model and the migrations (4 finding(s) of"
                        + " kinds not in failOn, listed above)");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    @RequiresDatabase(DatabaseServer.POSTGRESQL)
    void postgresqlAColumnDroppedByHandIsDriftAndThePasswordNeverShows(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("live-database");
        project.maven("jpa-migrate:generate").property("message", "initial schema")
                .property("jpamigrate.dialect", "postgresql").run().assertSuccess();
        DatabaseServer server = DatabaseServer.POSTGRESQL;
        String schema = server.createScratch("jm_it_");
        try {
            String url = server.scratchUrl(schema);
            migrate(project, url, server.user(), server.password());
            execute(url, server.user(), server.password(), "alter table Book drop column title");

            BuildResult drift = project.maven("jpa-migrate:status", "jpa-migrate:check-db").property("jpamigrate.url", url)
                    .property("jpamigrate.user", server.user()).property("jpamigrate.password", "it-s3cret-pw")
                    .run().assertFailure();
            String output = mavenOutput(drift);
            assertThat(output)
                    .containsPattern("  1        initial schema  V1__initial_schema\\.sql  applied  ")
                    .contains("Current version: 1")
                    .containsPattern("\\[drift] column Book\\.title: the entity model has it and V1__initial_schema\\.sql"
                            + " \\(applied\\) creates it")
                    .doesNotContain("it-s3cret-pw")
                    .doesNotContain("at io.github.jpamigrate.");

            String wrongPort = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2&password=url-s3cret";
            BuildResult unreachable = project.maven("jpa-migrate:check-db").property("jpamigrate.url", wrongPort)
                    .property("jpamigrate.user", "deployer").property("jpamigrate.password", "it-s3cret-pw").run().assertFailure();
            String said = mavenOutput(unreachable);
            assertThat(said)
                    .contains("cannot connect to jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2&password=*** as deployer")
                    .contains("Check -Djpamigrate.url, -Djpamigrate.user and -Djpamigrate.password")
                    .doesNotContain("it-s3cret-pw").doesNotContain("url-s3cret")
                    .doesNotContain("at io.github.jpamigrate.");
        } finally {
            server.dropScratch(schema);
        }
    }

    @Test
    @RequiresDatabase(DatabaseServer.MARIADB)
    void mariadbAMigrationThatFailedHalfWayIsNamedWithWhatItLeftAndTheRepair(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("live-database");
        project.maven("jpa-migrate:generate").property("message", "initial schema")
                .property("jpamigrate.dialect", "mariadb").run().assertSuccess();
        Files.writeString(project.file(MIGRATIONS + "/V2__shelves.sql"), "create table shelf (id bigint primary key);\n"
                + "alter table Book add column shelf_id bigint;\n"
                + "alter table Shelve add constraint fk_book_shelf foreign key (shelf_id) references shelf (id);\n");
        DatabaseServer server = DatabaseServer.MARIADB;
        String database = server.createScratch("jm_it_");
        try {
            String url = server.scratchUrl(database);
            try {
                migrate(project, url, server.user(), server.password());
                throw new AssertionError("V2 should fail");
            } catch (FlywayException expected) {
                // MariaDB commits each DDL statement: the table and the column stay, the history says failed.
            }

            BuildResult failed = project.maven("jpa-migrate:check-db").property("jpamigrate.url", url)
                    .property("jpamigrate.user", server.user()).run().assertFailure();
            assertThat(failed.log())
                    .contains("[failed] V2__shelves.sql: Flyway recorded it as failed on ")
                    .contains("it left in the database: table shelf, column Book.shelf_id")
                    .contains("undo what it left, by hand (drop table shelf; alter table Book drop column shelf_id)")
                    .contains("remove the failed row with Flyway's repair")
                    .doesNotContain("at io.github.jpamigrate.");
        } finally {
            server.dropScratch(database);
        }
    }

    /** Maven's own output, without the harness's header line that quotes the command. */
    private static String mavenOutput(BuildResult build) {
        return String.join("\n", build.logLines().stream().filter(line -> !line.startsWith("# ")).toList());
    }

    private static void migrate(TestProject project, String url) {
        migrate(project, url, null, null);
    }

    /** What the application does at start-up. */
    private static void migrate(TestProject project, String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password)
                .locations("filesystem:" + project.file(MIGRATIONS)).load().migrate();
    }

    private static void execute(String url, String sql) throws SQLException {
        execute(url, null, null, sql);
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
