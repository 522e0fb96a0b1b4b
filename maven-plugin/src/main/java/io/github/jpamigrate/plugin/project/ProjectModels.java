package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.diff.ExpandedModel;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.io.AtomicFileSet;
import io.github.jpamigrate.plugin.io.SnapshotFile;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The two models every goal compares: the committed snapshot (the schema the migrations build)
 * and the descriptor of this build (the schema the entities need).
 *
 * @param snapshot    the snapshot, or an empty model when there is none yet
 * @param model       the build's descriptor; while the snapshot records pending contract steps
 *                    ({@code expanded}), seen as the database is until the contract step
 *                    ({@link ExpandedModel}): the old columns kept, the new ones nullable
 * @param hasSnapshot whether a snapshot file exists
 * @param expanded    the snapshot's pending contract steps (none for most projects)
 * @param entities    the build's descriptor as the entities say it, the contract step's target
 */
public record ProjectModels(SchemaModel snapshot, SchemaModel model, boolean hasSnapshot, List<Expansion> expanded,
                            SchemaModel entities) {

    public ProjectModels {
        expanded = List.copyOf(expanded);
    }

    public ProjectModels(SchemaModel snapshot, SchemaModel model, boolean hasSnapshot) {
        this(snapshot, model, hasSnapshot, List.of(), model);
    }

    /**
     * The line {@code check} and {@code generate} log while the snapshot records contract steps:
     * which, and the command that writes them. Not a failure: the old application version may
     * still be running, and the contract step waits for its retirement.
     */
    public Optional<String> pendingContract() {
        if (expanded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Contract step pending (an expand migration kept the old column and a sync trigger; the"
                + " entities map the new column): " + String.join(", ", expanded.stream().map(Expansion::describe).toList())
                + ". Once no running application version writes the old column, run mvn jpa-migrate:generate"
                + " -Djpamigrate.contract=true.");
    }

    /**
     * @throws WorkflowFailure when the descriptor is missing or unreadable, or the snapshot is unreadable
     */
    public static ProjectModels read(ProjectLayout layout) throws IOException {
        if (AtomicFileSet.interrupted(layout.writeJournal())) {
            throw new WorkflowFailure("a jpa-migrate:generate was interrupted while putting its migration and snapshot"
                    + " in place (" + layout.show(layout.writeJournal()) + " is its journal), so the migration folder"
                    + " and the snapshot may not match yet. Run mvn jpa-migrate:generate: it finishes that set first.");
        }
        SchemaModel model = descriptor(layout);
        Optional<Snapshot> snapshot = new SnapshotFile(layout.snapshot()).readSnapshot();
        if (snapshot.isEmpty()) {
            return new ProjectModels(empty(model), model, false);
        }
        List<Expansion> expanded = snapshot.get().expanded();
        SchemaModel kept = snapshot.get().model();
        if (expanded.isEmpty()) {
            return new ProjectModels(kept, model, true);
        }
        String stale = ExpandedModel.problem(model, expanded).orElse(null);
        if (stale != null) {
            throw new WorkflowFailure("the snapshot " + layout.show(layout.snapshot()) + " records a pending contract step,"
                    + " but " + stale + ". Map the column again and write the contract step first"
                    + " (mvn jpa-migrate:generate -Djpamigrate.contract=true), then make the entity change.");
        }
        try {
            return new ProjectModels(kept, ExpandedModel.of(model, kept, expanded), true, expanded, model);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure(sentence(e.getMessage()) + " The snapshot is written by jpa-migrate:generate and must"
                    + " not be edited by hand: restore it from version control.", e);
        }
    }

    public static SchemaModel descriptor(ProjectLayout layout) throws IOException {
        if (!Files.exists(layout.descriptor())) {
            throw new ProcessorMissing(layout.show(layout.descriptor()));
        }
        try {
            return DescriptorJson.read(layout.descriptor());
        } catch (DescriptorException e) {
            throw new WorkflowFailure("the model descriptor of this build cannot be read: " + sentence(e.getMessage())
                    + " If another version of the processor wrote it, use the same version for jpa-migrate-processor"
                    + " and jpa-migrate-maven-plugin and run mvn clean compile.", e);
        }
    }

    /** A message as a sentence: ends with exactly one period. */
    public static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    /** A model without tables, as the database is before the first migration. */
    public static SchemaModel empty(SchemaModel like) {
        return new SchemaModel(like.naming(), like.orm(), like.producer(), List.of(), List.of(), List.of(), List.of());
    }
}
