package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot file's content: the model, and the migration it belongs to in each migration folder
 * (none in a snapshot written before format 2.1: not known, not an error).
 *
 * @param model      the schema the migrations build
 * @param migrations one per folder, sorted by folder
 * @param expanded   the pending contract steps of expand migrations ({@code -Djpamigrate.expand}):
 *                   the model then keeps their old columns ({@link io.github.jpamigrate.core.diff.ExpandedModel})
 */
public record Snapshot(SchemaModel model, List<MigrationStamp> migrations, List<Expansion> expanded) {

    public Snapshot {
        migrations = List.copyOf(migrations);
        expanded = List.copyOf(expanded);
    }

    public Snapshot(SchemaModel model, List<MigrationStamp> migrations) {
        this(model, migrations, List.of());
    }

    /** The migration the snapshot belongs to in {@code folder} ({@code ""} for the plain folder), when recorded. */
    public Optional<MigrationStamp> migration(String folder) {
        return migrations.stream().filter(m -> m.folder().equals(folder)).findFirst();
    }
}
