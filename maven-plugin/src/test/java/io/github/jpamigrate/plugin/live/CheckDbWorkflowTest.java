package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code check-db} against real databases put into the states that break deploys: each state is
 * made the way it happens (Flyway applies the migrations, then a person or another branch does
 * the damage), and the database is the same afterwards, byte for byte on SQLite.
 */
class CheckDbWorkflowTest {

    @TempDir
    Path dir;

    private ScratchDatabase open(Dialect dialect) {
        return dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir.resolve("db")) : TestServers.scratch(dialect);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "H2", "POSTGRESQL", "MARIADB"})
    void anUpToDateDatabasePassesAndAPendingMigrationIsReportedNotFailed(Dialect dialect) throws Exception {
        try (ScratchDatabase db = open(dialect)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), dialect, db);
            live.generate(shop(), "initial schema").generate(withPhone(shop()), "add phone");
            live.migrate("1");
            String before = live.state();

            CheckDbWorkflow workflow = new CheckDbWorkflow(live.project.log);
            List<LiveFinding> findings = workflow.run(live.request(), Kind.defaults());

            assertThat(findings).extracting(LiveFinding::kind, LiveFinding::subject)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PENDING, "V2__add_phone.sql"));
            assertThat(live.project.info).anyMatch(l -> l.contains("current version 1; 1 applied, 1 pending, 0 failed"))
                    .anyMatch(l -> l.startsWith("check-db passed") && l.contains("1 pending migration(s) the deploy will apply"));
            assertThat(live.state()).isEqualTo(before);

            assertThatThrownBy(() -> workflow.run(live.request(), Kind.parse(List.of("all"))))
                    .hasMessageContaining("[pending] V2__add_phone.sql: not applied yet");

            live.migrate(null);
            assertThat(workflow.run(live.request(), Kind.parse(List.of("all")))).isEmpty();
        }
    }

    @Test
    void aDroppedColumnAnEditedFileAndADeletedMigrationAreEachNamedWithCauseAndFix() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema").generate(withPhone(shop()), "add phone");
            live.writeMigration("V3__audit.sql", "create table audit (id integer primary key, what varchar(80));\n");
            live.migrate(null);
            // A DBA's "cleanup", a release from another branch whose file this code lacks, an edited applied file.
            live.execute("alter table customer drop column phone");
            Files.delete(live.project.migration("V3__audit.sql"));
            Path v1 = live.project.migration("V1__initial_schema.sql");
            Files.writeString(v1, Files.readString(v1) + "-- reviewed\n");
            String before = live.state();

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(live.request(), Kind.defaults()))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("check-db found 4 problem(s)")
                    .hasMessageContaining("[drift] column customer.phone: the entity model has it and V2__add_phone.sql"
                            + " (applied) creates it, but the database does not have it")
                    .hasMessageContaining("re-create it by hand with the statement in V2__add_phone.sql")
                    .hasMessageContaining("[unknown] V3__audit.sql: applied on ")
                    .hasMessageContaining("restore the file from version control")
                    .hasMessageContaining("[drift] table audit: the database has it, but neither the entity model nor any"
                            + " migration in the code creates it")
                    .hasMessageContaining("[checksum] V1__initial_schema.sql: applied on ")
                    .hasMessageContaining("realign the checksum with Flyway's repair");
            assertThat(live.project.warnings).contains("    cause: it was dropped or renamed outside the migrations (by hand,"
                    + " by another tool or application)");
            assertThat(live.state()).isEqualTo(before);

            List<LiveFinding> reported = new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("none")));
            assertThat(reported).extracting(LiveFinding::kind)
                    .containsExactlyInAnyOrder(Kind.CHECKSUM, Kind.UNKNOWN, Kind.DRIFT, Kind.DRIFT);
            new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("missing,order,failed")));
        }
    }

    @Test
    void anEntityChangeWithoutAMigrationAndAnOutOfOrderMigrationAreNamed() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema");
            live.writeMigration("V3__notes.sql", "create table notes (id integer primary key);\n");
            live.migrate(null);
            live.writeMigration("V2__late.sql", "create table late (id integer primary key);\n");
            live.project.compile(withPhone(shop()));

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(live.request(), Kind.defaults()))
                    .hasMessageContaining("[missing] column customer.phone: the entity model has it, the database does not,"
                            + " and no migration in the code creates it")
                    .hasMessageContaining("mvn jpa-migrate:generate")
                    .hasMessageContaining("[order] V2__late.sql: not applied, and older than the database's current version 3")
                    .hasMessageContaining("[missing] table notes: the database has it, created by V3__notes.sql, but the"
                            + " entity model does not map it");
        }
    }

    @Test
    void aMigrationThatFailedPartWayOnMariaDbIsNamedWithWhatItLeftAndTheRepair() throws Exception {
        try (ScratchDatabase db = open(Dialect.MARIADB)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.MARIADB, db);
            live.generate(shop(), "initial schema");
            live.writeMigration("V2__shelves.sql", "create table shelf (id bigint primary key);\n"
                    + "alter table customer add column shelf_id bigint;\n"
                    + "alter table no_such_table add column x integer;\n");
            assertThat(live.migrateFailing()).hasMessageContaining("V2");
            String before = live.state();

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(live.request(), Kind.defaults()))
                    .hasMessageContaining("[failed] V2__shelves.sql: Flyway recorded it as failed on ")
                    .hasMessageContaining("it left in the database: table shelf, column customer.shelf_id; not done: column no_such_table.x")
                    .hasMessageContaining("undo what it left, by hand (drop table shelf; alter table customer drop column shelf_id)")
                    .hasMessageContaining("remove the failed row with Flyway's repair")
                    .hasMessageContaining("check-db found 1 problem(s)");
            assertThat(live.state()).isEqualTo(before);
        }
    }

    @Test
    void anIndexDroppedByHandIsTracedToItsMigrationAndASchemaWithoutFlywayIsNamed() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema");
            live.migrate(null);
            live.execute("drop index idx_customer_name");
            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(live.request(), Kind.defaults()))
                    .hasMessageContaining("[drift] index idx_customer_name on customer: the entity model has it and"
                            + " V1__initial_schema.sql (applied) creates it, but the database does not have it");
        }
        try (ScratchDatabase db = open(Dialect.H2)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("other"), Dialect.H2, db);
            live.generate(shop(), "initial schema");
            live.execute("create table customer (id bigint primary key)");
            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(live.request(), Kind.defaults()))
                    .hasMessageContaining("[drift] history table flyway_schema_history: the database has 1 table(s) but"
                            + " no Flyway history table flyway_schema_history")
                    .hasMessageContaining("its schema is not the one any version builds")
                    .hasMessageContaining("then baseline the database at version 1");
            assertThat(live.project.info).anyMatch(l -> l.contains("Flyway history table flyway_schema_history (absent)"));
        }
    }

    /**
     * Statements the migration scanner cannot read (here {@code DO} blocks, which it takes whole)
     * are counted once, in a note naming the first few migrations holding them; never a finding.
     */
    @Test
    void statementsTheScannerCannotReadAreOneNoteNamingTheFirstMigrations() throws Exception {
        try (ScratchDatabase db = open(Dialect.POSTGRESQL)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.POSTGRESQL, db);
            live.generate(shop(), "initial schema");
            live.writeMigration("V2__grants.sql", "DO $$ BEGIN PERFORM 1; END $$;\nDO $$ BEGIN PERFORM 2; END $$;\n");
            for (String name : List.of("V3__audit.sql", "V4__stats.sql", "V5__cleanup.sql")) {
                live.writeMigration(name, "DO $$ BEGIN PERFORM 3; END $$;\n");
            }
            live.migrate(null);

            assertThat(new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("all")))).isEmpty();

            assertThat(live.project.info).filteredOn(l -> l.contains("not read")).singleElement().isEqualTo(
                    "Note: 5 statement(s) in 4 migration(s) were not read by the SQL parser (V2__grants.sql: 2,"
                            + " V3__audit.sql: 1, V4__stats.sql: 1 and 1 more migration(s)), so what they do is not"
                            + " traced: a finding that names no migration may still be made by one of them. Not a failure.");
            assertThat(live.project.warnings).isEmpty();
            assertThat(live.project.info).anyMatch(l -> l.startsWith("check-db passed"));
        }
    }

    @Test
    void theApplicationsSqlCallbacksAreNotRunOnTheLiveDatabase() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema");
            live.migrate(null);
            for (String event : List.of("beforeInfo", "afterInfo", "beforeValidate", "afterValidate")) {
                live.writeMigration(event + ".sql", "create table " + event + "_ran (id integer);\n");
            }
            String before = live.state();

            assertThat(new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("all")))).isEmpty();
            new StatusWorkflow(live.project.log).run(live.request());
            assertThat(live.state()).isEqualTo(before);
        }
    }

    @Test
    void aNonTransactionalSqliteMigrationThatFailedIsNamedToo() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema");
            // executeInTransaction=false, as a migration with PRAGMA foreign_keys needs it on SQLite.
            live.writeMigration("V2__shelves.sql", "create table shelf (id integer primary key);\n"
                    + "insert into no_such_table values (1);\n");
            live.writeMigration("V2__shelves.sql.conf", "executeInTransaction=false\n");
            live.migrateFailing();

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(live.request(), Kind.defaults()))
                    .hasMessageContaining("[failed] V2__shelves.sql: Flyway recorded it as failed on ")
                    .hasMessageContaining("it left in the database: table shelf")
                    .hasMessageContaining("undo what it left, by hand (drop table shelf)");
        }
    }

    @Test
    void withoutAUrlItSaysWhichParameterIsMissing() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(live.requestWithoutDatabase(), Kind.defaults()))
                    .isInstanceOf(WorkflowFailure.class).hasMessageContaining("-Djpamigrate.url=jdbc:");
            assertThatThrownBy(() -> Kind.parse(List.of("drift,typo")))
                    .hasMessageContaining("jpamigrate.failOn: unknown kind 'typo'");
        }
    }
}
