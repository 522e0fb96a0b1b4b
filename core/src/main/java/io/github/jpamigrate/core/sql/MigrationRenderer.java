package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.ChangeSet;
import io.github.jpamigrate.core.diff.ColumnWords;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;

import java.util.List;

/**
 * Turns the changes between two models into SQL for one dialect. Implementations are
 * exhaustive over {@link SchemaChange}: a change they cannot render raises
 * {@link UnsupportedChangeException}, never silence.
 */
public interface MigrationRenderer {

    /** The dialect this renderer writes for; a renderer of a dialect comes from its {@link DialectFacts#renderer()}. */
    DialectFacts dialect();

    /**
     * @param oldModel the model the database is at (the committed snapshot); rebuilds are made from it
     * @param newModel the model the migration must produce
     * @param changes  {@code SchemaDiff.compare(oldModel, newModel, renames)}, with its renames resolved
     */
    RenderedMigration render(SchemaModel oldModel, SchemaModel newModel, ChangeSet changes, RenderOptions options);

    /** {@link #render(SchemaModel, SchemaModel, ChangeSet, RenderOptions)} for the diff's list of changes. */
    default RenderedMigration render(SchemaModel oldModel, SchemaModel newModel, List<SchemaChange> changes,
                                     RenderOptions options) {
        return render(oldModel, newModel, ChangeSet.of(changes), options);
    }

    /**
     * Types and defaults as this dialect's statements spell them, for the header of a migration
     * from {@code oldModel} to {@code newModel} ({@link RenderedMigration#script(String, List, ColumnWords)}).
     */
    ColumnWords words(SchemaModel oldModel, SchemaModel newModel);
}
