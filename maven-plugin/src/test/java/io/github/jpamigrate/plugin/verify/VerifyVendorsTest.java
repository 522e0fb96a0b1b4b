package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.plugin.squash.BaselineRequest;
import io.github.jpamigrate.plugin.squash.BaselineWorkflow;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.jpamigrate.plugin.project.GitFixture.commit;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code verify} with {@code dialects}: each vendor folder replayed on its own engine, or skipped with the reason. */
class VerifyVendorsTest {

    @TempDir
    Path dir;

    private static MigrationTargets targets(String dialects) {
        return MigrationTargets.parse(null, List.of(dialects));
    }

    private static ChangeOptions options(MigrationTargets targets) {
        return ChangeOptions.defaults();
    }

    private static void generate(ProjectFixture project, String dialects, String message, ShadowDatabase shadow)
            throws Exception {
        MigrationTargets targets = targets(dialects);
        project.run(new GenerateRequest(project.layout, options(targets), message, false, VersionScheme.SEQUENTIAL,
                shadow, targets));
    }

    private static VerifyReport verify(ProjectFixture project, String dialects, FlywaySettings flyway, ShadowDatabase shadow)
            throws Exception {
        return verify(project, dialects, flyway, shadow, null);
    }

    private static VerifyReport verify(ProjectFixture project, String dialects, FlywaySettings flyway, ShadowDatabase shadow,
                                       String base) throws Exception {
        MigrationTargets targets = targets(dialects);
        return new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, options(targets),
                flyway == null ? MigrationTargets.defaultFlyway(project.layout, targets) : flyway, base, false, shadow, targets));
    }

    private static ProjectFixture twoMigrations(Path dir, String dialects, ShadowDatabase shadow) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        generate(project, dialects, "initial", shadow);
        project.compile(withPhone(shop()));
        generate(project, dialects, "phone", shadow);
        return project;
    }

    @Test
    void eachVendorFolderIsReplayedOnItsOwnEngine() throws Exception {
        ProjectFixture project = twoMigrations(dir, "h2,sqlite", null);

        VerifyReport report = verify(project, "h2,sqlite", null, null);

        assertThat(report.steps()).extracting(VerifyReport.Step::name)
                .containsExactly("check", "replay (h2)", "data (h2)", "replay (sqlite)", "data (sqlite)", "lint",
                        "migration lint");
        assertThat(report.steps()).allMatch(s -> s.outcome() == VerifyReport.Outcome.PASSED, "all passed");
        assertThat(report.steps().get(1).summary()).isEqualTo("Flyway applied 2 migration(s) to a scratch h2 database and"
                + " the schema it built is the entity model");
        assertThat(project.read(project.layout.workDirectory().resolve("verify-report.json")))
                .contains("\"name\" : \"replay (sqlite)\"");
    }

    @Test
    void sinceABaseEachVendorFolderIsCheckedOnItsOwnAndTheSameVersionInTwoFoldersIsNoClash() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir).compile(shop());
            generate(project, "h2,sqlite", "initial", null);
            commit(git, "initial");
            git.tag().setName("v1").call();
            project.compile(withPhone(shop()));
            generate(project, "h2,sqlite", "phone", null);
            Path released = project.layout.migrationDirectory().resolve("sqlite").resolve("V1__initial.sql");
            Files.writeString(released, project.read(released) + "-- tidied up\n");

            assertThatThrownBy(() -> verify(project, "h2,sqlite", null, null, "v1"))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("[git (sqlite)] src/main/resources/db/migration/sqlite/V1__initial.sql was edited since v1")
                    .hasMessageNotContaining("[git (h2)]")
                    .hasMessageNotContaining("two migrations claim version");
            VerifyReport report = new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout,
                    options(targets("h2")), MigrationTargets.defaultFlyway(project.layout, targets("h2")), "v1", false, ShadowServers.NONE,
                    targets("h2")));
            assertThat(VerifyWorkflowTest.outcome(report, "git (h2)")).isEqualTo(VerifyReport.Outcome.PASSED);
            assertThat(VerifyWorkflowTest.outcome(report, "data (h2)")).isEqualTo(VerifyReport.Outcome.PASSED);
        }
    }

    @Test
    void aDriftInOneVendorFolderFailsNamingThatVendor() throws Exception {
        ProjectFixture project = twoMigrations(dir, "h2,sqlite", null);
        Path h2 = project.layout.migrationDirectory().resolve("h2").resolve("V2__phone.sql");
        Files.writeString(h2, project.read(h2).replace("phone", "mobile"));

        assertThatThrownBy(() -> verify(project, "h2,sqlite", null, null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay (h2)] Flyway applied 2 migration(s) to a scratch h2 database")
                .hasMessageContaining(".phone: in the model, not created by any migration")
                .hasMessageNotContaining("[replay (sqlite)]");
    }

    @Test
    void aServerVendorWithoutShadowUrlIsSkippedWithTheReasonWhileTheOthersAreReplayed() throws Exception {
        ProjectFixture project = twoMigrations(dir, "mariadb,h2", null);

        VerifyReport report = verify(project, "mariadb,h2", null, null);

        VerifyReport.Step mariadb = report.steps().get(1);
        assertThat(mariadb.name()).isEqualTo("replay (mariadb)");
        assertThat(mariadb.outcome()).isEqualTo(VerifyReport.Outcome.SKIPPED);
        assertThat(mariadb.summary()).isEqualTo("not replayed: no MariaDB server; mysql/ is checked once a"
                + " shadowUrl for MariaDB is set (-Djpamigrate.shadowUrl=jdbc:...)");
        assertThat(VerifyWorkflowTest.outcome(report, "replay (h2)")).isEqualTo(VerifyReport.Outcome.PASSED);
    }

    @Test
    void withOnlyServerVendorsAndNoShadowUrlTheReplayFailsAsForOneDialect() throws Exception {
        ProjectFixture project = twoMigrations(dir, "mariadb", null);

        assertThatThrownBy(() -> verify(project, "mariadb", null, null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay (mariadb)] verify replays the migrations on a scratch mariadb database,"
                        + " which needs a server");
    }

    @Test
    void theServerVendorIsReplayedThroughItsShadowUrlAndVendorInLocationsIsResolved() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = twoMigrations(dir, "postgresql,h2", shadow);
        FlywaySettings flyway = new FlywaySettings(List.of("filesystem:" + project.layout.migrationDirectory()
                .toAbsolutePath() + "/{vendor}"), FlywaySettings.DEFAULT_TABLE, java.util.Map.of());

        VerifyReport report = verify(project, "postgresql,h2", flyway, shadow);

        assertThat(report.steps()).allMatch(s -> s.outcome() == VerifyReport.Outcome.PASSED, "all passed");
        assertThat(report.steps().get(1).summary()).startsWith("Flyway applied 2 migration(s) to a scratch postgresql database");
    }

    @Test
    void postgresqlAndMariadbListedTogetherAreEachProvenOnTheirOwnShadowServer() throws Exception {
        MigrationTargets targets = targets("postgresql,mariadb");
        ShadowServers shadows = new ShadowServers(null, Map.of("postgresql", TestServers.shadow(Dialect.POSTGRESQL),
                "mysql", TestServers.shadow(Dialect.MARIADB)));
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        for (String message : List.of("initial", "phone")) {
            project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), message, false,
                    VersionScheme.SEQUENTIAL, shadows, targets));
            project.compile(withPhone(shop()));
        }
        assertThat(project.info).filteredOn(line -> line.startsWith("Self-check passed")).hasSize(4)
                .anyMatch(line -> line.startsWith("Self-check passed on a scratch PostgreSQL database"))
                .anyMatch(line -> line.startsWith("Self-check passed on a scratch MariaDB database"));

        VerifyReport report = new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, ChangeOptions.defaults(),
                MigrationTargets.defaultFlyway(project.layout, targets), null, false, shadows, targets));

        assertThat(report.steps()).allMatch(s -> s.outcome() == VerifyReport.Outcome.PASSED, "all passed");
        assertThat(VerifyWorkflowTest.outcome(report, "replay (postgresql)")).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(report.steps()).filteredOn(s -> s.name().equals("replay (mariadb)")).singleElement()
                .satisfies(s -> assertThat(s.summary()).startsWith("Flyway applied 2 migration(s) to a scratch mariadb database"));
    }

    /**
     * Issue 18: a vendor added to dialects without its baseline fails its replay step naming
     * baseline (not with every table of the model missing), and passes once baseline wrote it.
     */
    @Test
    void aVendorAddedWithoutItsBaselineFailsItsReplayNamingBaseline() throws Exception {
        ProjectFixture project = twoMigrations(dir, "sqlite", null);

        assertThatThrownBy(() -> verify(project, "sqlite,h2", null, null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay (h2)] the migrations exist up to V2, but\n  - src/main/resources/db/migration/h2/"
                        + " (h2) has none: a new vendor needs the whole schema first")
                .hasMessageContaining("Run mvn jpa-migrate:baseline: it writes B2__<slug>.sql for h2 from the snapshot")
                .hasMessageNotContaining("not created by any migration")
                .hasMessageNotContaining("[replay (sqlite)]");
        assertThat(project.info).contains("FAILED  replay (h2) the folder needs its baseline migration first (mvn jpa-migrate:baseline)",
                "SKIPPED data (h2) the folder needs its baseline migration first (see the replay step)");
        assertThat(project.info).anyMatch(l -> l.startsWith("PASSED  replay (sqlite) Flyway applied 2 migration(s)"));

        new BaselineWorkflow(project.log).run(new BaselineRequest(project.layout, null, null, ShadowServers.NONE,
                targets("sqlite,h2"), null));
        VerifyReport report = verify(project, "sqlite,h2", null, null);

        assertThat(report.steps()).noneMatch(s -> s.outcome() == VerifyReport.Outcome.FAILED);
        assertThat(report.steps()).filteredOn(s -> s.name().equals("replay (h2)")).singleElement()
                .extracting(VerifyReport.Step::summary).asString().startsWith("Flyway applied 1 migration(s)");
    }
}
