package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.GitFixture;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.GitFixture.commit;
import static io.github.jpamigrate.plugin.project.ShopModels.dropColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static io.github.jpamigrate.plugin.verify.VerifyWorkflowTest.outcome;
import static io.github.jpamigrate.plugin.verify.VerifyWorkflowTest.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code verify -Djpamigrate.base=<ref>} on real git repositories made with JGit. */
class VerifyHistoryTest {

    @TempDir
    Path dir;

    /** A project in a fresh repository with V1 committed and tagged {@code v1}. */
    private ProjectFixture released(Git git) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        commit(git, "initial schema");
        git.tag().setName("v1").call();
        return project;
    }

    private static ChangeOptions allow(String... targets) {
        return ProjectFixture.options(List.of(), List.of(), List.of(targets));
    }

    @Test
    void aChangeWithItsMigrationSinceTheTagPasses() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);
            project.compile(withPhone(shop()));
            project.generate("phone");
            commit(git, "phone");

            VerifyReport report = verify(project, ChangeOptions.defaults(), "v1", false);

            assertThat(report.failed()).isFalse();
            VerifyReport.Step gitStep = report.steps().stream().filter(s -> s.name().equals("git")).findFirst().orElseThrow();
            assertThat(gitStep.summary()).startsWith("1 released migration(s) unchanged since v1");
            assertThat(gitStep.notes()).anyMatch(n -> n.startsWith("1 migration(s) added since v1") && n.endsWith("V2__phone.sql"));
            assertThat(report.steps().stream().filter(s -> s.name().equals("data")).findFirst().orElseThrow().summary())
                    .contains("before the 1 migration(s) added since v1 (V2__phone.sql)");
        }
    }

    @Test
    void anEditedReleasedMigrationFailsWithTheRestoreCommand() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);
            Path v1 = project.migration("V1__initial.sql");
            Files.writeString(v1, project.read(v1) + "-- tidied up\n");

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v1", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("[git] src/main/resources/db/migration/V1__initial.sql was edited since v1")
                    .hasMessageContaining("git checkout v1 -- src/main/resources/db/migration/V1__initial.sql");
        }
    }

    @Test
    void lineEndingsAloneAreNoEdit() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);
            Path v1 = project.migration("V1__initial.sql");
            Files.writeString(v1, project.read(v1).replace("\n", "\r\n"));

            assertThat(outcome(verify(project, ChangeOptions.defaults(), "v1", false), "git"))
                    .isEqualTo(VerifyReport.Outcome.PASSED);
        }
    }

    @Test
    void aDeletedReleasedMigrationFails() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);
            project.compile(withPhone(shop()));
            project.generate("phone");
            commit(git, "phone");
            git.tag().setName("v2").call();
            Files.move(project.migration("V2__phone.sql"), project.migration("V2__add_phone.sql"));

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v2", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("V2__phone.sql was released in v2 and is gone now");
        }
    }

    @Test
    void twoBranchesAddingTheSameVersionFailNamingTheUnreleasedOne() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);
            project.compile(withPhone(shop()));
            project.generate("phone");
            commit(git, "phone");
            git.tag().setName("v2").call();
            // The other branch's V2, merged after v2 was released.
            Files.writeString(project.migration("V2__add_fax.sql"), "ALTER TABLE customer ADD COLUMN fax varchar(20);\n");

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v2", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("[git] two migrations claim version 2")
                    .hasMessageContaining("Rename the one that was not released (src/main/resources/db/migration/V2__add_fax.sql) to V3__");
        }
    }

    @Test
    void aNewVersionBeforeTheReleasedNewestFailsUnlessOutOfOrder() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir).compile(shop());
            project.generate("initial");
            Files.writeString(project.migration("V3__note.sql"), "CREATE TABLE note (id integer PRIMARY KEY);\nDROP TABLE note;\n");
            commit(git, "v1 and v3");
            git.tag().setName("r1").call();
            Files.writeString(project.migration("V2__late.sql"), "CREATE TABLE late (id integer PRIMARY KEY);\nDROP TABLE late;\n");

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "r1", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("V2__late.sql was added since r1 but sorts before V3")
                    .hasMessageContaining("-Djpamigrate.outOfOrder=true");
            assertThat(outcome(verify(project, ChangeOptions.defaults(), "r1", true), "git")).isEqualTo(VerifyReport.Outcome.PASSED);
        }
    }

    /** A drop generated with its acknowledgement, then its header's marker line edited to {@code marker}. */
    private ProjectFixture droppedStatus(Git git, String marker) throws Exception {
        ProjectFixture project = released(git);
        project.compile(dropColumn(shop(), "customer", "status"));
        project.generate(allow("customer.status"), "drop status", Prompter.BATCH);
        Path v2 = project.migration("V2__drop_status.sql");
        Files.writeString(v2, project.read(v2).replace("-- jpa-migrate:allow-destructive customer.status\n", marker));
        commit(git, "drop status");
        return project;
    }

    /** Issue 19 item 2b: the acknowledgement given to generate travels in the migration's header. */
    @Test
    void aLossAcknowledgedWhenGeneratingNeedsNoOptionInTheReleasePipeline() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = droppedStatus(git, "-- jpa-migrate:allow-destructive customer.status\n");
            assertThat(project.read(project.migration("V2__drop_status.sql")))
                    .contains("\n-- jpa-migrate:allow-destructive customer.status\n");

            VerifyReport report = verify(project, ChangeOptions.defaults(), "v1", false);

            VerifyReport.Step lint = report.steps().stream().filter(s -> s.name().equals("lint")).findFirst().orElseThrow();
            assertThat(lint.outcome()).isEqualTo(VerifyReport.Outcome.PASSED);
            assertThat(lint.notes()).contains("acknowledged in V2__drop_status.sql: column customer.status and its values"
                    + " would be dropped (drop column)");
        }
    }

    /** Without the header line (a migration written by hand), the loss since the tag still fails until acknowledged. */
    @Test
    void anUnacknowledgedLossInAHandWrittenMigrationStillFails() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = droppedStatus(git, "");

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v1", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("[lint] changes since v1 lose data")
                    .hasMessageContaining("column customer.status and its values would be dropped")
                    .hasMessageContaining("-Djpamigrate.allowDestructive=customer.status")
                    .hasMessageContaining("-- jpa-migrate:allow-destructive <target> in the header");
            VerifyReport report = verify(project, allow("customer.status"), "v1", false);
            assertThat(outcome(report, "lint")).isEqualTo(VerifyReport.Outcome.PASSED);
        }
    }

    /** A header line naming what no change loses acknowledges nothing else, and says so. */
    @Test
    void aHeaderAcknowledgingAnotherColumnAcknowledgesNothingElse() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = droppedStatus(git, "-- jpa-migrate:allow-destructive customer.name\n");

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v1", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("column customer.status and its values would be dropped");
            assertThat(project.read(project.layout.workDirectory().resolve(VerifyReport.FILE_NAME)))
                    .contains("V2__drop_status.sql acknowledges the loss of customer.name, but no change since v1 loses it");
        }
    }

    /** "Everything" is no acknowledgement in a header: the line fails, naming the form that works. */
    @Test
    void aHeaderThatAcknowledgesEverythingFails() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = droppedStatus(git, "-- jpa-migrate:allow-destructive true\n");

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v1", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("[lint] acknowledgements in the headers of the migrations added since v1")
                    .hasMessageContaining("V2__drop_status.sql:")
                    .hasMessageContaining("'true' acknowledges nothing in a migration's header")
                    .hasMessageContaining("column customer.status and its values would be dropped");
        }
    }

    /** Issue 19 item 6: the migration generated with a backfill gives the new NOT NULL column its value. */
    @Test
    void aNewNotNullColumnTheMigrationBackfillsIsNoHazard() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);
            project.compile(io.github.jpamigrate.plugin.project.ShopModels.addColumn(shop(), "customer",
                    io.github.jpamigrate.core.model.Column.of("tier", io.github.jpamigrate.core.model.ColumnType.of(
                            io.github.jpamigrate.core.model.TypeKind.INTEGER), false)));
            project.generate(ProjectFixture.options(List.of(), List.of("customer.tier=1"), List.of()), "tier", Prompter.BATCH);
            commit(git, "tier");

            VerifyReport report = verify(project, ChangeOptions.defaults(), "v1", false);

            VerifyReport.Step lint = report.steps().stream().filter(s -> s.name().equals("lint")).findFirst().orElseThrow();
            assertThat(lint.summary()).contains("0 hazard(s)");
            assertThat(lint.notes()).noneMatch(n -> n.contains("customer.tier"));
        }
    }

    @Test
    void aModelChangeSinceTheTagWithoutAnyNewMigrationFails() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);
            project.compile(withPhone(shop()));
            // The snapshot was brought up to date by hand, so check alone cannot see it.
            Files.copy(project.layout.descriptor(), project.layout.snapshot(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v1", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageNotContaining("[check]")
                    .hasMessageContaining("[git] the model changed since v1 but no migration was added since")
                    .hasMessageContaining("add column customer.phone");
        }
    }

    @Test
    void aProjectInASubfolderOfTheRepositoryIsComparedByItsOwnPaths() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir.resolve("service")).compile(shop());
            project.generate("initial");
            commit(git, "service/src", "initial");
            git.tag().setName("v1").call();
            Path v1 = project.migration("V1__initial.sql");
            Files.writeString(v1, project.read(v1) + "-- edited\n");

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v1", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("src/main/resources/db/migration/V1__initial.sql was edited since v1");
        }
    }

    @Test
    void anUnknownRefSaysHowToFetchIt() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = released(git);

            assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v9", false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("[git] jpamigrate.base=v9 is not a tag, branch or commit")
                    .hasMessageContaining("git fetch origin --tags");
        }
    }

    @Test
    void outsideAGitRepositoryItSaysSo() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");

        assertThatThrownBy(() -> verify(project, ChangeOptions.defaults(), "v1", false))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("is not inside a git repository")
                .hasMessageContaining("drop -Djpamigrate.base");
    }

    @Test
    void aShallowCloneWithoutTheBaseSaysFetchUnshallow() throws Exception {
        GitFixture.ShallowClone shallow = GitFixture.shallowClone(dir);

        assertThatThrownBy(() -> verify(shallow.project(), ChangeOptions.defaults(), shallow.missing().name(), false))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("it is a shallow clone")
                .hasMessageContaining("git fetch --unshallow")
                .hasMessageContaining("fetch-depth: 0");
    }
}
