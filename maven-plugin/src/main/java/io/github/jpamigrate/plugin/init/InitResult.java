package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.migration.MigrationFile;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code init} did.
 *
 * @param replayed  how many existing migrations Flyway replayed on the scratch database (0 when there were none)
 * @param pending   what the entity model adds to the schema of the existing migrations (all of the model when
 *                  there were none), in the words of {@code check}
 * @param migration the migration written, or null when none was
 * @param written   every file written (the snapshot; the migration, its configuration and undo script)
 */
public record InitResult(int replayed, List<SchemaChange> pending, MigrationFile migration, List<Path> written) {

    public InitResult {
        pending = List.copyOf(pending);
        written = List.copyOf(written);
    }
}
