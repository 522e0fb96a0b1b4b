package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.generate.OtherSchemas;
import io.github.jpamigrate.plugin.generate.SelfCheck;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.project.AcknowledgedLoss;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.StaleDescriptor;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.UnwrittenTargets;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@code verify}: the migrations and the model belong together. Step by step: the snapshot is the
 * model ({@code check}); Flyway replaying the whole folder on a scratch database gives the model;
 * rows put in before the newest migrations survive them; with {@code base}, the released
 * migrations are untouched and the added ones come after them; the lints list what may lose
 * data; and the migration lint ({@code plugin/lint}) what would block or break a running database. Every step runs and is reported (log and JSON); then any problem fails the build.
 */
public final class VerifyWorkflow {

    /** The replay step's summary when Flyway cannot apply the folder to an empty database. */
    private static final String DOES_NOT_APPLY = "the migrations do not apply";

    /** The replay step's summary for a vendor added to {@code dialects}, or a changed {@code dialect}, not started yet. */
    private static final String NEEDS_BASELINE = "the folder needs its baseline migration first";

    private final WorkflowLog log;
    /** Where the migration lint runs while the database replays. */
    private final Executor lintThread;

    public VerifyWorkflow(WorkflowLog log) {
        this(log, VerifyMigrationLint.OWN_THREAD);
    }

    /** With the migration lint run by {@code lintThread} (tests: {@code Runnable::run} runs it in line). */
    VerifyWorkflow(WorkflowLog log, Executor lintThread) {
        this.log = log;
        this.lintThread = lintThread;
    }

    /**
     * @return the report, also written to {@code target/jpa-migrate/verify-report.json}
     * @throws WorkflowFailure listing every problem and its fix
     */
    public VerifyReport run(VerifyRequest request) throws IOException, SQLException {
        ProjectLayout layout = request.layout();
        VerifyReport report = new VerifyReport(request.base());
        requireCompiled(layout);
        ProjectModels files;
        AcceptedDrift drift;
        try {
            files = ProjectModels.read(layout);
            drift = AcceptedDrift.read(layout, files);
        } catch (WorkflowFailure | ProjectFileException e) {
            report.add(failed("model", "the descriptor, the snapshot or the drift baseline cannot be read", e.getMessage()));
            return finish(layout, report);
        }
        StaleDescriptor.require(layout, files.model(), request.flyway().java().sourceRoots(), "verify");
        // Replay, data and lints compare through the baseline: accepted differences are what the database has.
        ProjectModels models = drift.compared();
        report.add(check(layout, files, drift));
        request.shadows().requireUsed(request.targets());
        List<Target> targets = request.resolved();
        boolean anyScratch = targets.stream().anyMatch(Target::hasScratchDatabase);
        UnwrittenTargets unwritten = unwritten(layout, targets);
        Optional<VerifyHistory.Base> lintBase = Optional.empty();
        List<String> lintSql = List.of();
        List<AcknowledgedLoss.Header> lintHeaders = List.of();
        List<VerifyReport.Step> gitSteps = new ArrayList<>();
        // The migration lint starts as soon as its base is known, and reads the SQL while the database replays.
        VerifyMigrationLint migrationLint = request.base() == null
                ? VerifyMigrationLint.start(lintThread, layout, targets, models, lintBase) : null;
        try {
            for (Target target : targets) {
                String label = target.label();
                Optional<VerifyHistory.Base> base = Optional.empty();
                if (request.base() != null) {
                    VerifyHistory.Result history = new VerifyHistory(target.layout(), target.flyway().java())
                            .run(request.base(), request.outOfOrder(), models.model());
                    gitSteps.add(labelled(history.step(), label));
                    base = history.base();
                    if (lintBase.isEmpty() && base.isPresent()) {
                        lintBase = base;
                        lintSql = addedSql(target.layout(), base.get());
                        lintHeaders = headers(target.layout(), base.get().added());
                        migrationLint = VerifyMigrationLint.start(lintThread, layout, targets, models, lintBase);
                    }
                }
                if (unwritten.contains(target)) {
                    report.add(labelled(failed("replay", NEEDS_BASELINE + " (mvn jpa-migrate:baseline)",
                            unwritten.only(target).problem(layout)), label));
                    report.add(labelled(VerifyData.skipped(NEEDS_BASELINE + " (see the replay step)"), label));
                    continue;
                }
                if (request.targets().vendorFolders() && !target.hasScratchDatabase() && anyScratch) {
                    report.add(unreachable(target));
                    report.add(labelled(VerifyData.skipped("no scratch " + target.dialect().id() + " database (see the replay"
                            + " step)"), label));
                    continue;
                }
                Optional<String> schemas = OtherSchemas.problem(models.model(), target.dialect());
                if (schemas.isPresent()) {
                    report.add(labelled(failed("replay", "tables outside the default schema", schemas.get()), label));
                    continue;
                }
                VerifyReport part = new VerifyReport(request.base());
                replayAndData(target, request.options(), models, base, part);
                part.steps().forEach(step -> report.add(labelled(step, label)));
            }
            gitSteps.forEach(report::add);
            VerifyReport.Step lint = VerifyLints.run(request.options(), request.targets().primary(), models, lintBase,
                    lintSql, lintHeaders);
            report.add(lint);
            if (migrationLint == null) {
                migrationLint = VerifyMigrationLint.start(lintThread, layout, targets, models, lintBase);
            }
            report.add(migrationLint.step(log, layout));
        } finally {
            if (migrationLint != null) {
                migrationLint.abandon();
            }
        }
        return finish(layout, report);
    }

    /**
     * The targets whose folder needs its baseline migration before anything can be replayed there
     * (as {@code generate} and {@code check} find them); none when a folder cannot be read, which
     * its replay step reports.
     */
    private static UnwrittenTargets unwritten(ProjectLayout layout, List<Target> targets) throws IOException {
        try {
            return UnwrittenTargets.read(layout, targets);
        } catch (ProjectFileException e) {
            return UnwrittenTargets.of(List.of(), Optional.empty());
        }
    }

    /**
     * In the vendor layout, a server vendor without a shadow server is skipped, not failed, as long
     * as another vendor's folder could be replayed; the message says how to have it checked too.
     */
    private static VerifyReport.Step unreachable(Target target) {
        String engine = SelfCheck.engine(target.dialect());
        return new VerifyReport.Step("replay" + target.label(), VerifyReport.Outcome.SKIPPED, "not replayed: no " + engine
                + " server; " + target.layout().migrationDirectory().getFileName() + "/ is checked once a shadowUrl for "
                + engine + " is set (-Djpamigrate.shadowUrl=jdbc:...)", List.of(), List.of());
    }

    /** A step of one vendor, named after it ({@code replay (postgresql)}) when there are several. */
    private static VerifyReport.Step labelled(VerifyReport.Step step, String label) {
        return label.isEmpty() ? step : new VerifyReport.Step(step.name() + label, step.outcome(), step.summary(),
                step.problems(), step.notes());
    }

    /** Writes the report, logs the summary, and fails when a step failed. */
    private VerifyReport finish(ProjectLayout layout, VerifyReport report) throws IOException {
        Path file = layout.workDirectory().resolve(VerifyReport.FILE_NAME);
        report.write(file);
        report.summaryLines().forEach(log::info);
        log.info("Report: " + layout.show(file));
        if (report.failed()) {
            throw new WorkflowFailure(report.failureMessage() + "\n(the same findings, for CI: " + layout.show(file) + ")");
        }
        return report;
    }

    /** The SQL of the migration files added since {@code base}, read from the target's migration folder. */
    private static List<String> addedSql(ProjectLayout layout, VerifyHistory.Base base) throws IOException {
        List<String> sql = new ArrayList<>();
        for (var added : base.added()) {
            Path file = layout.migrationDirectory().resolve(added.fileName());
            if (Files.isRegularFile(file)) {
                sql.add(Files.readString(file));
            }
        }
        return sql;
    }

    /** The acknowledged data losses in the headers of these migration files of the target's folder. */
    private static List<AcknowledgedLoss.Header> headers(ProjectLayout layout, List<MigrationFile> migrations)
            throws IOException {
        List<AcknowledgedLoss.Header> headers = new ArrayList<>();
        for (MigrationFile migration : migrations) {
            AcknowledgedLoss.read(layout.migrationDirectory().resolve(migration.fileName())).ifPresent(headers::add);
        }
        return headers;
    }

    /** The migrations the data step puts rows before: those added since {@code base}, else the newest. */
    private static List<MigrationFile> newest(Target target, Optional<VerifyHistory.Base> base,
                                              List<MigrationVersion> versions) throws IOException {
        if (base.isPresent()) {
            return base.get().added();
        }
        if (versions.isEmpty()) {
            return List.of();
        }
        MigrationVersion last = versions.get(versions.size() - 1);
        try {
            return new MigrationDirectory(target.layout().migrationDirectory()).scripts().stream()
                    .map(MigrationDirectory.Script::file).filter(f -> last.equals(f.version())).toList();
        } catch (ProjectFileException e) {
            return List.of();
        }
    }

    /** Run on its own before any compile, the goal would otherwise blame the processor set-up. */
    private static void requireCompiled(ProjectLayout layout) {
        Path classes = layout.descriptor().getParent().getParent().getParent();
        if (!Files.exists(layout.descriptor()) && !Files.isDirectory(classes)) {
            throw new WorkflowFailure("the project is not compiled yet (" + layout.show(classes) + " does not exist),"
                    + " so there is no model descriptor to verify. Run\n  mvn verify\n(the goal runs in the verify phase"
                    + " when the plugin declares its execution) or compile first:\n  mvn compile jpa-migrate:verify");
        }
    }

    /** The check step; the accepted differences are its notes, listed and never failing. */
    private VerifyReport.Step check(ProjectLayout layout, ProjectModels files, AcceptedDrift drift) throws IOException {
        List<String> accepted = drift.accepted().stream().map(item -> "accepted: " + item.describe()).toList();
        try {
            // the descriptor, snapshot and drift baseline as read above, not read again
            List<SchemaChange> none = new CheckWorkflow(log).check(layout, files, drift, List.of());
            return new VerifyReport.Step("check", VerifyReport.Outcome.PASSED, "the snapshot "
                    + layout.show(layout.snapshot()) + " is the entity model (" + none.size() + " differences"
                    + (accepted.isEmpty() ? "" : ", " + accepted.size() + " accepted in "
                    + layout.show(layout.driftBaseline())) + ")", List.of(), accepted);
        } catch (WorkflowFailure e) {
            return new VerifyReport.Step("check", VerifyReport.Outcome.FAILED, "the snapshot is not the entity model",
                    List.of(e.getMessage()), accepted);
        }
    }

    /**
     * Steps 2 and 3 share one scratch database when they can: the data step applies the whole
     * folder (with rows in it), and the replay step then reads the schema from that database, so
     * the folder is replayed once. When the data step cannot get to the end, the replay step gets
     * its own empty database, so that its verdict never depends on the seeded rows.
     */
    private void replayAndData(Target target, ChangeOptions options, ProjectModels models,
                               Optional<VerifyHistory.Base> base, VerifyReport report) throws IOException, SQLException {
        List<MigrationVersion> versions = folderVersions(target);
        // Rows a newest migration deletes on purpose are acknowledged in its header, as on the command line.
        VerifyData data = new VerifyData(target, options.withAcknowledged(headers(target.layout(),
                newest(target, base, versions)).stream().flatMap(h -> h.targets().stream()).toList()), models.model());
        VerifyData.Plan plan = data.plan(base, versions);
        VerifyReport.Step unreadable = unreadableFolder(target);
        if (!plan.runs() || unreadable != null) {
            report.add(unreadable != null ? unreadable : replay(target, models));
            report.add(plan.runs() ? VerifyData.skipped("the migration folder cannot be replayed (see the replay step)")
                    : plan.skipped());
            return;
        }
        ScratchDatabase scratch;
        try {
            scratch = target.scratch();
        } catch (ReplayException e) {
            report.add(failed("replay", "no scratch database", e.getMessage() + "."));
            report.add(VerifyData.skipped("no scratch database (see the replay step)"));
            return;
        }
        try (ScratchDatabase db = scratch) {
            VerifyData.Proof proof = data.prove(db, plan);
            VerifyReport.Step replayed = proof.complete() ? replayResult(target, models, db, proof.applied())
                    : replay(target, models);
            report.add(replayed);
            // A migration that fails on an empty database too is the replay step's finding: the same
            // failure again under "rows" would send the reader to defaults and backfills.
            report.add(!proof.complete() && replayed.summary().equals(DOES_NOT_APPLY)
                    ? VerifyData.skipped("the migrations do not apply even to an empty database (see the replay step)")
                    : proof.step());
        }
    }

    private VerifyReport.Step replay(Target target, ProjectModels models) throws SQLException {
        if (!target.hasScratchDatabase()) {
            return failed("replay", "no scratch database for " + target.dialect().id(), "verify replays the"
                    + " migrations on " + engine(target) + ", which needs a server. Set <shadowUrl> (and <shadowUser>,"
                    + " <shadowPassword>) or -Djpamigrate.shadowUrl=jdbc:... to a server where JPA Migrate may create"
                    + " and drop a scratch database (on CI a service container), or skip verify (-Djpamigrate.skip).");
        }
        ScratchDatabase scratch;
        try {
            scratch = target.scratch();
        } catch (ReplayException e) {
            return failed("replay", "no scratch database", e.getMessage() + ".");
        }
        try (ScratchDatabase db = scratch) {
            int applied = ScratchReplay.migrate(db, target.flyway(), null);
            return replayResult(target, models, db, applied);
        } catch (ReplayException e) {
            return failed("replay", DOES_NOT_APPLY, e.getMessage() + "\nFix that migration (if it was"
                    + " not released yet) so that Flyway applies the folder from an empty database.");
        }
    }

    private static VerifyReport.Step unreadableFolder(Target target) {
        try {
            new MigrationDirectory(target.layout().migrationDirectory()).scripts();
            target.flyway().java().requireCompiled();
            return null;
        } catch (ProjectFileException e) {
            return failed("replay", "the migration folder cannot be replayed", e.getMessage());
        } catch (IOException e) {
            return failed("replay", "the migration folder cannot be read", e.getMessage());
        }
    }

    /** The replay step's verdict on a database the whole folder was applied to. */
    private static VerifyReport.Step replayResult(Target target, ProjectModels models, ScratchDatabase db,
                                                  int applied) throws SQLException {
        String engine = engine(target) + db.isolationNote();
        SchemaDrift.Read read = ScratchReplay.driftRead(db, models.model(),
                ScratchReplay.ignoredTables(target.flyway().table(), models.model(), models.snapshot()));
        List<SchemaChange> drift = read.changes();
        if (drift.isEmpty()) {
            return passed("replay", "Flyway applied " + applied + " migration(s) to " + engine + " and the schema it"
                    + " built is the entity model");
        }
        StringBuilder problem = new StringBuilder("Flyway applied ").append(applied)
                .append(" migration(s) to ").append(engine).append(", and the schema they build is not the entity model:");
        drift.forEach(change -> problem.append("\n  - ").append(DriftWords.of(change, read.schema())));
        problem.append("\nA migration that was written or edited by hand does not match the entities, or an entity"
                + " changed without a migration. Fix the migration that is not released yet, or generate the"
                + " missing one: mvn jpa-migrate:generate -Dmessage=\"...\"");
        return failed("replay", drift.size() + " difference(s) between the migrations and the model", problem.toString());
    }

    private static String engine(Target target) {
        return "a scratch " + target.dialect().id() + " database";
    }

    /**
     * The versions Flyway applies to an empty database, in order: the newest baseline migration and
     * the versioned ones above it, SQL files and Java migrations alike.
     */
    private static List<MigrationVersion> folderVersions(Target target) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        try {
            new MigrationDirectory(target.layout().migrationDirectory()).scripts().forEach(s -> files.add(s.file()));
        } catch (ProjectFileException e) {
            return List.of();
        }
        target.flyway().java().compiled().forEach(c -> files.add(c.file()));
        return MigrationFile.appliedOnEmpty(files).stream().map(MigrationFile::version).toList();
    }

    static VerifyReport.Step passed(String name, String summary) {
        return new VerifyReport.Step(name, VerifyReport.Outcome.PASSED, summary, List.of(), List.of());
    }

    static VerifyReport.Step failed(String name, String summary, String problem) {
        return new VerifyReport.Step(name, VerifyReport.Outcome.FAILED, summary, List.of(problem), List.of());
    }
}
