package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.GitFixture.commit;
import static io.github.jpamigrate.plugin.project.ShopModels.dropColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code diff -Djpamigrate.from=<ref> [-Djpamigrate.to=<ref>]} on real git repositories made with JGit. */
class DiffCommitsTest {

    @TempDir
    Path dir;

    private static void writeSnapshot(ProjectFixture project, SchemaModel model) throws Exception {
        Files.createDirectories(project.layout.snapshot().getParent());
        Files.write(project.layout.snapshot(), SnapshotFile.content(model));
    }

    private static String label(String ref, RevCommit commit) {
        return ref + " (" + commit.abbreviate(10).name() + ")";
    }

    private static List<SchemaChange> diff(ProjectFixture project, String from, String to) throws Exception {
        return new DiffWorkflow(project.log).between(project.layout, ChangeOptions.defaults(), from, to);
    }

    @Test
    void showsTheChangesAndTheSqlBetweenTwoTags() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir);
            writeSnapshot(project, shop());
            RevCommit first = commit(git, ".", "initial");
            git.tag().setName("v1").call();
            writeSnapshot(project, withPhone(shop()));
            RevCommit second = commit(git, ".", "phone");
            git.tag().setName("v2").call();
            writeSnapshot(project, dropColumn(shop(), "order", "total"));

            List<SchemaChange> changes = diff(project, "v1", "v2");

            assertThat(changes).hasSize(1);
            assertThat(project.info).contains("Schema changes from " + label("v1", first) + " to " + label("v2", second)
                    + " (src/main/jpa-migrate/model.json):\n  add column customer.phone varchar(32)");
            assertThat(project.info).anySatisfy(line -> assertThat(line)
                    .startsWith("SQL for sqlite:\n-- schema changes from " + label("v1", first))
                    .endsWith("alter table customer add column phone varchar(32);\n"));
            assertThat(project.warnings).isEmpty();
        }
    }

    @Test
    void withoutToComparesWithTheWorkingTreeAndMarksWhatLosesData() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir);
            writeSnapshot(project, shop());
            RevCommit first = commit(git, ".", "initial");
            writeSnapshot(project, withPhone(dropColumn(shop(), "order", "total")));

            List<SchemaChange> changes = diff(project, first.name(), null);

            assertThat(changes).hasSize(2);
            assertThat(project.info).anySatisfy(line -> assertThat(line)
                    .startsWith("Schema changes from " + first.abbreviate(10).name() + " to the working tree (")
                    .contains("\n  add column customer.phone varchar(32)")
                    .contains("\n  drop column order.total"));
            assertThat(project.warnings).singleElement().asString()
                    .startsWith("Hazards of these changes:")
                    .contains("- [destructive] ")
                    .contains("total")
                    .contains("(drop column)")
                    .doesNotContain("allowDestructive");
            assertThat(project.info).anySatisfy(line -> assertThat(line)
                    .startsWith("SQL for sqlite:\n").contains("alter table \"order\" drop column total;")
                    .contains("alter table customer add column phone varchar(32);"));
        }
    }

    @Test
    void aCommitWithoutASnapshotIsAnEmptyModelAndSaysSo() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir.resolve("service"));
            Files.writeString(dir.resolve("README.md"), "shop\n");
            RevCommit empty = commit(git, ".", "readme");
            git.tag().setName("r0").call();
            writeSnapshot(project, shop());
            commit(git, ".", "initial schema");

            List<SchemaChange> changes = diff(project, "r0", "HEAD");

            assertThat(changes).isNotEmpty();
            assertThat(project.info).first().asString()
                    .isEqualTo("No snapshot src/main/jpa-migrate/model.json in " + label("r0", empty)
                            + ": it counts as an empty model (no tables, as before the first migration).");
            assertThat(project.info).anySatisfy(line -> assertThat(line).contains("\n  add table customer"));
            assertThat(project.info).anySatisfy(line -> assertThat(line)
                    .startsWith("SQL for sqlite:\n").contains("create table customer"));
        }
    }

    @Test
    void equalSnapshotsAndMissingOnesSayThereIsNothing() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir);
            Files.writeString(dir.resolve("README.md"), "shop\n");
            commit(git, ".", "readme");
            git.tag().setName("r0").call();

            assertThat(diff(project, "r0", null)).isEmpty();
            assertThat(project.info).last().asString().endsWith("to the working tree: neither has a snapshot.");

            writeSnapshot(project, shop());
            commit(git, ".", "initial schema");
            assertThat(diff(project, "HEAD", null)).isEmpty();
            assertThat(project.info).last().asString().endsWith("the snapshots are equal.");
        }
    }

    @Test
    void anUnknownRefNamesTheParameterAndHowToFetchIt() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir);
            writeSnapshot(project, shop());
            commit(git, ".", "initial");
            git.tag().setName("v1").call();

            assertThatThrownBy(() -> diff(project, "v9", null))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageStartingWith("jpamigrate.from=v9 is not a tag, branch or commit")
                    .hasMessageContaining("git fetch origin --tags");
            assertThatThrownBy(() -> diff(project, "v1", "v9"))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageStartingWith("jpamigrate.to=v9 is not a tag, branch or commit");
        }
    }

    @Test
    void toWithoutFromIsRefused() {
        ProjectFixture project = new ProjectFixture(dir);

        assertThatThrownBy(() -> diff(project, null, "v2"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("jpamigrate.to=v2 needs jpamigrate.from")
                .hasMessageContaining("-Djpamigrate.from=v1.4.0 -Djpamigrate.to=v2");
    }

    @Test
    void outsideAGitRepositoryItSaysSo() throws Exception {
        ProjectFixture project = new ProjectFixture(dir);
        writeSnapshot(project, shop());

        assertThatThrownBy(() -> diff(project, "v1", null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("is not inside a git repository")
                .hasMessageContaining("Run diff inside a clone")
                .hasMessageContaining("drop -Djpamigrate.from");
    }
}
