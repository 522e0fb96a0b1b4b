package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;

import java.io.IOException;
import java.util.List;

/**
 * {@code diff}: shows the changes from the snapshot to the model and the SQL {@code generate}
 * would write for them. Writes nothing and fails on nothing but unreadable input: renames that
 * are not declared and hazards that are not acknowledged are reported, for {@code generate} to
 * enforce.
 */
public final class DiffWorkflow {

    private final WorkflowLog log;

    public DiffWorkflow(WorkflowLog log) {
        this.log = log;
    }

    /** @return the pending changes, as {@code generate} would compute them with these options */
    public PendingChanges run(ProjectLayout layout, ChangeOptions options) throws IOException {
        MigrationDraft.renderer(options.dialect());
        PendingChanges pending = PendingChanges.of(ProjectModels.read(layout), options);
        if (pending.isEmpty()) {
            log.info("No pending changes: the snapshot " + layout.show(layout.snapshot()) + " matches the entity model.");
            return pending;
        }
        StringBuilder out = new StringBuilder("Pending changes (")
                .append(pending.models().hasSnapshot() ? layout.show(layout.snapshot()) : "no snapshot yet")
                .append(" -> entity model):");
        for (SchemaChange change : pending.changes()) {
            out.append("\n  ").append(change.describe());
        }
        log.info(out.toString());
        if (!pending.probableRenames().isEmpty()) {
            log.warn("Drops that look like renames (generate needs to know which):"
                    + PendingChanges.renameChoices(pending.probableRenames()));
        }
        List<Hazard> blocking = pending.blockingHazards();
        if (!blocking.isEmpty()) {
            log.warn("generate would refuse these changes until they are resolved:" + PendingChanges.hazardList(blocking));
        }
        MigrationFile preview = MigrationFile.versioned(MigrationVersion.of(0), "preview");
        MigrationDraft draft;
        try {
            draft = MigrationDraft.render(pending, preview, "preview of the next migration");
        } catch (WorkflowFailure e) {
            log.warn("No SQL to show: " + e.getMessage());
            return pending;
        }
        log.info("SQL for " + options.dialect().id() + (draft.needsConf()
                ? " (runs outside a transaction: generate also writes the script configuration executeInTransaction=false)"
                : "") + ":\n" + draft.script());
        return pending;
    }
}
