package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
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
 * @param model       the build's descriptor
 * @param hasSnapshot whether a snapshot file exists
 */
public record ProjectModels(SchemaModel snapshot, SchemaModel model, boolean hasSnapshot) {

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
        Optional<SchemaModel> snapshot = new SnapshotFile(layout.snapshot()).read();
        return new ProjectModels(snapshot.orElse(empty(model)), model, snapshot.isPresent());
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
