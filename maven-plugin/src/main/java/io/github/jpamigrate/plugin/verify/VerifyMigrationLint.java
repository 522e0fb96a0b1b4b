package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.lint.LintFinding;
import io.github.jpamigrate.plugin.lint.LintReport;
import io.github.jpamigrate.plugin.lint.LintWorkflow;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code migration lint} step of {@code verify}: the lint of {@code plugin/lint} over each
 * target's folder. With {@code base}, findings in migrations added since fail the build and those
 * in released ones are the baseline; without it, every finding is listed and none fails (the
 * {@code lint} goal alone fails on all).
 */
final class VerifyMigrationLint {

    /** How many migrations with statements the parser could not read the note names. */
    static final int UNREAD_FILES_SHOWN = 3;

    private VerifyMigrationLint() {
    }

    static VerifyReport.Step run(WorkflowLog log, ProjectLayout layout, List<Target> targets, ProjectModels models,
                                 Optional<VerifyHistory.Base> base) throws IOException {
        List<LintWorkflow.Folder> folders = targets.stream()
                .map(t -> new LintWorkflow.Folder(t.dialect(), t.layout().migrationDirectory())).toList();
        LintWorkflow.Base released = base.map(b -> new LintWorkflow.Base(b.ref(), b.newest(), b.snapshot(), b.baselines()))
                .orElse(null);
        LintReport report;
        try {
            report = new LintWorkflow(log, System.getenv()).run(layout, folders, models.model(), released);
        } catch (ProjectFileException e) {
            return new VerifyReport.Step("migration lint", VerifyReport.Outcome.SKIPPED, "the migration folder cannot be"
                    + " read (see the replay step)", List.of(), List.of());
        }
        String summary = report.summary() + (base.isPresent() ? "" : "; without -Djpamigrate.base none fails the build");
        List<String> notes = new java.util.ArrayList<>(report.result().findings().stream()
                .filter(f -> !f.failing() || base.isEmpty()).filter(f -> f.accepted() == null)
                .map(LintFinding::describe).toList());
        unreadNote(report.result().unread()).ifPresent(notes::add);
        List<String> failing = base.isEmpty() ? List.of() : report.failing().stream().map(LintFinding::describe).toList();
        if (failing.isEmpty()) {
            return new VerifyReport.Step("migration lint", VerifyReport.Outcome.PASSED, summary, List.of(), notes);
        }
        String problem = "migrations added since " + base.get().ref() + " hold statements that block or break a running"
                + " database; write them the safe way named, or accept each with a reason (-- jpa-migrate:accept <code>"
                + " <reason> before the statement, docs/lint.md):\n  - " + String.join("\n  - ", failing);
        return new VerifyReport.Step("migration lint", VerifyReport.Outcome.FAILED, summary, List.of(problem), notes);
    }

    /**
     * The statements the lint could not read ({@code db/migration/V3__x.sql:4: ALTER TABLE}), said
     * once: how many, and the first migrations holding them with their counts; empty when none.
     */
    static Optional<String> unreadNote(List<String> unread) {
        Map<String, Integer> byFile = new java.util.LinkedHashMap<>();
        for (String statement : unread) {
            java.util.regex.Matcher at = java.util.regex.Pattern.compile(":\\d+:").matcher(statement);
            String file = at.find() ? statement.substring(0, at.start()) : statement;
            byFile.merge(file.substring(file.lastIndexOf('/') + 1), 1, Integer::sum);
        }
        if (byFile.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = byFile.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        String shown = String.join(", ", parts.subList(0, Math.min(UNREAD_FILES_SHOWN, parts.size())))
                + (parts.size() > UNREAD_FILES_SHOWN ? " and " + (parts.size() - UNREAD_FILES_SHOWN) + " more migration(s)" : "");
        return Optional.of(unread.size() + " statement(s) in " + parts.size() + " migration(s) were not read by the SQL"
                + " parser (" + shown + "), so they are not linted. Not a failure.");
    }
}
