package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.GitFixture;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.verify.VerifyWorkflowTest;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.jpamigrate.plugin.project.GitFixture.commit;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
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
        GitFixture.ShallowClone shallow = GitFixture.shallowClone(dir);
        ProjectFixture cloned = shallow.project();

        assertThatThrownBy(() -> new DiffWorkflow(cloned.log).between(cloned.layout, ChangeOptions.defaults(),
                shallow.missing().name(), null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("jpamigrate.from=" + shallow.missing().name())
                .hasMessageContaining("it is a shallow clone")
                .hasMessageContaining("git fetch --unshallow")
                .hasMessageContaining("fetch-depth: 0");
    }
}
