package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ProjectLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a synthetic schema as a project that {@code generate} could have left: one migration per
 * step of the history (rendered by the real renderer of the dialect, SQLite unless another is
 * asked for), the snapshot, and the descriptor a compile would put in {@code target/classes}.
 */
final class SyntheticProject {

    private SyntheticProject() {
    }

    /** @return the layout of the project written in {@code directory} */
    static ProjectLayout write(SyntheticSchema schema, Path directory) throws IOException {
        return write(schema, directory, Dialect.SQLITE);
    }

    /** @return the layout of the project written in {@code directory}, its migrations for {@code dialect} */
    static ProjectLayout write(SyntheticSchema schema, Path directory, Dialect dialect) throws IOException {
        ProjectLayout layout = ProjectLayout.standard(directory);
        Files.createDirectories(layout.migrationDirectory());
        MigrationRenderer renderer = dialect.renderer();
        SchemaModel before = schema.state(0);
        for (int k = 1; k <= schema.migrations(); k++) {
            SchemaModel after = schema.state(k);
            List<SchemaChange> changes = SchemaDiff.compare(before, after);
            if (changes.isEmpty()) {
                throw new IllegalStateException("migration " + k + " of the synthetic history has no change");
            }
            RenderedMigration rendered = renderer.render(before, after, changes, RenderOptions.DEFAULTS);
            MigrationFile file = MigrationFile.versioned(MigrationVersion.of(k), k == 1 ? "initial_schema" : "step_" + k);
            Path script = layout.migrationDirectory().resolve(file.fileName());
            Files.writeString(script, rendered.script("V" + k + ": step " + k, changes), StandardCharsets.UTF_8);
            if (!rendered.transactional()) {
                Files.writeString(script.resolveSibling(file.fileName() + ".conf"), "executeInTransaction=false\n");
            }
            before = after;
        }
        Files.createDirectories(layout.snapshot().getParent());
        Files.write(layout.snapshot(), SnapshotFile.content(before));
        Files.createDirectories(layout.descriptor().getParent());
        Files.write(layout.descriptor(), DescriptorJson.writeBytes(before));
        return layout;
    }

    /** The total size of the migration scripts, for the report. */
    static long migrationBytes(ProjectLayout layout) throws IOException {
        try (var files = Files.list(layout.migrationDirectory())) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
