package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.ColumnWords;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.h2.H2Renderer;
import io.github.jpamigrate.core.sql.mysql.MysqlRenderer;
import io.github.jpamigrate.core.sql.postgresql.PostgresqlRenderer;
import io.github.jpamigrate.core.sql.sqlite.SqliteRenderer;

import java.util.List;

/**
 * Turns the changes between two models into SQL for one dialect. Implementations are
 * exhaustive over {@link SchemaChange}: a change they cannot render raises
 * {@link UnsupportedChangeException}, never silence.
 */
public interface MigrationRenderer {

    Dialect dialect();

    /** The renderer of a dialect at its default database version (MariaDB 10.11, MySQL 8). */
    static MigrationRenderer of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new SqliteRenderer();
            case POSTGRESQL -> new PostgresqlRenderer();
            case MARIADB -> MysqlRenderer.mariaDb();
            case MYSQL -> MysqlRenderer.mysql();
            case H2 -> new H2Renderer();
        };
    }

    /**
     * @param oldModel the model the database is at (the committed snapshot); rebuilds are made from it
     * @param newModel the model the migration must produce
     * @param changes  {@code SchemaDiff.compare(oldModel, newModel, renames)}
     */
    RenderedMigration render(SchemaModel oldModel, SchemaModel newModel, List<SchemaChange> changes, RenderOptions options);

    /**
     * Types and defaults as this dialect's statements spell them, for the header of a migration
     * from {@code oldModel} to {@code newModel} ({@link RenderedMigration#script(String, List, ColumnWords)}).
     */
    ColumnWords words(SchemaModel oldModel, SchemaModel newModel);
}
