package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.eclipse.jgit.api.CheckoutCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;

/**
 * Two branches that each generated a migration, in a real git repository: the merge conflicts on
 * the snapshot, {@code check} names what taking both leaves, and {@code rebase} renumbers and
 * regenerates the branch's migration so that {@code verify} replays the folder with rows and passes.
 */
@EndToEnd
class BranchesGoalIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final String UNDO = "src/main/jpa-migrate/undo";
    private static final String SNAPSHOT = "src/main/jpa-migrate/model.json";
    private static final String AUTHOR = "src/main/java/com/example/library/Author.java";

    @Test
    void aTableRebuildOnTheBranchAndANewColumnOnMainAreRebasedIntoOneLineThatVerifyPasses(ProjectTemplates templates)
            throws Exception {
        TestProject project = templates.copy("verify-sqlite");
        try (Git git = Git.init().setDirectory(project.dir().toFile()).setInitialBranch("main").call()) {
            project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
            commit(git, "initial schema");
            git.branchCreate().setName("feature").call();

            // main: a new column on Author
            project.edit(AUTHOR, "public class Author {", "public class Author {\n\n    private String country;\n");
            project.maven("jpa-migrate:generate").property("message", "add country").run().assertSuccess();
            commit(git, "country");
            git.tag().setName("v1.1.0").call();

            // feature: a longer Author.name, which rebuilds Author on SQLite
            git.checkout().setName("feature").call();
            project.edit(AUTHOR, "length = 80", "length = 200");
            project.maven("jpa-migrate:generate").property("message", "longer names").run().assertSuccess();
            commit(git, "longer names");

            MergeResult merge = git.merge().include(git.getRepository().resolve("main")).setCommit(false).call();
            assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);
            assertThat(merge.getConflicts()).containsOnlyKeys(SNAPSHOT);

            // Taking main's snapshot and both migrations: check names both and the fix.
            git.checkout().setStage(CheckoutCommand.Stage.THEIRS).addPath(SNAPSHOT).call();
            BuildResult both = project.maven("jpa-migrate:check").run().assertFailure();
            assertThat(both.log())
                    .contains("version 2 has 2 migrations: " + MIGRATIONS + "/V2__add_country.sql and "
                            + MIGRATIONS + "/V2__longer_names.sql")
                    .contains("mvn jpa-migrate:rebase")
                    .doesNotContain("at io.github.jpamigrate.");

            project.maven("jpa-migrate:rebase").run().assertSuccess();
            assertThat(files(project, MIGRATIONS)).containsExactly("V1__initial_schema.sql", "V2__add_country.sql",
                    "V3__longer_names.sql", "V3__longer_names.sql.conf");
            assertThat(files(project, UNDO)).contains("U2__add_country.sql", "U3__longer_names.sql")
                    .noneMatch(f -> f.startsWith("U2__longer_names"));
            assertThat(Files.readString(project.file(MIGRATIONS + "/V3__longer_names.sql"))).contains("country");

            project.maven("jpa-migrate:check").run().assertSuccess();
            BuildResult green = project.maven("verify").property("jpamigrate.base", "v1.1.0").run().assertSuccess();
            assertThat(green.log())
                    .contains("PASSED  replay Flyway applied 3 migration(s)")
                    .contains("PASSED  data")
                    .contains("every row is still there");
        }
    }

    private static java.util.List<String> files(TestProject project, String folder) throws IOException {
        try (Stream<java.nio.file.Path> list = Files.list(project.file(folder))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }
}
