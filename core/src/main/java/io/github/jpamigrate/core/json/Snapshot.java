package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot file's content: the model, and the migration it belongs to in each migration folder
 * (none in a snapshot written before format 2.1: not known, not an error), and the dialects those
 * migrations are written for (none in a snapshot written before format 2.3: not known, not an error).
 *
 * @param model      the schema the migrations build
 * @param migrations one per folder, sorted by folder
 * @param dialects   the ids of the dialects the migrations are written for ({@code sqlite},
 *                   {@code postgresql}), sorted; empty when not recorded
 * @param expanded   the pending contract steps of expand migrations ({@code -Djpamigrate.expand}):
 *                   the model then keeps their old columns ({@link io.github.jpamigrate.core.diff.ExpandedModel})
 */
public record Snapshot(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects, List<Expansion> expanded) {

    public Snapshot {
        migrations = List.copyOf(migrations);
        dialects = dialects.stream().distinct().sorted().toList();
        expanded = List.copyOf(expanded);
    }

    /** A snapshot without pending contract steps. */
    public Snapshot(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects) {
        this(model, migrations, dialects, List.of());
    }

    /** A snapshot that does not record its dialects. */
    public Snapshot(SchemaModel model, List<MigrationStamp> migrations) {
        this(model, migrations, List.of(), List.of());
    }

    /** Whether the snapshot records the dialects its migrations are written for (format 2.3 and 3.3 do). */
    public boolean dialectsKnown() {
        return !dialects.isEmpty();
    }

    /** The migration the snapshot belongs to in {@code folder} ({@code ""} for the plain folder), when recorded. */
    public Optional<MigrationStamp> migration(String folder) {
        return migrations.stream().filter(m -> m.folder().equals(folder)).findFirst();
    }
}
