package io.github.jpamigrate.plugin.squash;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.project.Target;

/**
 * One baseline migration to write: for which target, why, at which version, and the schema it creates.
 *
 * @param target  the database it is written for, with its folder
 * @param kind    why it is written
 * @param version the migration whose schema it holds
 * @param model   the snapshot's schema at that migration
 * @param file    its file, {@code B<version>__<slug>.sql}
 */
record BaselinePlan(Target target, Kind kind, MigrationVersion version, SchemaModel model, MigrationFile file) {

    enum Kind {
        /** The folder's chain up to the version, in one file: fresh databases skip the versioned migrations it covers. */
        SQUASH,
        /** A vendor added to {@code dialects}: its empty folder starts with the whole schema. */
        NEW_VENDOR,
        /** A changed {@code dialect}: the folder's migrations were written for another database. */
        NEW_DIALECT
    }
}
