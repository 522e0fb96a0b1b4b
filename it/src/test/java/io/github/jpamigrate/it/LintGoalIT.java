package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.nio.file.Files;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

/**
 * {@code jpa-migrate:lint} on a real project in a real git repository: a hand-written migration
 * added since the release fails the build with its file, line and rule; a reasoned accept marker
 * lets it pass; the released migrations are the baseline.
 */
@EndToEnd
class LintGoalIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";

    @Test
    void aHandWrittenMigrationSinceTheReleaseIsLintedAndCanBeAccepted(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("verify-sqlite");
        try (Git git = Git.init().setDirectory(project.dir().toFile()).call()) {
            project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
            git.add().addFilepattern(".").call();
            git.commit().setMessage("release").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            git.tag().setName("v1.0.0").call();
            Files.writeString(project.file(MIGRATIONS + "/V2__cleanup.sql"), "-- clean up\nDELETE FROM book;\n");

            BuildResult red = project.maven("jpa-migrate:lint").property("jpamigrate.base", "v1.0.0")
                    .environment("GITHUB_ACTIONS", "true")
                    .environment("GITHUB_STEP_SUMMARY", project.file("summary.md").toString())
                    .run().assertFailure();
            assertThat(red.log())
                    .contains(MIGRATIONS + "/V2__cleanup.sql:2: JML113 DELETE FROM book without WHERE")
                    .contains("-- jpa-migrate:accept JML113 <reason>")
                    .contains("::warning file=" + MIGRATIONS + "/V2__cleanup.sql,line=2,title=JML113 DELETE without WHERE::")
                    .doesNotContain("at io.github.jpamigrate.");
            assertThat(red.file("target/jpa-migrate/lint-report.json")).content()
                    .contains("\"code\" : \"JML113\"", "\"fails\" : true");
            assertThat(Files.readString(project.file("summary.md"))).contains("| **new** | " + MIGRATIONS
                    + "/V2__cleanup.sql | 2 | JML113");

            Files.writeString(project.file(MIGRATIONS + "/V2__cleanup.sql"),
                    "-- jpa-migrate:accept JML113 the table only holds test rows before the first release\nDELETE FROM book;\n");
            BuildResult green = project.maven("jpa-migrate:lint").property("jpamigrate.base", "v1.0.0").run().assertSuccess();
            assertThat(green.log()).contains("Migration lint: ").contains("1 accepted");
        }
    }
}
