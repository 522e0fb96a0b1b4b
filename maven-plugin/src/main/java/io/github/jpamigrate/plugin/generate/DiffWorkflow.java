package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.ProbableRename;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.baseline.BaselineFile;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.util.List;

/**
 * {@code diff}: shows the changes from the snapshot to the model and the SQL {@code generate}
 * would write for them; or, given two commits, the changes between the snapshots committed there
 * (what a pull request or a release changes) and their SQL. Writes nothing and fails on nothing
 * but unreadable input: renames that are not declared and hazards that are not acknowledged are
 * reported, for {@code generate} to enforce.
 */
public final class DiffWorkflow {

    private final WorkflowLog log;

    public DiffWorkflow(WorkflowLog log) {
        this.log = log;
    }

    /**
     * @return the pending changes, as {@code generate} would compute them with these options (the SQL shown is SQLite's)
     * @throws WorkflowFailure when a declaration names a table or column neither model has
     */
    public PendingChanges run(ProjectLayout layout, ChangeOptions options) throws IOException {
        return run(layout, options, MigrationTargets.single(Dialect.SQLITE));
    }

    /** As {@link #run(ProjectLayout, ChangeOptions)}, with the SQL of every target database. */
    public PendingChanges run(ProjectLayout layout, ChangeOptions options, MigrationTargets targets) throws IOException {
        ProjectModels files = ProjectModels.read(layout);
        ProjectModels models = AcceptedDrift.of(files, new BaselineFile(layout.driftBaseline()).read(),
                options.reconcile()).compared();
        DeclaredNames.check(options, models.snapshot(), models.model());
        PendingChanges pending = PendingChanges.of(models, options);
        if (pending.isEmpty()) {
            log.info("No pending changes: the snapshot " + layout.show(layout.snapshot()) + " matches the entity model.");
            return pending;
        }
        log.info(changeList("Pending changes (" + (pending.models().hasSnapshot() ? layout.show(layout.snapshot())
                : "no snapshot yet") + " -> entity model):", pending.changes()));
        if (!pending.probableRenames().isEmpty()) {
            log.warn("Drops that look like renames (generate needs to know which):"
                    + PendingChanges.renameChoices(pending.probableRenames()));
        }
        List<Hazard> blocking = pending.blockingHazards();
        if (!blocking.isEmpty()) {
            log.warn("generate would refuse these changes until they are resolved:" + PendingChanges.hazardList(blocking));
        }
        for (var dialect : targets.dialects()) {
            showSql(pending, dialect, "preview of the next migration");
        }
        return pending;
    }

    /**
     * The changes from the snapshot committed at {@code from} to the one committed at {@code to},
     * or in the working tree when {@code to} is not given. A side without a snapshot is an empty
     * model. Declared renames and backfills shape the changes and the SQL as for the pending form.
     *
     * @return the changes, empty when the snapshots are equal or neither side has one
     * @throws WorkflowFailure when {@code from} is missing, git cannot resolve a ref, or a snapshot is unreadable
     */
    public List<SchemaChange> between(ProjectLayout layout, ChangeOptions options, String from, String to)
            throws IOException {
        return between(layout, options, MigrationTargets.single(Dialect.SQLITE), from, to);
    }

    /** As {@link #between(ProjectLayout, ChangeOptions, String, String)}, with the SQL of every target database. */
    public List<SchemaChange> between(ProjectLayout layout, ChangeOptions options, MigrationTargets targets, String from,
                                      String to) throws IOException {
        if (from == null || from.isBlank()) {
            throw new WorkflowFailure(CommitSnapshots.TO + "=" + to + " needs " + CommitSnapshots.FROM + ", the older"
                    + " commit: e.g. -D" + CommitSnapshots.FROM + "=v1.4.0 -D" + CommitSnapshots.TO + "=" + to
                    + ". Without either, diff shows the pending changes of the working tree.");
        }
        CommitSnapshots snapshots = CommitSnapshots.read(layout, from, to);
        String file = layout.show(layout.snapshot());
        for (CommitSnapshots.Side side : List.of(snapshots.from(), snapshots.to())) {
            if (side.snapshot().isEmpty()) {
                log.info("No snapshot " + file + " in " + side.label() + ": it counts as an empty model (no tables,"
                        + " as before the first migration).");
            }
        }
        String span = snapshots.from().label() + " to " + snapshots.to().label();
        if (snapshots.bothMissing()) {
            log.info("No schema changes from " + span + ": neither has a snapshot.");
            return List.of();
        }
        PendingChanges changes = PendingChanges.of(snapshots.models(), options);
        if (changes.isEmpty()) {
            log.info("No schema changes from " + span + ": the snapshots are equal.");
            return changes.changes();
        }
        log.info(changeList("Schema changes from " + span + " (" + file + "):", changes.changes()));
        if (!changes.probableRenames().isEmpty()) {
            log.info("Drops that look like renames; to see one as a rename, declare it:" + renameHints(changes));
        }
        if (!changes.hazards().isEmpty()) {
            log.warn("Hazards of these changes:" + hazardList(changes.hazards()));
        }
        for (var dialect : targets.dialects()) {
            showSql(changes, dialect, "schema changes from " + span);
        }
        return changes.changes();
    }

    private static String changeList(String heading, List<SchemaChange> changes) {
        StringBuilder out = new StringBuilder(heading);
        for (SchemaChange change : changes) {
            out.append("\n  ").append(change.describe());
        }
        return out.toString();
    }

    private static String renameHints(PendingChanges changes) {
        StringBuilder out = new StringBuilder();
        for (ProbableRename rename : changes.probableRenames()) {
            out.append("\n  - ").append(rename.describe()).append(": -Djpamigrate.rename=").append(rename.declaration());
        }
        return out.toString();
    }

    /** Each hazard in words; the ones that lose data marked, since a reviewer looks for those first. */
    private static String hazardList(List<Hazard> hazards) {
        StringBuilder out = new StringBuilder();
        for (Hazard hazard : hazards) {
            out.append("\n  - ").append(hazard.kind().destructive() ? "[destructive] " : "")
                    .append(hazard.detail()).append(" (").append(hazard.kind().words()).append(')');
        }
        return out.toString();
    }

    private void showSql(PendingChanges changes, Dialect dialect, String title) {
        MigrationFile preview = MigrationFile.versioned(MigrationVersion.of(0), "preview");
        MigrationDraft draft;
        try {
            draft = MigrationDraft.render(changes, dialect, preview, title,
                    MigrationFile.versioned(MigrationVersion.of(1), "preview_follow_up"));
        } catch (WorkflowFailure e) {
            log.warn("No SQL to show: " + e.getMessage());
            return;
        }
        log.info("SQL for " + dialect.id() + (draft.needsConf()
                ? " (runs outside a transaction: generate also writes the script configuration executeInTransaction=false)"
                : "") + ":\n" + draft.script()
                + (draft.followUpFile() == null ? "" : "\nand the follow-up migration generate writes after it (runs outside"
                        + " a transaction, with executeInTransaction=false):\n" + draft.followUpScript()));
    }
}
