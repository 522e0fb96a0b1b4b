package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The committed snapshot ({@code src/main/jpa-migrate/model.json}): the model as of the newest
 * migration, in the descriptor format, with that migration's file and checksum per folder (so that
 * two branches that each generate conflict on it in git). {@code generate} replaces it together
 * with the migration it writes; {@code check} compares the build's descriptor with it.
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
        return readSnapshot().map(Snapshot::model);
    }

    /**
     * The snapshot's model and the migration it belongs to in each folder (none recorded in a
     * snapshot written before JPA Migrate recorded them: not known, the next {@code generate} writes them).
     *
     * @throws ProjectFileException when the file is not a readable snapshot, naming it and the fix
     * @throws IOException          when the file exists but cannot be read
     */
    public Optional<Snapshot> readSnapshot() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DescriptorJson.readSnapshot(path));
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
                    + " control. After a merge conflict in it (two branches each generated a migration), take the side"
                    + " of the branch you merged (git checkout --theirs " + path.getFileName() + " while merging"
                    + " main into your branch) and run mvn jpa-migrate:rebase: it renumbers this branch's migrations"
                    + " after the merged ones and regenerates them and the snapshot.", e);
        }
    }

    /** The bytes to store for a model: the canonical descriptor text in UTF-8, LF line endings. */
    public static byte[] content(SchemaModel model) {
        return DescriptorJson.writeBytes(model);
    }

    /** The bytes to store for a model that belongs to {@code migrations} (one per folder). */
    public static byte[] content(SchemaModel model, List<MigrationStamp> migrations) {
        return DescriptorJson.writeSnapshot(model, migrations);
    }

    /**
     * The bytes to store for a model that belongs to {@code migrations} (one per folder), written
     * for {@code dialects} (their ids; recorded so that a changed dialect is noticed).
     */
    public static byte[] content(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects) {
        return DescriptorJson.writeSnapshot(model, migrations, dialects);
    }

    /** The bytes to store for a snapshot that also records pending contract steps (format 2.4/3.4 when there are any). */
    public static byte[] content(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects,
                                 List<Expansion> expanded) {
        return DescriptorJson.writeSnapshot(model, migrations, dialects, expanded);
    }
}
