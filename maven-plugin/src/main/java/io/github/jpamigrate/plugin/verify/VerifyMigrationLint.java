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
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * The {@code migration lint} step of {@code verify}: the lint of {@code plugin/lint} over each
 * target's folder. With {@code base}, findings in migrations added since fail the build and those
 * in released ones are the baseline; without it, every finding is listed and none fails (the
 * {@code lint} goal alone fails on all). The lint reads and checks the SQL while the database
 * replays ({@link #start}); its step reports it in its place ({@link #step}).
 */
final class VerifyMigrationLint {

    /** How many migrations with statements the parser could not read the note names. */
    static final int UNREAD_FILES_SHOWN = 3;

    /**
     * Where the lint runs: a daemon thread of its own, so that the SQL is read and checked on the
     * client while the database replays (it only reads the migration files); what it found is
     * written and logged at the lint step, in the order a lint run after the replay would give.
     */
    static final Executor OWN_THREAD = work -> {
        Thread thread = new Thread(work, "jpa-migrate-verify-lint");
        thread.setDaemon(true);
        thread.start();
    };

    private final Optional<VerifyHistory.Base> base;
    private final FutureTask<LintReport> findings;

    private VerifyMigrationLint(Optional<VerifyHistory.Base> base, FutureTask<LintReport> findings) {
        this.base = base;
        this.findings = findings;
    }

    /** Starts the lint of every target's folder on {@code executor}; {@link #step} waits for it and reports it. */
    static VerifyMigrationLint start(Executor executor, ProjectLayout layout, List<Target> targets, ProjectModels models,
                                     Optional<VerifyHistory.Base> base) {
        List<LintWorkflow.Folder> folders = targets.stream()
                .map(t -> new LintWorkflow.Folder(t.dialect(), t.layout().migrationDirectory())).toList();
        LintWorkflow.Base released = base.map(b -> new LintWorkflow.Base(b.ref(), b.newest(), b.snapshot(), b.baselines()))
                .orElse(null);
        FutureTask<LintReport> findings = new FutureTask<>(() -> LintWorkflow.lint(layout, folders, models.model(),
                released));
        executor.execute(findings);
        return new VerifyMigrationLint(base, findings);
    }

    /** Gives up a lint whose step will not come (an earlier step threw); a no-op once it finished. */
    void abandon() {
        findings.cancel(true);
    }

    /** The step: the findings, written and logged now; a failure of the lint is thrown here, as it came. */
    VerifyReport.Step step(WorkflowLog log, ProjectLayout layout) throws IOException {
        LintReport report;
        try {
            report = new LintWorkflow(log, System.getenv()).publish(layout, await());
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

    private LintReport await() throws IOException {
        try {
            return findings.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            findings.cancel(true);
            throw new InterruptedIOException("interrupted while waiting for the migration lint");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
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
