package io.github.jpamigrate.plugin.squash;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.GitFixture;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.QuietFlyway;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.eclipse.jgit.api.Git;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code baseline}: a {@code B} file whose schema is the chain's, proven on scratch databases
 * (SQLite and PostgreSQL), refused when it would not be; and a vendor or dialect added to a
 * project that has migrations started from the snapshot, after {@code generate} refused to write
 * the next migration for it alone.
 */
class BaselineWorkflowTest {

    @TempDir
    Path dir;

    private static BaselineRequest baseline(ProjectFixture project, MigrationTargets targets, String version,
                                            ShadowDatabase shadow) {
        return new BaselineRequest(project.layout, version, null, ShadowServers.of(shadow), targets, null);
    }

    private static GenerateRequest generate(ProjectFixture project, MigrationTargets targets, String message,
                                            ShadowDatabase shadow) {
        return new GenerateRequest(project.layout, ChangeOptions.defaults(), message, false, VersionScheme.SEQUENTIAL,
                shadow, targets);
    }

    private static List<Path> run(ProjectFixture project, BaselineRequest request) throws Exception {
        return new BaselineWorkflow(project.log).run(request);
    }

    /** What Flyway runs on an empty SQLite database from the folder. */
    private static List<String> appliedOnEmpty(Path folder, Path scratch) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqlite(scratch); QuietFlyway quiet = QuietFlyway.start()) {
            MigrateResult result = Flyway.configure().dataSource(db.url(), null, null)
                    .locations("filesystem:" + folder.toAbsolutePath()).load().migrate();
            return result.migrations.stream().map(m -> Path.of(m.filepath).getFileName().toString()).toList();
        }
    }

    @Test
    void squashesTheSqliteChainIntoOneFileThatFlywayAppliesAloneAndGenerateGoesOnFrom() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");
        byte[] snapshot = Files.readAllBytes(project.layout.snapshot());

        List<Path> written = run(project, baseline(project, MigrationTargets.single(Dialect.SQLITE), null, null));

        assertThat(written).containsExactly(project.migration("B2__baseline.sql"));
        assertThat(project.read(project.migration("B2__baseline.sql"))).startsWith("-- B2: the schema at V2 for sqlite")
                .contains("create table customer");
        assertThat(Files.readAllBytes(project.layout.snapshot())).as("a squash leaves the snapshot").isEqualTo(snapshot);
        assertThat(project.info).anyMatch(l -> l.startsWith("Proven B2__baseline.sql: on a scratch SQLite database Flyway"
                + " applied only it and the schema is the chain's up to V2"));
        assertThat(appliedOnEmpty(project.layout.migrationDirectory(), dir.resolve("check")))
                .containsExactly("B2__baseline.sql");

        project.compile(widerName(withPhone(shop())));
        project.generate("longer names");
        assertThat(appliedOnEmpty(project.layout.migrationDirectory(), dir.resolve("check2")))
                .containsExactly("B2__baseline.sql", "V3__longer_names.sql");
    }

    /** What {@code flyway info} shows, per file: its type and state, after a migrate of the folder. */
    private static List<String> info(Path folder, ScratchDatabase db) {
        try (QuietFlyway quiet = QuietFlyway.start()) {
            Flyway flyway = Flyway.configure().dataSource(db.url(), null, null)
                    .locations("filesystem:" + folder.toAbsolutePath()).load();
            flyway.migrate();
            assertThat(flyway.validateWithResult().validationSuccessful).as("flyway validate").isTrue();
            return java.util.Arrays.stream(flyway.info().all()).map(i -> i.getType() + " " + i.getVersion() + " "
                    + i.getState().getDisplayName()).toList();
        }
    }

    @Test
    void flywayInfoShowsTheCoveredMigrationsAsIgnoredOnAFreshDatabaseAndTheBaselineAsIgnoredWhereHistoryExists()
            throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");
        try (ScratchDatabase existing = ScratchDatabase.sqlite(dir.resolve("existing"))) {
            info(project.layout.migrationDirectory(), existing);
            run(project, baseline(project, MigrationTargets.single(Dialect.SQLITE), null, null));
            try (ScratchDatabase fresh = ScratchDatabase.sqlite(dir.resolve("fresh"))) {
                assertThat(info(project.layout.migrationDirectory(), fresh)).containsExactly("SQL 1 Below Baseline", "SQL 2 Ignored (Baseline)", "SQL_BASELINE 2 Baseline");
            }
            assertThat(info(project.layout.migrationDirectory(), existing)).containsExactly("SQL 1 Success", "SQL 2 Success", "SQL_BASELINE 2 Ignored");
        }
    }

    @Test
    void anOlderVersionComesFromTheSnapshotCommittedWithItAndTheMigrationsAboveApplyToBothDatabasesWithRows()
            throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            project.generate("initial");
            GitFixture.commit(git, "V1");
            project.compile(withPhone(shop()));
            project.generate("phone");
            GitFixture.commit(git, "V2");
            project.compile(widerName(withPhone(shop())));
            project.generate("longer names");
            GitFixture.commit(git, "V3");
        }

        run(project, baseline(project, MigrationTargets.single(Dialect.SQLITE), "1", null));

        assertThat(project.read(project.migration("B1__baseline.sql"))).contains("create table customer")
                .doesNotContain("phone");
        assertThat(project.info).anyMatch(l -> l.startsWith("Proven B1__baseline.sql") && l.contains("with rows in")
                && l.endsWith("the 2 migration(s) above it apply to both alike."));
        assertThat(appliedOnEmpty(project.layout.migrationDirectory(), dir.resolve("check")))
                .containsExactly("B1__baseline.sql", "V2__phone.sql", "V3__longer_names.sql");
    }

    @Test
    void refusesAnExistingBaselineAVersionThatIsNoMigrationAndAProjectWithoutSnapshot() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        MigrationTargets sqlite = MigrationTargets.single(Dialect.SQLITE);
        assertThatThrownBy(() -> run(project, baseline(project, sqlite, null, null)))
                .isInstanceOf(WorkflowFailure.class).hasMessageStartingWith("there is no snapshot (src/main/jpa-migrate/model.json)");
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");

        assertThatThrownBy(() -> run(project, baseline(project, sqlite, "7", null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessage("-Djpamigrate.version=7: src/main/resources/db/migration has no migration V7 (its versioned"
                        + " migrations run from V1 to V2). Name one of them, or leave the version out for the newest."
                        + " Nothing was written.");
        assertThatThrownBy(() -> run(project, baseline(project, sqlite, "x.y", null)))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("is not a migration version");
        run(project, baseline(project, sqlite, null, null));
        List<String> before = project.sourceFiles();
        assertThatThrownBy(() -> run(project, baseline(project, sqlite, "2", null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("src/main/resources/db/migration already has the baseline migration"
                        + " B2__baseline.sql for V2. Nothing was written.");
        assertThatThrownBy(() -> run(project, baseline(project, sqlite, "1", null)))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("newer than V1");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aChainWhoseDataMigrationInsertsRowsIsNotSquashedIntoASchemaOnlyFile() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        String table = "customer";
        Files.writeString(project.migration("V2__seed.sql"), "insert into customer (id, email) values (1, 'a@example.com');\n");
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> run(project, baseline(project, MigrationTargets.single(Dialect.SQLITE), null, null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("replaying the migrations up to V2 leaves rows in {" + table + "=1}")
                .hasMessageEndingWith("Baseline at a version before that data migration, or keep the chain.");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aChainThatMovesAnIdGeneratorIsNotSquashedIntoAFileThatStartsItAgain() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V2__reserve_ids.sql"), "update customer_seq set next_val = 501;\n");

        assertThatThrownBy(() -> run(project, baseline(project, MigrationTargets.single(Dialect.SQLITE), null, null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the id generators do not stand where the chain leaves them on a fresh database:\n"
                        + "  - sequence customer_seq: rows (501) after the chain, rows (1) after the baseline");
        assertThat(project.migration("B2__baseline.sql")).doesNotExist();
    }

    @Test
    void onPostgresqlTheBaselineSchemaIsTheChainsAndTheNextMigrationsApplyToBoth() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        MigrationTargets postgresql = MigrationTargets.single(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            project.run(generate(project, postgresql, "initial", shadow));
            GitFixture.commit(git, "V1");
            project.compile(withPhone(shop()));
            project.run(generate(project, postgresql, "phone", shadow));
            GitFixture.commit(git, "V2");
        }

        run(project, baseline(project, postgresql, "1", shadow));
        run(project, baseline(project, postgresql, null, shadow).withMessage("schema 2026"));

        assertThat(project.info).anyMatch(l -> l.startsWith("Proven B1__baseline.sql: on a scratch PostgreSQL database")
                && l.endsWith("the 1 migration(s) above it apply to both alike."));
        assertThat(project.info).anyMatch(l -> l.startsWith("Proven B2__schema_2026.sql: on a scratch PostgreSQL"));
        assertThat(project.read(project.migration("B2__schema_2026.sql"))).contains("create sequence");
        project.compile(widerName(withPhone(shop())));
        project.run(generate(project, postgresql, "longer names", shadow));
        assertThat(project.info).anyMatch(l -> l.startsWith("Self-check passed on a scratch PostgreSQL database"));
    }

    @Test
    void onH2WhichFoldsUnquotedNamesToUpperCaseTheRowsAreCountedUnderTheDatabasesNames() throws Exception {
        MigrationTargets h2 = MigrationTargets.single(Dialect.H2);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(generate(project, h2, "initial", null));
        project.compile(withPhone(shop()));
        project.run(generate(project, h2, "phone", null));

        run(project, baseline(project, h2, null, null));

        assertThat(project.info).anyMatch(l -> l.startsWith("Proven B2__baseline.sql: on a scratch H2 database"));
    }

    @Test
    void onMariadbTheSequencesAndTheNextMigrationsAgreeToo() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.MARIADB);
        MigrationTargets mariadb = MigrationTargets.single(Dialect.MARIADB);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            project.run(generate(project, mariadb, "initial", shadow));
            GitFixture.commit(git, "V1");
            project.compile(withPhone(shop()));
            project.run(generate(project, mariadb, "phone", shadow));
            GitFixture.commit(git, "V2");
        }

        run(project, baseline(project, mariadb, "1", shadow));

        assertThat(project.read(project.migration("B1__baseline.sql"))).contains("create sequence customer_seq");
        assertThat(project.info).anyMatch(l -> l.startsWith("Proven B1__baseline.sql: on a scratch MariaDB database")
                && l.endsWith("the 1 migration(s) above it apply to both alike."));
    }

    @Test
    void aChangedDialectIsAnErrorThatNamesBaselineNeverNoModelChange() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        assertThat(project.read(project.layout.snapshot())).contains("\"dialects\": [\"sqlite\"]");
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.run(generate(project, MigrationTargets.single(Dialect.H2), "again", null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("the migrations exist up to V1, but\n  - src/main/resources/db/migration/ holds"
                        + " migrations written for sqlite (as src/main/jpa-migrate/model.json records), not for h2")
                .hasMessageContaining("Run mvn jpa-migrate:baseline: it writes B1__<slug>.sql for h2");
        assertThat(project.info).noneMatch(l -> l.startsWith("No model change"));
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aChangedDialectIsStartedInTheSameFolderAndTheSnapshotRecordsIt() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        MigrationTargets h2 = MigrationTargets.single(Dialect.H2);

        run(project, baseline(project, h2, null, null));

        assertThat(project.read(project.migration("B1__baseline.sql"))).startsWith("-- B1: the schema at V1 for h2");
        assertThat(project.read(project.layout.snapshot())).contains("\"dialects\": [\"h2\", \"sqlite\"]");
        project.compile(withPhone(shop()));
        project.run(generate(project, h2, "phone", null));
        assertThat(project.migration("V2__phone.sql")).exists();
    }

    @Test
    void aSnapshotWithoutRecordedDialectsIsReadAsNotKnown() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        String text = project.read(project.layout.snapshot());
        Files.writeString(project.layout.snapshot(), text.replace("  \"dialects\": [\"sqlite\"],\n", "")
                .replace("\"format\": \"2.3\"", "\"format\": \"2.1\""), StandardCharsets.UTF_8);
        assertThat(DescriptorJson.readSnapshot(project.layout.snapshot()).dialectsKnown()).isFalse();

        project.run(generate(project, MigrationTargets.single(Dialect.H2), "again", null));

        assertThat(project.info).anyMatch(l -> l.startsWith("No model change"));
    }

    @Test
    void aVendorAddedToDialectsGetsItsFolderFromTheSnapshotAndThenOneMigrationPerVendor() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        MigrationTargets sqlite = MigrationTargets.parse(null, List.of("sqlite"));
        project.run(generate(project, sqlite, "initial", null));
        project.compile(withPhone(shop()));
        project.run(generate(project, sqlite, "phone", null));
        MigrationTargets both = MigrationTargets.parse(null, List.of("sqlite,postgresql"));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.run(generate(project, both, "next", shadow)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("src/main/resources/db/migration/postgresql/ (postgresql) has none")
                .hasMessageContaining("mvn jpa-migrate:baseline");
        assertThat(project.sourceFiles()).isEqualTo(before);

        List<Path> written = run(project, baseline(project, both, null, shadow));

        Path vendorBaseline = project.layout.migrationDirectory().resolve("postgresql").resolve("B2__baseline.sql");
        assertThat(written).containsExactly(vendorBaseline, project.layout.snapshot());
        assertThat(project.read(vendorBaseline)).contains("create sequence").contains("phone");
        assertThat(project.read(project.layout.snapshot())).contains("\"dialects\": [\"postgresql\", \"sqlite\"]");
        assertThat(project.info).anyMatch(l -> l.startsWith("Proven B2__baseline.sql (postgresql): on a scratch"
                + " PostgreSQL database Flyway applied it and the schema is the snapshot's (V2)."));

        project.compile(widerName(withPhone(shop())));
        project.run(generate(project, both, "longer names", shadow));
        assertThat(project.layout.migrationDirectory().resolve("sqlite").resolve("V3__longer_names.sql")).exists();
        assertThat(project.layout.migrationDirectory().resolve("postgresql").resolve("V3__longer_names.sql")).exists();
        assertThat(project.info).anyMatch(l -> l.startsWith("Self-check passed on a scratch PostgreSQL"));
        // verify replays each vendor's folder as Flyway does (PostgreSQL from B2), with rows: it throws on a failure.
        Files.createDirectories(project.layout.projectDirectory().resolve("target/classes"));
        new io.github.jpamigrate.plugin.verify.VerifyWorkflow(project.log).run(new io.github.jpamigrate.plugin.verify.VerifyRequest(
                project.layout, ChangeOptions.defaults(), MigrationTargets.defaultFlyway(project.layout, both), null, false,
                shadow, both));
        assertThat(project.info).anyMatch(l -> l.contains("postgresql") && l.contains("replay"));
    }

    @Test
    void aProjectMovingFromThePlainFolderToVendorFoldersIsToldToMoveItsMigrationsThenGetsTheNewVendor() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");
        MigrationTargets both = MigrationTargets.parse(null, List.of("sqlite,h2"));

        assertThatThrownBy(() -> run(project, baseline(project, both, null, null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("holds migrations of its own (V1__initial.sql and 1 more). Move them into the folder"
                        + " of the vendor they were written for (e.g. git mv src/main/resources/db/migration/V*.sql"
                        + " src/main/resources/db/migration/sqlite/)");
        Path sqlite = Files.createDirectories(project.layout.migrationDirectory().resolve("sqlite"));
        for (String name : List.of("V1__initial.sql", "V2__phone.sql")) {
            Files.move(project.migration(name), sqlite.resolve(name));
        }

        run(project, baseline(project, both, null, null));

        assertThat(project.layout.migrationDirectory().resolve("h2").resolve("B2__baseline.sql")).exists();
        project.compile(widerName(withPhone(shop())));
        project.run(generate(project, both, "longer names", null));
        assertThat(sqlite.resolve("V3__longer_names.sql")).exists();
        assertThat(project.layout.migrationDirectory().resolve("h2").resolve("V3__longer_names.sql")).exists();
        assertThat(new io.github.jpamigrate.plugin.generate.CheckWorkflow(project.log).run(project.layout)).isEmpty();
    }
}
