package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.jpamigrate.plugin.project.GitFixture.commit;
import static org.assertj.core.api.Assertions.assertThat;

/** The lint workflow on a git project: the released migrations are the baseline, the added ones fail. */
class LintWorkflowTest {

    @TempDir
    Path dir;

    @Test
    void migrationsReleasedAtBaseAreTheBaselineAndAddedOnesFail() throws Exception {
        ProjectLayout layout = ProjectLayout.standard(dir);
        Path folder = Files.createDirectories(layout.migrationDirectory());
        List<String> warnings = new ArrayList<>();
        WorkflowLog log = new WorkflowLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            Files.writeString(folder.resolve("V1__setup.sql"), LintRuleTest.SETUP);
            Files.writeString(folder.resolve("V2__cleanup.sql"), "TRUNCATE orders;\n");
            commit(git, "release");
            git.tag().setName("v1").call();
            Files.writeString(folder.resolve("V3__more.sql"), "\nDELETE FROM customer;\n");

            LintWorkflow.Base base = LintWorkflow.base(layout, "v1");
            LintReport report = new LintWorkflow(log, Map.of()).run(layout,
                    List.of(new LintWorkflow.Folder(Dialect.POSTGRESQL, folder)), null, base);

            assertThat(base.released()).hasToString("2");
            assertThat(report.failing()).extracting(f -> f.file() + ":" + f.line() + " " + f.rule().code())
                    .containsExactly("src/main/resources/db/migration/V3__more.sql:2 JML113");
            assertThat(report.result().findings()).filteredOn(LintFinding::baseline)
                    .extracting(f -> f.rule().code()).containsExactly("JML112");
            assertThat(warnings).singleElement().asString().startsWith("src/main/resources/db/migration/V3__more.sql:2: JML113");
            assertThat(Files.readString(layout.workDirectory().resolve(LintReport.FILE_NAME)))
                    .contains("\"baseline\" : true", "\"fails\" : true");
        }
    }
}
