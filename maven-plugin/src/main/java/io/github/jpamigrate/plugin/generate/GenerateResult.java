package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.migration.MigrationFile;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code generate} did.
 *
 * @param migration the migration written, or null when the model did not change
 * @param written   every file written (migration, its configuration, undo script, snapshot)
 */
public record GenerateResult(MigrationFile migration, List<Path> written) {

    public GenerateResult {
        written = List.copyOf(written);
    }

    static GenerateResult nothing() {
        return new GenerateResult(null, List.of());
    }

    public boolean wroteMigration() {
        return migration != null;
    }
}
