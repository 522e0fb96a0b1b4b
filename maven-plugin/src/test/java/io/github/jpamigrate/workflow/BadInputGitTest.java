package io.github.jpamigrate.workflow;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.jpamigrate.workflow.ShopModels.shop;
import static io.github.jpamigrate.workflow.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad-input catalogue, git (docs/reliability.md): the cases {@link VerifyHistoryTest} and
 * {@link DiffCommitsTest} do not already cover. A commit id that is not in the clone, and a
 * shallow clone, for both {@code diff -Djpamigrate.from} and {@code verify -Djpamigrate.base}.
 */
class BadInputGitTest {

    private static final String ABSENT_COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern("src").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }

    @Test
    void aCommitIdThatIsNotInTheCloneSaysHowToFetchIt() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(dir).compile(shop());
            project.generate("initial");
            commit(git, "initial");

            assertThatThrownBy(() -> new DiffWorkflow(project.log).between(project.layout, ChangeOptions.defaults(),
                    ABSENT_COMMIT, null))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageStartingWith("jpamigrate.from=" + ABSENT_COMMIT + " names a commit that is missing from this clone")
                    .hasMessageContaining("git fetch");
            assertThatThrownBy(() -> VerifyWorkflowTest.verify(project, ChangeOptions.defaults(), ABSENT_COMMIT, false))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("[git] jpamigrate.base=" + ABSENT_COMMIT + " names a commit that is missing from this clone")
                    .hasMessageContaining("git fetch");
        }
    }

    @Test
    void aShallowCloneWithoutTheFromCommitSaysFetchUnshallow() throws Exception {
        Path origin = dir.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(origin).compile(shop());
            project.generate("initial");
            RevCommit first = commit(git, "initial");
            project.compile(withPhone(shop()));
            project.generate("phone");
            commit(git, "phone");
            Path clone = dir.resolve("clone");
            try (Git shallow = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile())
                    .setDepth(1).call()) {
                ProjectFixture cloned = new ProjectFixture(clone).compile(withPhone(shop()));

                assertThatThrownBy(() -> new DiffWorkflow(cloned.log).between(cloned.layout, ChangeOptions.defaults(),
                        first.name(), null))
                        .isInstanceOf(WorkflowFailure.class)
                        .hasMessageContaining("jpamigrate.from=" + first.name())
                        .hasMessageContaining("it is a shallow clone")
                        .hasMessageContaining("git fetch --unshallow")
                        .hasMessageContaining("fetch-depth: 0");
            }
        }
    }
}
