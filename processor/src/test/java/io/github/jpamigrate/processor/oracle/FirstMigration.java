package io.github.jpamigrate.processor.oracle;

import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The migration JPA Migrate writes first for a model (everything, from an empty schema), run on a database. */
final class FirstMigration {

    private static final SchemaModel EMPTY = new SchemaModel("jpa", "-", "-", List.of(), List.of(), List.of(), List.of());

    private FirstMigration() {
    }

    /** Runs the migration's statements on {@code connection}, in order. */
    static void apply(Connection connection, Dialect dialect, SchemaModel model) throws SQLException {
        List<Statement> statements = dialect.renderer()
                .render(EMPTY, model, SchemaDiff.compare(EMPTY, model), RenderOptions.DEFAULTS).statements();
        try (var s = connection.createStatement()) {
            for (Statement statement : statements) {
                s.execute(statement.sql());
            }
        }
    }

    /** Runs the migration in the scratch database. */
    static void apply(Scratch scratch, Dialect dialect, SchemaModel model) throws SQLException {
        try (Connection c = scratch.connect()) {
            apply(c, dialect, model);
        }
    }
}
