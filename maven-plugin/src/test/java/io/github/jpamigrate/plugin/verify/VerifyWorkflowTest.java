package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code verify} without git: check, replay of the whole folder, rows through the newest migration, report. */
public class VerifyWorkflowTest {

    @TempDir
    Path dir;

    public static VerifyReport verify(ProjectFixture project) throws Exception {
        return verify(project, ChangeOptions.defaults(), null, false);
    }

    public static VerifyReport verify(ProjectFixture project, ChangeOptions options, String base, boolean outOfOrder) throws Exception {
        return new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, options,
                MigrationTargets.defaultFlyway(project.layout), base, outOfOrder));
    }

    public static VerifyReport verify(ProjectFixture project, MigrationTargets target, String base, boolean outOfOrder)
            throws Exception {
        return new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, ChangeOptions.defaults(),
                MigrationTargets.defaultFlyway(project.layout), base, outOfOrder, ShadowServers.NONE, target));
    }

    static VerifyReport.Outcome outcome(VerifyReport report, String step) {
        return report.steps().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().outcome();
    }

    @Test
    void aGeneratedPairPassesEveryStepAndWritesTheReport() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");

        VerifyReport report = verify(project);

        assertThat(report.steps()).extracting(VerifyReport.Step::name).containsExactly("check", "replay", "data", "lint", "migration lint");
        assertThat(report.steps()).allMatch(s -> s.outcome() == VerifyReport.Outcome.PASSED, "all passed");
        assertThat(report.steps().get(2).summary()).contains("2 table(s) seeded with 3 row(s) each before the newest migration V2");
        String json = project.read(project.layout.workDirectory().resolve("verify-report.json"));
        assertThat(json).contains("\"outcome\" : \"passed\"").contains("\"name\" : \"replay\"");
        assertThat(project.info).anyMatch(line -> line.startsWith("PASSED  replay Flyway applied 2 migration(s)"));
    }

    @Test
    void anEntityChangeWithoutMigrationFailsInCheckAndReplayAndSaysWhatIsMissing() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[check] the entity model differs from the snapshot")
                .hasMessageContaining("[replay] Flyway applied 1 migration(s)")
                .hasMessageContaining("column customer.phone: in the model, not created by any migration")
                .hasMessageContaining("mvn jpa-migrate:generate");
        String json = project.read(project.layout.workDirectory().resolve("verify-report.json"));
        assertThat(json).contains("\"outcome\" : \"failed\"").contains("customer.phone: in the model");
    }

    @Test
    void aHandWrittenMigrationThatMissesAColumnIsCaughtByTheReplay() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");
        Path v2 = project.migration("V2__phone.sql");
        Files.writeString(v2, project.read(v2).replace("phone", "mobile"));

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageNotContaining("[check]")
                .hasMessageContaining("column customer.phone: in the model, not created by any migration")
                .hasMessageContaining("column customer.mobile: created by the migrations (varchar(32)), not in the model");
    }

    @Test
    void aMigrationThatFailsIsNamedWithFlywaysReason() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V2__broken.sql"), "alter table nowhere add column x integer;\n");

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay] replaying the migrations on a scratch sqlite database failed")
                .hasMessageContaining("V2__broken.sql")
                .hasMessageContaining("nowhere");
    }

    @Test
    void rowsSurviveAGeneratedSqliteRebuildWithForeignKeysOn() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(widerName(shop()));
        project.generate("wider name");

        VerifyReport report = verify(project);

        assertThat(outcome(report, "data")).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(report.steps().get(2).notes()).isEmpty();
    }

    @Test
    void aTableWhoseGeneratedRowsAreRefusedIsLeftEmptyAndNoted() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");
        // A hand-written check the row generator cannot know about: no generated customer passes it.
        Path v1 = project.migration("V1__initial.sql");
        String original = project.read(v1);
        String edited = original.replaceFirst("(?s)(create table customer \\(.*?)\n\\);", "$1,\n    check (id < 0)\n);");
        assertThat(edited).as("the check was put into V1").isNotEqualTo(original);
        Files.writeString(v1, edited);

        VerifyReport report = verify(project);

        assertThat(outcome(report, "data")).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(report.steps().get(2).notes())
                .anyMatch(note -> note.startsWith("table customer was left empty: generated rows were refused"));
    }

    @Test
    void aRebuildThatCascadesDeletesIsCaughtAsLostRows() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(widerName(shop()));
        project.generate("wider name");
        // What a hand-written rebuild looks like when it forgets that foreign keys are on: the drop of
        // customer deletes every order through ON DELETE CASCADE.
        Path v2 = project.migration("V2__wider_name.sql");
        Files.writeString(v2, project.read(v2).replaceAll("(?im)^PRAGMA foreign_keys\\s*=\\s*\\w+;\\s*$", "")
                .replaceAll("(?im)^PRAGMA foreign_key_check.*$", ""));
        Files.delete(project.migration("V2__wider_name.sql.conf"));

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[data] table order held 3 row(s) before the newest migration V2 and 0 after")
                .hasMessageNotContaining("[replay]");
    }

    @Test
    void rowsDeletedOnPurposeAreAcceptedOnceAcknowledged() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V2__purge_orders.sql"), "DELETE FROM \"order\";\n");

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("table order held 3 row(s) before the newest migration V2 and 0 after: rows were lost")
                .hasMessageContaining("-Djpamigrate.allowDestructive=order");
        VerifyReport report = verify(project, ProjectFixture.options(List.of(), List.of(), List.of("order")), null, false);
        assertThat(outcome(report, "data")).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(report.steps().get(2).notes()).contains("acknowledged: table order held 3 row(s) before the newest"
                + " migration V2 and 0 after");
    }

    /** Issue 19 item 2b: the newest migration's own header acknowledges the rows it deletes, the option is not needed. */
    @Test
    void rowsDeletedOnPurposeAreAcceptedWhenTheMigrationsHeaderAcknowledgesThem() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V2__purge_orders.sql"), "-- V2: purge orders\n"
                + "-- jpa-migrate:allow-destructive customer\n" + "DELETE FROM \"order\";\n");

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("table order held 3 row(s) before the newest migration V2 and 0 after: rows were lost");

        Files.writeString(project.migration("V2__purge_orders.sql"), "-- V2: purge orders\n"
                + "-- jpa-migrate:allow-destructive order\n" + "DELETE FROM \"order\";\n");
        VerifyReport report = verify(project);
        assertThat(outcome(report, "data")).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(report.steps().get(2).notes()).contains("acknowledged: table order held 3 row(s) before the newest"
                + " migration V2 and 0 after");
    }

    @Test
    void aNotNullColumnWithoutValueFailsOnSeededRows() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V2__code.sql"), "ALTER TABLE customer ADD COLUMN code varchar(3) NOT NULL DEFAULT 'x';\n"
                + "UPDATE customer SET code = NULL;\n");

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[data] the newest migration V2 do not apply to a database whose tables hold rows")
                .hasMessageContaining("NOT NULL");
    }

    @Test
    void aSingleMigrationHasNoRowsToKeep() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");

        VerifyReport report = verify(project);

        assertThat(outcome(report, "data")).isEqualTo(VerifyReport.Outcome.SKIPPED);
        assertThat(outcome(report, "replay")).isEqualTo(VerifyReport.Outcome.PASSED);
    }

    @Test
    void onH2TheReplayAndTheRowsRunOnAnH2Database() throws Exception {
        MigrationTargets h2 = MigrationTargets.single(Dialect.H2);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate(h2, "initial");
        project.compile(withPhone(shop()));
        project.generate(h2, "phone");

        VerifyReport report = verify(project, h2, null, false);

        assertThat(report.steps()).allMatch(s -> s.outcome() == VerifyReport.Outcome.PASSED, "all passed");
        assertThat(report.steps().get(1).summary()).contains("to a scratch h2 database");
        assertThat(report.steps().get(2).notes()).isEmpty();

        Path v2 = project.migration("V2__phone.sql");
        Files.writeString(v2, project.read(v2).replace("phone", "mobile"));
        // H2 folds unquoted names to upper case in its catalog; the comparison does not care, the words show it.
        assertThatThrownBy(() -> verify(project, h2, null, false))
                .isInstanceOf(WorkflowFailure.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                        .contains("column customer.phone: in the model, not created by any migration")
                        .contains("column customer.mobile: created by the migrations (varchar(32)), not in the model"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void onAServerDialectTheReplayAndTheRowsRunInAScratchSchemaOfTheShadowServer(Dialect dialect) throws Exception {
        ShadowDatabase shadow = TestServers.shadow(dialect);
        ChangeOptions options = ChangeOptions.defaults();
        MigrationTargets target = MigrationTargets.single(dialect);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(new GenerateRequest(project.layout, options, "initial", false, VersionScheme.SEQUENTIAL, shadow, target));
        project.compile(widerName(withPhone(shop())));
        project.run(new GenerateRequest(project.layout, options, "phone", false, VersionScheme.SEQUENTIAL, shadow, target));

        VerifyReport report = new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, options,
                MigrationTargets.defaultFlyway(project.layout), null, false, shadow, target));

        assertThat(report.steps()).allMatch(s -> s.outcome() == VerifyReport.Outcome.PASSED, "all passed");
        assertThat(report.steps().get(1).summary()).contains("to a scratch " + dialect.id() + " database");
        assertThat(report.steps().get(2).summary()).contains("2 table(s) seeded");
        assertThat(report.steps().get(2).notes()).isEmpty();
    }

    /** Statements the lint's parser cannot read are counted once, with the first migrations holding them, as a note. */
    @Test
    void statementsTheLintCannotReadAreOneNoteNamingTheFirstMigrations() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        MigrationTargets h2 = MigrationTargets.single(Dialect.H2);
        project.generate(h2, "initial");
        // JSqlParser has no grammar for the SQL-standard SET DATA TYPE (H2 runs it)
        for (String name : List.of("V2__a.sql", "V3__b.sql", "V4__c.sql", "V5__d.sql")) {
            Files.writeString(project.migration(name), "ALTER TABLE customer ALTER COLUMN name SET DATA TYPE varchar(100);\n"
                    + (name.startsWith("V2") ? "ALTER TABLE customer ALTER COLUMN status SET DATA TYPE varchar(255);\n" : ""));
        }

        VerifyReport report = verify(project, h2, null, false);

        VerifyReport.Step lint = report.steps().stream().filter(s -> s.name().equals("migration lint")).findFirst().orElseThrow();
        assertThat(lint.outcome()).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(lint.summary()).contains("5 statement(s) not read");
        assertThat(lint.notes()).filteredOn(n -> n.contains("not read")).singleElement().isEqualTo(
                "5 statement(s) in 4 migration(s) were not read by the SQL parser (V2__a.sql: 2, V3__b.sql: 1,"
                        + " V4__c.sql: 1 and 1 more migration(s)), so they are not linted. Not a failure.");
    }

    /** The replay step spells the database's types as check-db does: {@code text}, an unbounded {@code varchar}. */
    @Test
    void theReplayStepSpellsTheDatabasesTypesAsCheckDbDoes() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        MigrationTargets target = MigrationTargets.single(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "initial", false, VersionScheme.SEQUENTIAL,
                shadow, target));
        Files.writeString(project.migration("V2__by_hand.sql"),
                "ALTER TABLE customer ALTER COLUMN name TYPE text;\nALTER TABLE customer ADD COLUMN notes varchar;\n");

        assertThatThrownBy(() -> new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout,
                ChangeOptions.defaults(), MigrationTargets.defaultFlyway(project.layout), null, false, shadow, target)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("column customer.name differs (model -> migrations): type varchar(100) -> text")
                .hasMessageContaining("column customer.notes: created by the migrations (varchar), not in the model");
    }

    @Test
    void aPostgresqlShadowUserWhoMayCreateNeitherADatabaseNorASchemaFailsTheReplayNamingCreatedb() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        MigrationTargets target = MigrationTargets.single(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "initial", false, VersionScheme.SEQUENTIAL,
                shadow, target));
        String role = "jm_verify_" + Long.toHexString(System.nanoTime());
        try (var admin = TestServers.connectToServer(Dialect.POSTGRESQL); var s = admin.createStatement()) {
            s.execute("create role " + role + " login");
            try {
                ShadowDatabase unprivileged = new ShadowDatabase(shadow.url(), role, "pw-s3cret");
                assertThatThrownBy(() -> new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout,
                        ChangeOptions.defaults(), MigrationTargets.defaultFlyway(project.layout), null, false, unprivileged,
                        target)))
                        .isInstanceOf(WorkflowFailure.class)
                        .hasMessageContaining("[replay] the shadow user " + role + " may neither create a scratch database"
                                + " on 127.0.0.1:5432 nor a scratch schema")
                        .hasMessageContaining("ALTER ROLE " + role + " CREATEDB")
                        .hasMessageNotContaining("s3cret");
            } finally {
                s.execute("drop role " + role);
            }
        }
    }

    @Test
    void aServerDialectWithoutShadowUrlFailsNamingIt() throws Exception {
        MigrationTargets mariadb = MigrationTargets.single(Dialect.MARIADB);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate(mariadb, "initial");

        assertThatThrownBy(() -> verify(project, mariadb, null, false))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay] verify replays the migrations on a scratch mariadb database, which needs a server")
                .hasMessageContaining("-Djpamigrate.shadowUrl=jdbc:");
    }

    @Test
    void postgresqlWithoutShadowUrlIsReplayedOnTheEmbeddedPostgresqlWhenThePluginHasIt() throws Exception {
        MigrationTargets postgres = MigrationTargets.single(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate(postgres, "initial");
        project.compile(withPhone(shop()));
        project.generate(postgres, "phone");

        VerifyReport report = verify(project, postgres, null, false);

        assertThat(report.steps()).allMatch(s -> s.outcome() == VerifyReport.Outcome.PASSED, "all passed");
        assertThat(report.steps().get(1).summary()).contains("to a scratch postgresql database");
    }

    @Test
    void runOnItsOwnBeforeACompileItSaysToCompileFirst() {
        ProjectFixture project = new ProjectFixture(dir);

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the project is not compiled yet (target/classes does not exist)")
                .hasMessageContaining("mvn compile jpa-migrate:verify");
    }

    @Test
    void anUnreadableSnapshotStillLeavesAReportForCi() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.layout.snapshot(), "{ \"format\": ");

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[model] the snapshot cannot be read");
        assertThat(project.read(project.layout.workDirectory().resolve("verify-report.json")))
                .contains("\"name\" : \"model\"").contains("\"outcome\" : \"failed\"");
    }

    /** Issue 19: the report quotes the processor snippet with the plugin's real version, never a placeholder. */
    @Test
    void theReportOfAProjectCompiledWithoutTheProcessorNamesThePluginsVersion() throws Exception {
        ProjectFixture project = new ProjectFixture(dir);
        Files.createDirectories(project.layout.descriptor().getParent().getParent().getParent());

        assertThatThrownBy(() -> verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the JPA Migrate annotation processor did not run");
        String report = project.read(project.layout.workDirectory().resolve(VerifyReport.FILE_NAME));
        assertThat(report).contains("<version>" + ProjectFixture.projectVersion()
                + "</version>").doesNotContain("${");
    }

    static List<String> migrations(ProjectFixture project) throws Exception {
        try (Stream<Path> files = Files.list(project.layout.migrationDirectory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> MigrationFile.parse(n).isPresent()).sorted().toList();
        }
    }

    /** Issue 18: a changed dialect replays no SQL written for another engine; its replay step names baseline. */
    @Test
    void aChangedDialectFailsTheReplayNamingBaseline() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");

        assertThatThrownBy(() -> verify(project, MigrationTargets.single(Dialect.H2), null, false))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay] the migrations exist up to V1, but\n  - src/main/resources/db/migration/"
                        + " holds migrations written for sqlite (as src/main/jpa-migrate/model.json records), not for h2")
                .hasMessageContaining("Run mvn jpa-migrate:baseline: it writes B1__<slug>.sql for h2");
        assertThat(project.info).contains("PASSED  check  the snapshot src/main/jpa-migrate/model.json is the entity model"
                + " (0 differences)");
    }
}
