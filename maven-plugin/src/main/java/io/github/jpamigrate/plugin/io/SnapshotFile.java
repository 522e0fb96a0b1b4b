package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The committed snapshot ({@code src/main/jpa-migrate/model.json}): the model as of the newest
 * migration, in the descriptor format. {@code generate} replaces it together with the migration
 * it writes; {@code check} compares the build's descriptor with it.
 */
public final class SnapshotFile {

    /** Where the snapshot lives, relative to the project directory. */
    public static final Path DEFAULT_LOCATION = Path.of("src", "main", "jpa-migrate", "model.json");

    private final Path path;

    public SnapshotFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /**
     * The snapshot's model; empty when there is no snapshot yet (before the first migration).
     *
     * @throws ProjectFileException when the file is not a readable descriptor, naming it and the fix
     * @throws IOException          when the file exists but cannot be read
     */
    public Optional<SchemaModel> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DescriptorJson.read(path));
        } catch (DescriptorException e) {
            if (e.newerFormat()) {
                throw new ProjectFileException("the snapshot cannot be read: " + e.problem() + " The snapshot is shared by"
                        + " everyone on the project: use the jpa-migrate-maven-plugin and jpa-migrate-processor version"
                        + " that wrote it (or newer), as the project's pom.xml should pin it; do not edit the snapshot.", e);
            }
            String reason = e.problem().strip();
            throw new ProjectFileException("the snapshot cannot be read: " + reason + (reason.endsWith(".") ? "" : ".")
                    + " The snapshot is"
                    + " written by jpa-migrate:generate and must not be edited by hand: restore it from version"
                    + " control (after a merge conflict, take one side and run mvn jpa-migrate:generate again).", e);
        }
    }

    /** The bytes to store for a model: the canonical descriptor text in UTF-8, LF line endings. */
    public static byte[] content(SchemaModel model) {
        return DescriptorJson.writeBytes(model);
    }
}
