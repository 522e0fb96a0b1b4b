package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.ProbableRename;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.ChangeTitle;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.StaleDescriptor;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.UnwrittenTargets;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code check}: is the committed snapshot the model of this build? No database: a structural
 * comparison, like {@code alembic check} or Django's {@code makemigrations --check}. A difference
 * means an entity changed without a migration; the failure lists each difference and the command
 * that writes the missing migration. A target whose folder has no migrations yet (a vendor added
 * to {@code dialects}, a changed {@code dialect}) fails too, naming {@code baseline}.
 */
public final class CheckWorkflow {

    private final WorkflowLog log;

    public CheckWorkflow(WorkflowLog log) {
        this.log = log;
    }

    /**
     * @return the differences (none when the check passes)
     * @throws WorkflowFailure when the snapshot is missing or differs from the model
     */
    public List<SchemaChange> run(ProjectLayout layout) throws IOException {
        return run(layout, List.of());
    }

    /**
     * @param sourceRoots the project's Java source folders, to find entities edited after the
     *                    descriptor was written (none: {@code src/main/java})
     */
    public List<SchemaChange> run(ProjectLayout layout, List<Path> sourceRoots) throws IOException {
        return run(layout, List.of(), sourceRoots);
    }

    /**
     * @param targets     the targets whose folders must have their migrations: a vendor added to
     *                    {@code dialects} or a changed {@code dialect} fails, naming {@code baseline},
     *                    as {@code generate} refuses it (none: the model only, as {@code verify}'s
     *                    check step, whose replay step reports it per vendor)
     * @param sourceRoots the project's Java source folders, to find entities edited after the
     *                    descriptor was written (none: {@code src/main/java})
     */
    public List<SchemaChange> run(ProjectLayout layout, List<Target> targets, List<Path> sourceRoots) throws IOException {
        ProjectModels files = ProjectModels.read(layout);
        StaleDescriptor.require(layout, files.model(), sourceRoots, "check");
        return check(layout, files, AcceptedDrift.read(layout, files), targets);
    }

    /**
     * The check on what the caller has read and found current already ({@code verify} reads the
     * descriptor, the snapshot and the drift baseline once for all its steps).
     *
     * @param files the descriptor and snapshot as read
     * @param drift the drift baseline read against them
     */
    public List<SchemaChange> check(ProjectLayout layout, ProjectModels files, AcceptedDrift drift, List<Target> targets)
            throws IOException {
        ProjectModels models = drift.compared();
        PendingChanges pending = PendingChanges.of(models, ChangeOptions.defaults());
        if (!drift.accepted().isEmpty()) {
            log.info(drift.accepted().size() + " accepted difference(s) in " + layout.show(layout.driftBaseline())
                    + " (not failing; -Djpamigrate.reconcile=<id> on generate writes the migration for one):"
                    + AcceptedDrift.lines(drift.accepted()));
        }
        if (!models.hasSnapshot()) {
            if (pending.isEmpty()) {
                log.info("No entities and no snapshot yet: nothing to check.");
                return List.of();
            }
            throw new WorkflowFailure("there is no snapshot at " + layout.show(layout.snapshot()) + " yet, so no"
                    + " migration creates the schema of the " + models.model().tables().size() + " table(s) of the"
                    + " model. Run:\n  mvn jpa-migrate:generate -Dmessage=\"initial schema\"\nthen commit the"
                    + " migration and the snapshot it writes.");
        }
        UnwrittenTargets unwritten = UnwrittenTargets.read(layout, targets);
        if (!unwritten.isEmpty()) {
            throw new WorkflowFailure(unwritten.problem(layout) + (pending.isEmpty() ? "" : "\nThe entities also changed"
                    + " since the snapshot (" + pending.changes().size() + " change(s)): after baseline, mvn"
                    + " jpa-migrate:generate writes their migration."));
        }
        files.pendingContract().ifPresent(log::info);
        if (pending.isEmpty()) {
            log.info("The snapshot " + layout.show(layout.snapshot()) + " matches the entity model"
                    + (drift.accepted().isEmpty() ? "" : " but for the accepted differences") + ": no migration missing.");
            if (drift.baselineChanges()) {
                log.info("The entities now say what the database has for " + drift.leaving().size() + " accepted"
                        + " item(s); mvn jpa-migrate:generate removes them from the drift baseline:"
                        + AcceptedDrift.lines(drift.leaving()));
            }
            return List.of();
        }
        throw new WorkflowFailure(differs(layout, pending));
    }

    private static String differs(ProjectLayout layout, PendingChanges pending) {
        StringBuilder out = new StringBuilder("the entity model differs from the snapshot ")
                .append(layout.show(layout.snapshot()))
                .append(": the entities changed but no migration was generated for these changes:");
        for (SchemaChange change : pending.changes()) {
            out.append("\n  - ").append(change.describe());
        }
        String message = ChangeTitle.of(pending.changes()).replace('_', ' ');
        List<ProbableRename> renames = pending.probableRenames();
        out.append("\nRun:\n  mvn jpa-migrate:generate -Dmessage=\"").append(message).append('"')
                .append(acknowledgements(pending, renames)).append('\n');
        List<Hazard> hazards = pending.blockingHazards();
        if (!hazards.isEmpty()) {
            out.append("The options after the message are what generate needs for these changes: acknowledge a loss"
                    + " of data only if you mean it, and give each backfill the value for existing rows:")
                    .append(PendingChanges.hazardList(hazards)).append('\n');
        }
        out.append("then commit the new migration and the snapshot together with the entity change.");
        if (!renames.isEmpty()) {
            out.append("\nSome drops look like renames; generate will ask you to say which:")
                    .append(PendingChanges.renameChoices(renames));
        }
        return out.toString();
    }

    /**
     * The options {@code generate} refuses to go on without: {@code allowDestructive} for each change
     * that loses data (except a drop that looks like a rename: that choice is the user's, listed
     * below the command) and a {@code backfill} to fill in for each new NOT NULL column without a value.
     */
    private static String acknowledgements(PendingChanges pending, List<ProbableRename> renames) {
        Set<String> rename = new LinkedHashSet<>();
        renames.forEach(r -> rename.add(PendingChanges.dropTarget(r)));
        Set<String> destructive = new LinkedHashSet<>();
        Set<String> backfills = new LinkedHashSet<>();
        for (Hazard hazard : pending.blockingHazards()) {
            if (hazard.kind() == Hazard.Kind.MISSING_VALUE) {
                backfills.add(hazard.target() + "=<sql literal>");
            } else if (!rename.contains(hazard.target())) {
                destructive.add(hazard.target());
            }
        }
        StringBuilder options = new StringBuilder();
        if (!destructive.isEmpty()) {
            options.append(" -Djpamigrate.allowDestructive=").append(String.join(",", destructive));
        }
        if (!backfills.isEmpty()) {
            // A value with a comma cannot go on the command line; ChangeGoalMojo's backfill says so.
            options.append(" \"-Djpamigrate.backfill=").append(String.join(",", backfills)).append('"');
        }
        return options.toString();
    }
}
