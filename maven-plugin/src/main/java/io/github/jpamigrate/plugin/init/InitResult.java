package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.plugin.baseline.DriftItem;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code init} did.
 *
 * @param replayed  how many existing migrations Flyway replayed on the scratch database (0 when there were none)
 * @param pending   what the entity model adds to the schema of the existing migrations (all of the model when
 *                  there were none), in the words of {@code check}
 * @param migration the migration written, or null when none was
 * @param written   every file written (the snapshot, the drift baseline; the migration, its configuration and undo script)
 * @param accepted  the differences between the migrations' schema and the model accepted into the drift baseline
 */
public record InitResult(int replayed, List<SchemaChange> pending, MigrationFile migration, List<Path> written,
                         List<DriftItem> accepted) {

    public InitResult {
        pending = List.copyOf(pending);
        written = List.copyOf(written);
        accepted = List.copyOf(accepted);
    }

    /** A result with nothing accepted (no migrations to adopt). */
    public InitResult(int replayed, List<SchemaChange> pending, MigrationFile migration, List<Path> written) {
        this(replayed, pending, migration, written, List.of());
    }
}
