package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.git.GitProblem;
import io.github.jpamigrate.plugin.lint.LintReport;
import io.github.jpamigrate.plugin.lint.LintWorkflow;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints every migration in the folder, hand-written ones included, for statements that hurt a
 * running production database (docs/lint.md lists the rules, JML101...). Writes
 * {@code target/jpa-migrate/lint-report.json}; on GitHub Actions also annotations and a job
 * summary. Needs no database. With {@code -Djpamigrate.base=v1.4.0}, findings in migrations
 * released at that ref are reported as the baseline and only newer ones fail the build; without
 * it, every finding fails. {@code verify} runs the same lint.
 */
@Mojo(name = "lint", threadSafe = true)
public class LintMojo extends JpaMigrateMojo {

    /**
     * The git ref of the released version (a tag, a branch, a commit): migrations present there are
     * the baseline (reported, never failing), and its snapshot tells which columns the previous
     * release maps. Default: none (every finding fails). Example: {@code -Djpamigrate.base=v1.4.0}.
     */
    @Parameter(property = "jpamigrate.base")
    String base;

    @Override
    void run() throws IOException {
        LintWorkflow workflow = new LintWorkflow(workflowLog(), System.getenv());
        List<LintWorkflow.Folder> folders = new ArrayList<>();
        for (Dialect dialect : targets().dialects()) {
            folders.add(new LintWorkflow.Folder(dialect, targets().layout(layout(), dialect).migrationDirectory()));
        }
        LintWorkflow.Base released;
        try {
            released = base == null || base.isBlank() ? null : LintWorkflow.base(layout(), base.trim());
        } catch (GitProblem e) {
            throw new WorkflowFailure(e.getMessage(), e);
        }
        LintReport report = workflow.run(layout(), folders, workflow.currentModel(layout()), released);
        if (!report.failing().isEmpty()) {
            throw new WorkflowFailure(report.failing().size() + " migration lint finding(s) in migrations not released yet"
                    + " (listed above and in " + layout().show(layout().workDirectory().resolve(LintReport.FILE_NAME))
                    + "). Write the statement the safe way the finding names, or accept it with a reason in a comment"
                    + " before it: -- jpa-migrate:accept JML101 <reason> (docs/lint.md).");
        }
    }
}
