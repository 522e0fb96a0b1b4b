package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.GitFixture;
import io.github.jpamigrate.plugin.project.JavaMigrationFixture;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static io.github.jpamigrate.plugin.verify.VerifyWorkflowTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code verify} (and {@code generate}, which numbers and self-checks) on every kind of folder
 * Flyway accepts: baseline migrations, Java migrations, repeatable migrations, SQL callbacks,
 * script configurations and placeholders.
 */
class VerifyFolderKindsTest {

    static final String SEED = "insert into customer (id, email, name) values (900001, 'ann@example.com', 'Ann')";

    @TempDir
    Path dir;

    private static VerifyReport verify(ProjectFixture project, FlywaySettings flyway, String base) throws Exception {
        return new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, ChangeOptions.defaults(), flyway,
                base, false));
    }

    private static void generate(ProjectFixture project, FlywaySettings flyway, String message) throws Exception {
        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), message, false, VersionScheme.SEQUENTIAL,
                ShadowServers.NONE, null, flyway));
    }

    private static String replaySummary(VerifyReport report) {
        return report.steps().stream().filter(s -> s.name().equals("replay")).findFirst().orElseThrow().summary();
    }

    /** V1, and B2 that restates V1 and V2 (V2 itself gone): what a team writes when it squashes its history. */
    private ProjectFixture baselined() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");
        Path v2 = project.migration("V2__phone.sql");
        Files.writeString(project.migration("B2__schema.sql"),
                project.read(project.migration("V1__initial.sql")) + project.read(v2));
        Files.delete(v2);
        return project;
    }

    @Test
    void aBaselineMigrationIsReplayedAsFlywayDoesAndItsVersionIsTaken() throws Exception {
        ProjectFixture project = baselined();
        FlywaySettings flyway = MigrationTargets.defaultFlyway(project.layout);

        VerifyReport report = verify(project, flyway, null);
        assertThat(report.failed()).isFalse();
        assertThat(replaySummary(report)).startsWith("Flyway applied 1 migration(s)");

        project.compile(widerName(withPhone(shop())));
        project.generate("wider name");
        assertThat(project.migration("V3__wider_name.sql")).exists();
        VerifyReport after = verify(project, flyway, null);
        assertThat(after.failed()).isFalse();
        assertThat(replaySummary(after)).startsWith("Flyway applied 2 migration(s)");
        assertThat(outcome(after, "data")).isEqualTo(VerifyReport.Outcome.PASSED);
    }

    @Test
    void sinceABaseAVersionedMigrationAddedAtOrBelowAReleasedBaselineIsNamed() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            // Released: V1 and a baseline migration B3 that restates it (hawkbit's B1_20_0 over V1_12_38).
            ProjectFixture project = new ProjectFixture(dir).compile(shop());
            project.generate("initial");
            Files.writeString(project.migration("B3__schema.sql"), project.read(project.migration("V1__initial.sql")));
            GitFixture.commit(git, "initial");
            git.tag().setName("v1").call();
            FlywaySettings flyway = MigrationTargets.defaultFlyway(project.layout);

            // generate numbers above the baseline migration, so new databases get the change too.
            project.compile(withPhone(shop()));
            project.generate("phone");
            assertThat(project.migration("V4__phone.sql")).exists();
            assertThat(verify(project, flyway, "v1").failed()).isFalse();

            // V2 by hand sorts after the released V1, but new databases start at B3 and never get it.
            String admin = "insert into customer (id, email, name) values (900002, 'admin@example.com', 'Admin');\n";
            Files.writeString(project.migration("V2__admin.sql"), admin);
            assertThatThrownBy(() -> verify(project, flyway, "v1")).isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("V2__admin.sql was added at or below the baseline migration B3")
                    .hasMessageContaining("new databases never get this one");

            // hawkbit's way: the released baseline migration is edited to make the same change. Flyway does not
            // validate applied baseline migrations against their files, so that is no edit verify fails on.
            Path b3 = project.migration("B3__schema.sql");
            Files.writeString(b3, project.read(b3) + admin);
            VerifyReport report = verify(project, flyway, "v1");
            assertThat(report.failed()).isFalse();
            assertThat(report.steps().stream().filter(st -> st.name().equals("git")).findFirst().orElseThrow().notes())
                    .anyMatch(n -> n.startsWith("V2__admin.sql is at or below the baseline migration")
                            && n.contains("edited since as well"));
        }
    }

    @Test
    void javaMigrationsRunInTheReplayAndTakeTheirVersion() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        JavaMigrationFixture.compiled(project.layout, "V2__Seed_customers", SEED);
        FlywaySettings flyway = JavaMigrationFixture.flyway(project.layout);

        VerifyReport report = verify(project, flyway, null);
        assertThat(report.failed()).isFalse();
        assertThat(replaySummary(report)).startsWith("Flyway applied 2 migration(s)");

        project.compile(withPhone(shop()));
        generate(project, flyway, "phone");
        assertThat(project.migration("V3__phone.sql")).exists();
        VerifyReport after = verify(project, flyway, null);
        assertThat(after.failed()).isFalse();
        assertThat(replaySummary(after)).startsWith("Flyway applied 3 migration(s)");
        // The rows the Java migration wrote are among those that must survive V3.
        assertThat(outcome(after, "data")).isEqualTo(VerifyReport.Outcome.PASSED);
    }

    @Test
    void aJavaMigrationNotCompiledFailsNamingItAndTheCommandThatCompilesIt() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        JavaMigrationFixture.source(project.layout, "V2__Seed_customers", SEED);

        assertThatThrownBy(() -> verify(project, JavaMigrationFixture.flyway(project.layout), null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("V2__Seed_customers.java")
                .hasMessageContaining("not compiled yet")
                .hasMessageContaining("Run mvn compile first");
    }

    @Test
    void sinceABaseAnAddedJavaMigrationCountsAsAddedAndItsVersionAsTaken() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir).compile(shop());
            project.generate("initial");
            GitFixture.commit(git, "initial");
            git.tag().setName("v1").call();
            JavaMigrationFixture.compiled(project.layout, "V2__Seed_customers", SEED);
            Files.writeString(project.migration("V2__notes.sql"), "create table notes (id integer primary key);\n");
            FlywaySettings flyway = JavaMigrationFixture.flyway(project.layout);

            assertThatThrownBy(() -> verify(project, flyway, "v1")).isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("two migrations claim version 2")
                    .hasMessageContaining("V2__Seed_customers.java").hasMessageContaining("V2__notes.sql");

            // A Java migration added below the released newest is out of order, and named as the class it is.
            Files.delete(project.migration("V2__notes.sql"));
            GitFixture.commit(git, "seed");
            git.tag().setName("v2").call();
            JavaMigrationFixture.compiled(project.layout, "V1_5__Backfill", "select 1");
            assertThatThrownBy(() -> verify(project, flyway, "v2")).isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("V1_5__Backfill.java was added since v2 but sorts before V2")
                    .hasMessageContaining("Rename it to V3__Backfill.java");
        }
    }

    @Test
    void repeatableMigrationsCallbacksScriptConfigurationsAndPlaceholdersReplay() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V1__initial.sql.conf"), "executeInTransaction=true\n");
        Files.writeString(project.migration("V2__admin.sql"),
                "insert into customer (id, email, name) values (900002, '${admin_email}', 'Admin');\n");
        Files.writeString(project.migration("R__customer_names.sql"),
                "drop view if exists customer_names;\ncreate view customer_names as select name from customer;\n");
        Files.writeString(project.migration("beforeMigrate.sql"), "select 1;\n");
        Files.writeString(project.migration("afterMigrate__check.sql"), "select count(*) from customer;\n");
        FlywaySettings plain = MigrationTargets.defaultFlyway(project.layout);
        FlywaySettings flyway = new FlywaySettings(plain.locations(), plain.table(), Map.of("admin_email", "admin@example.com"));

        VerifyReport report = verify(project, flyway, null);
        assertThat(report.failed()).isFalse();
        assertThat(replaySummary(report)).startsWith("Flyway applied 3 migration(s)");

        // The placeholder's value comes from the project's configuration: without it Flyway refuses the script.
        assertThatThrownBy(() -> verify(project, plain, null)).isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("admin_email");

        // generate's self-check replays the folder with the same placeholders.
        project.compile(withPhone(shop()));
        generate(project, flyway, "phone");
        assertThat(project.migration("V3__phone.sql")).exists();
        assertThat(verify(project, flyway, null).failed()).isFalse();
    }
}
