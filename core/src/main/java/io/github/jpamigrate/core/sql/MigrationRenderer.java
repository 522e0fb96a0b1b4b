package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;

import java.util.List;

/**
 * Turns the changes between two models into SQL for one dialect. Implementations are
 * exhaustive over {@link SchemaChange}: a change they cannot render raises
 * {@link UnsupportedChangeException}, never silence.
 */
public interface MigrationRenderer {

    Dialect dialect();

    /**
     * @param oldModel the model the database is at (the committed snapshot); rebuilds are made from it
     * @param newModel the model the migration must produce
     * @param changes  {@code SchemaDiff.compare(oldModel, newModel, renames)}
     */
    RenderedMigration render(SchemaModel oldModel, SchemaModel newModel, List<SchemaChange> changes, RenderOptions options);
}
