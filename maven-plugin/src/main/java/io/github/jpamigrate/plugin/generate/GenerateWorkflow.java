package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.ChangeTitle;
import io.github.jpamigrate.core.diff.ProbableRename;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.migration.Slug;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.baseline.BaselineFile;
import io.github.jpamigrate.plugin.baseline.DriftBaseline;
import io.github.jpamigrate.plugin.baseline.DriftItem;
import io.github.jpamigrate.plugin.io.AtomicFileSet;
import io.github.jpamigrate.plugin.io.GenerateLock;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.UnwrittenTargets;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code generate}: from the committed snapshot to the build's model, write the next Flyway
 * migration, its undo script and the new snapshot. Renames are never guessed, hazards must be
 * acknowledged, and the result is proven on a scratch database before a single file is written.
 * Runs of one project take turns through a lock, so two at once cannot take the same version.
 */
public final class GenerateWorkflow {

    private final WorkflowLog log;
    private final Prompter prompter;
    private final Clock clock;

    public GenerateWorkflow(WorkflowLog log, Prompter prompter, Clock clock) {
        this.log = log;
        this.prompter = prompter;
        this.clock = clock;
    }

    /**
     * @throws WorkflowFailure when the user has to act first (the message says how); nothing is written then
     */
    public GenerateResult run(GenerateRequest request) throws IOException, SQLException {
        request.shadows().requireUsed(request.targets());
        try (GenerateLock lock = GenerateLock.acquire(request.layout().lockFile())) {
            AtomicFileSet.recover(request.layout().writeJournal()).ifPresent(log::warn);
            ProjectModels models = ProjectModels.read(request.layout());
            return generate(request, models, new BaselineFile(request.layout().driftBaseline()).read());
        }
    }

    /**
     * Generates from a snapshot that is not (yet) the file on disk: {@code init} passes the schema
     * it read back from the replayed migrations, or no snapshot at all.
     */
    public GenerateResult run(GenerateRequest request, ProjectModels models) throws IOException, SQLException {
        return run(request, models, DriftBaseline.EMPTY);
    }

    /**
     * As {@link #run(GenerateRequest, ProjectModels)}, with the differences {@code init} accepted:
     * it writes the drift baseline with the snapshot.
     */
    public GenerateResult run(GenerateRequest request, ProjectModels models, DriftBaseline baseline)
            throws IOException, SQLException {
        request.shadows().requireUsed(request.targets());
        try (GenerateLock lock = GenerateLock.acquire(request.layout().lockFile())) {
            AtomicFileSet.recover(request.layout().writeJournal()).ifPresent(log::warn);
            return generate(request, models, baseline);
        }
    }

    private GenerateResult generate(GenerateRequest request, ProjectModels files, DriftBaseline baseline)
            throws IOException, SQLException {
        ProjectLayout layout = request.layout();
        refuseUnwritten(request);
        AcceptedDrift drift = AcceptedDrift.of(files, baseline, request.options().reconcile());
        ProjectModels models = drift.compared();
        DeclaredNames.check(request.options(), models.snapshot(), models.model());
        List<String> dialects = request.resolved().stream().map(t -> t.dialect().id()).toList();
        PendingChanges resolved = resolveRenames(PendingChanges.of(models, request.options(), dialects), dialects);
        ExpandContractStep step = ExpandContractStep.plan(request, request.resolved(), files, resolved, dialects);
        PendingChanges pending = step.pending();
        refuseBlocked(pending, request.empty());
        logBaseline(layout, drift, request.options().reconcile());
        if (pending.isEmpty() && !request.empty()) {
            if (drift.baselineChanges()) {
                return writeBaselineOnly(layout, drift, files.expanded());
            }
            if (request.prove()) {
                NewestProof.proveAll(request, models.model(), log::info);
                return GenerateResult.nothing();
            }
            log.info("No model change: " + layout.show(layout.snapshot()) + " matches the entities, nothing to"
                    + " generate. (For a hand-written data change, -Djpamigrate.empty=true writes an empty migration.)");
            files.pendingContract().ifPresent(log::info);
            return GenerateResult.nothing();
        }
        MigrationFile file = nextFile(request, pending, step);
        MigrationFile followUp = MigrationFile.versioned(request.versionScheme().next(
                List.of(file.version()), clock.instant()), followUpSlug(file.version()));
        String title = "V" + file.version() + ": " + words(request, pending, step);
        Map<Target, MigrationDraft> drafts = new LinkedHashMap<>();
        for (Target target : request.resolved()) {
            drafts.put(target, MigrationDraft.render(pending, target.dialect(), file, title, followUp, step.step(),
                    step.expansions()));
        }
        log.info(changeList(layout, pending));
        if (step.step() == GenerateRequest.Step.NONE && request.resolved().stream().allMatch(t -> t.dialect() == Dialect.POSTGRESQL)
                && pending.changes().stream().anyMatch(c -> c instanceof io.github.jpamigrate.core.diff.SchemaChange.ColumnRenamed)) {
            log.info("A column rename breaks the application version still running while the new one rolls out (its"
                    + " header says so). To release it in two steps instead, generate with -Djpamigrate.expand=true (the new"
                    + " column, a sync trigger and a batched backfill; the old column kept) and later -Djpamigrate.contract=true.");
        }
        for (var draft : drafts.entrySet()) {
            selfCheck(draft.getKey(), pending, draft.getValue(), request.prove());
        }
        GenerateResult result = write(request, drafts, drift, step);
        if (step.step() == GenerateRequest.Step.EXPAND) {
            log.info("Expand step written: " + String.join(", ", step.expansions().stream().map(e -> e.describe()).toList())
                    + ". Release the application version that maps the new column; once no running version writes the old"
                    + " one, run mvn jpa-migrate:generate -Djpamigrate.contract=true for the contract step.");
        } else if (step.step() == GenerateRequest.Step.NONE) {
            files.pendingContract().ifPresent(log::info);
        }
        return result;
    }

    /**
     * A vendor added to {@code dialects}, or a changed {@code dialect}, while migrations exist: the
     * next migration alone would not build its schema, {@code baseline} has to write it first.
     */
    private static void refuseUnwritten(GenerateRequest request) throws IOException {
        UnwrittenTargets unwritten = UnwrittenTargets.read(request.layout(), request.resolved());
        if (!unwritten.isEmpty()) {
            throw unwritten.failure(request.layout());
        }
    }

    /** The description of the online follow-up of migration {@code version}: {@code complete_v12_online}. */
    public static String followUpSlug(MigrationVersion version) {
        return Slug.of("complete V" + version + " online", "online");
    }

    /** Says which accepted differences stay as they are and which leave the baseline with this migration. */
    private void logBaseline(ProjectLayout layout, AcceptedDrift drift, List<String> reconcile) {
        List<String> namesOnly = drift.accepted().stream().filter(DriftItem::namesOnly).map(DriftItem::id).toList();
        if (!namesOnly.isEmpty() && reconcile.stream().anyMatch(id -> id.strip().equalsIgnoreCase(AcceptedDrift.ALL))) {
            log.info(namesOnly.size() + " item(s) differ from the model only in the name the database gave them ("
                    + String.join(", ", namesOnly) + "): reconcile=all leaves them, no migration changes a name.");
        }
        if (!drift.accepted().isEmpty()) {
            log.info(drift.accepted().size() + " accepted difference(s) in " + layout.show(layout.driftBaseline())
                    + " are left as the database has them (-Djpamigrate.reconcile=<id> writes the migration for one;"
                    + " mvn jpa-migrate:check lists them).");
        }
        if (drift.baselineChanges()) {
            log.info("Leaving the drift baseline (reconciled, or the entity changed them; the migration starts from"
                    + " what the database has):" + AcceptedDrift.lines(drift.leaving()));
        }
    }

    /**
     * The entities now say what the database has for some accepted items: no migration, but those
     * items leave the baseline, and the snapshot becomes the model (which the database now is, but
     * for the items that stay).
     */
    private GenerateResult writeBaselineOnly(ProjectLayout layout, AcceptedDrift drift, List<Expansion> expanded)
            throws IOException {
        // No migration: the snapshot still belongs to the migration it names.
        Optional<Snapshot> current = new SnapshotFile(layout.snapshot()).readSnapshot();
        List<MigrationStamp> stamps = current.map(Snapshot::migrations).orElse(List.of());
        AtomicFileSet files = new AtomicFileSet(layout.writeJournal()).replace(layout.snapshot(),
                SnapshotFile.content(drift.models().model(), stamps, current.map(Snapshot::dialects).orElse(List.of()),
                        expanded));
        boolean removed = BaselineFile.stage(files, layout.driftBaseline(), drift.remaining());
        List<Path> written = files.commit();
        log.info("No migration needed: the database already has what the entities now say for the items that left the"
                + " drift baseline.");
        written.forEach(path -> log.info("Wrote " + layout.show(path)));
        logRemoved(layout, removed);
        return new GenerateResult(null, written);
    }

    /** An emptied drift baseline is removed with the files written; the goal says so (it is no "Wrote" line). */
    private void logRemoved(ProjectLayout layout, boolean removed) {
        if (removed) {
            log.info("Removed " + layout.show(layout.driftBaseline()) + ": no accepted difference is left (the database"
                    + " now has what the entities say); commit its removal with the other files.");
        }
    }

    /**
     * Proves a draft on a scratch database of its dialect; without a shadow server skipped with a
     * warning, or refused when the proof was asked for.
     */
    private void selfCheck(Target target, PendingChanges pending, MigrationDraft draft, boolean prove)
            throws IOException, SQLException {
        Dialect dialect = target.dialect();
        if (!target.hasScratchDatabase() && prove) {
            throw new WorkflowFailure("-Djpamigrate.prove asks for the self-check, and a scratch " + SelfCheck.engine(dialect)
                    + " database" + target.label() + " needs a server. Nothing was written. " + SelfCheck.serverNeeded(target));
        }
        if (!target.hasScratchDatabase()) {
            log.warn("Self-check" + target.label() + " skipped: a scratch " + SelfCheck.engine(dialect)
                    + " database needs a server; the migration is written unproven. " + SelfCheck.serverNeeded(target)
                    + " Then prove the newest migration with\n  mvn jpa-migrate:generate -Djpamigrate.prove"
                    + " -Djpamigrate.shadowUrl=" + SelfCheck.exampleUrl(dialect) + "\nor replay the whole folder with\n  mvn compile"
                    + " jpa-migrate:verify -Djpamigrate.shadowUrl=" + SelfCheck.exampleUrl(dialect));
            return;
        }
        SelfCheck check = new SelfCheck(target);
        int replayed = check.verify(draft, pending.models().snapshot(), pending.models().model());
        boolean embedded = target.shadow() == null && ScratchDatabase.isServer(dialect);
        log.info("Self-check passed on " + (embedded ? "the embedded PostgreSQL" : "a scratch " + SelfCheck.engine(dialect)
                + " database") + check.isolationNote() + ": Flyway replayed " + replayed
                + " migration(s), the new one included, and the schema is the model"
                + (draft.undo() != null ? "; the undo script restores the snapshot." : "."));
    }

    /** Fails, naming the fixes, when the changes need a decision only the user can make. */
    private static void refuseBlocked(PendingChanges pending, boolean emptyRequested) {
        if (!pending.blockingHazards().isEmpty()) {
            throw new WorkflowFailure("the model change would lose data or fail on a table that has rows;"
                    + " nothing was written:" + PendingChanges.hazardList(pending.blockingHazards())
                    + (pending.probableRenames().isEmpty() ? "" : "\nIf a drop is really a rename, declare it:"
                            + PendingChanges.renameChoices(pending.probableRenames())));
        }
        if (!pending.isEmpty() && emptyRequested) {
            throw new WorkflowFailure("-Djpamigrate.empty=true asks for a migration without model changes, but the"
                    + " model changed (" + pending.changes().size() + " change(s), first: "
                    + pending.changes().get(0).describe() + "). Generate the model change first, without"
                    + " jpamigrate.empty, then the empty migration for the data change.");
        }
    }

    private PendingChanges resolveRenames(PendingChanges pending, List<String> dialects) {
        if (pending.probableRenames().isEmpty()) {
            return pending;
        }
        if (!prompter.interactive()) {
            throw new WorkflowFailure("the model change looks like a rename, and JPA Migrate never guesses one."
                    + " Say which it is:" + PendingChanges.renameChoices(pending.probableRenames())
                    + "\nNothing was written.");
        }
        ChangeOptions options = pending.options();
        for (ProbableRename rename : pending.probableRenames()) {
            if (prompter.confirm(rename.describe() + ". Is this a rename (the values are kept)?")) {
                options = options.withRename(rename.declaration());
                log.info("Recorded the rename " + rename.declaration() + " (-Djpamigrate.rename=" + rename.declaration()
                        + " says the same without asking).");
            }
        }
        return PendingChanges.of(pending.models(), options, dialects);
    }

    /** The version after the newest in any target's folder, so that every vendor folder gets the same one. */
    private MigrationFile nextFile(GenerateRequest request, PendingChanges pending, ExpandContractStep step)
            throws IOException {
        request.targets().refuseFlatMigrations(request.layout(), "generate");
        ProjectLayout layout = request.layout();
        List<MigrationVersion> existing = new ArrayList<>();
        for (Target target : request.resolved()) {
            // Baseline migrations (B5__...) and Java migrations (V6__Fill.class) take their versions too.
            existing.addAll(new MigrationDirectory(target.layout().migrationDirectory()).claimedVersions());
            target.flyway().java().compiled().stream().filter(c -> c.file().kind().claimsVersion())
                    .forEach(c -> existing.add(c.file().version()));
        }
        existing.sort(null);
        if (existing.isEmpty() && pending.models().hasSnapshot()) {
            // The next migration would be V1 with only the changes since the snapshot: a database built from it lacks the rest.
            throw new WorkflowFailure(layout.show(layout.snapshot()) + " describes the schema its migrations build, but"
                    + " the migration folder " + layout.show(layout.migrationDirectory()) + " has no versioned migration."
                    + " Nothing was written. Restore the migration folder from version control (or point"
                    + " <migrationDirectory> at it); to start over instead, delete the snapshot and run generate:"
                    + " the first migration then creates the whole schema.");
        }
        MigrationVersion version = request.versionScheme().next(existing, clock.instant());
        return MigrationFile.versioned(version, Slug.of(words(request, pending, step), "migration"));
    }


    /** The user's message, else words derived from the changes. */
    private static String words(GenerateRequest request, PendingChanges pending, ExpandContractStep step) {
        if (request.message() != null && !request.message().isBlank()) {
            return request.message().strip().replaceAll("\\s+", " ");
        }
        if (!step.expansions().isEmpty()) {
            // expand customer email to contact_email; contract customer email to contact_email
            return (step.step() == GenerateRequest.Step.EXPAND ? "expand " : "contract ") + String.join(", ",
                    step.expansions().stream().map(e -> e.table() + " " + e.keeps() + " to " + e.column()).toList());
        }
        if (pending.isEmpty()) {
            return "data change";
        }
        if (!pending.models().hasSnapshot()) {
            return "initial schema";
        }
        return ChangeTitle.of(pending.changes());
    }

    private static String changeList(ProjectLayout layout, PendingChanges pending) {
        StringBuilder out = new StringBuilder("Changes (")
                .append(pending.models().hasSnapshot() ? layout.show(layout.snapshot()) : "no snapshot yet")
                .append(" -> entity model):");
        if (pending.isEmpty()) {
            out.append("\n  (none: an empty migration for a hand-written data change)");
        }
        pending.changes().forEach(change -> out.append("\n  ").append(change.describe()));
        return out.toString();
    }

    /**
     * Adds one target's migration, its undo script and their {@code .conf} files to the set (what
     * {@code generate} writes, and {@code rebase} for a regenerated migration); warns when there is
     * no undo script.
     */
    public static void stage(AtomicFileSet files, Target target, MigrationDraft draft, WorkflowLog log) {
        ProjectLayout folders = target.layout();
        MigrationFile file = draft.file();
        if (draft.undoScript() != null) {
            Path undo = folders.undoDirectory().resolve(file.undo().fileName());
            if (!draft.undo().transactional()) {
                files.create(undo.resolveSibling(undo.getFileName() + ".conf"), MigrationDraft.NON_TRANSACTIONAL_CONF);
            }
            files.create(undo, draft.undoScript());
        } else {
            log.warn("No undo script for " + file.fileName() + target.label() + ": " + draft.undoProblem());
        }
        Path migration = folders.migrationDirectory().resolve(file.fileName());
        if (draft.needsConf()) {
            files.create(migration.resolveSibling(file.fileName() + ".conf"), MigrationDraft.NON_TRANSACTIONAL_CONF);
        }
        files.create(migration, draft.script());
        if (draft.followUpFile() != null) {
            // The online forms' second migration, run outside a transaction (its .conf says so).
            Path next = folders.migrationDirectory().resolve(draft.followUpFile().fileName());
            files.create(next.resolveSibling(draft.followUpFile().fileName() + ".conf"), MigrationDraft.NON_TRANSACTIONAL_CONF);
            files.create(next, draft.followUpScript());
            if (draft.undoScript() != null) {
                files.create(folders.undoDirectory().resolve(draft.followUpFile().undo().fileName()), draft.followUpUndoScript());
            }
        }
    }

    /** What the snapshot records about the migration of one folder: its file, checksum, and the version before it. */
    private static MigrationStamp stamp(GenerateRequest request, Target target, MigrationDraft draft) throws IOException {
        MigrationVersion after = new MigrationDirectory(target.layout().migrationDirectory()).versions().stream()
                .max(MigrationVersion::compareTo).orElse(null);
        String folder = request.targets().vendorFolders() ? MigrationTargets.vendor(target.dialect()) : "";
        return stamp(folder, draft, after);
    }

    /**
     * The stamp of a draft: the snapshot belongs to the newest file written, the online forms'
     * follow-up when there is one, which then records the migration it completes with that one's
     * checksum (so that {@code rebase} can tell both files from hand-edited ones, and {@code check}
     * knows the pair as one unit of the chain).
     *
     * @param after the newest version in the folder before the draft
     */
    public static MigrationStamp stamp(String folder, MigrationDraft draft, MigrationVersion after) {
        return draft.followUpFile() != null
                ? new MigrationStamp(folder, draft.followUpFile(), FlywayChecksum.of(draft.followUpScript()), after,
                        new MigrationStamp.Completed(draft.file(), FlywayChecksum.of(draft.script())))
                : new MigrationStamp(folder, draft.file(), FlywayChecksum.of(draft.script()), after);
    }

    /** Every vendor's migration and undo script and the one snapshot, as one set: all of them or none. */
    private GenerateResult write(GenerateRequest request, Map<Target, MigrationDraft> drafts, AcceptedDrift drift,
                                 ExpandContractStep step) throws IOException {
        ProjectLayout layout = request.layout();
        AtomicFileSet files = new AtomicFileSet(layout.writeJournal());
        MigrationFile file = null;
        List<MigrationStamp> stamps = new ArrayList<>();
        for (var entry : drafts.entrySet()) {
            MigrationDraft draft = entry.getValue();
            file = draft.file();
            stage(files, entry.getKey(), draft, log);
            stamps.add(stamp(request, entry.getKey(), draft));
        }
        // Always, an empty migration too: the snapshot names the migration it belongs to. It is the model
        // itself; the accepted differences stay in the drift baseline, not in it.
        // The dialects the migrations are now written for: a later change of <dialect> is noticed.
        List<String> dialects = request.resolved().stream().map(t -> t.dialect().id()).toList();
        // An expand step's snapshot is the expanded model and records the pending contract step; a contract step's is
        // the entities' model again.
        SchemaModel snapshot = step.snapshot() != null ? step.snapshot() : drift.models().model();
        files.replace(layout.snapshot(), SnapshotFile.content(snapshot, stamps, dialects, step.recorded()));
        boolean removed = BaselineFile.stage(files, layout.driftBaseline(), drift.remaining());
        List<Path> written = files.commit();
        for (Path path : written) {
            log.info("Wrote " + layout.show(path));
        }
        logRemoved(layout, removed);
        log.info("Review " + file.fileName() + (drafts.size() > 1 ? " in each vendor folder" : "")
                + ", then commit it with the entity change and the snapshot.");
        return new GenerateResult(file, written);
    }
}
