package io.github.jpamigrate.processor.oracle;

import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
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

    /**
     * What the project's own migrations add beside ours (docs/descriptor-format.md, table kinds): each
     * external object as a table with the entity's columns, each view from its query; after {@link #apply}.
     */
    static void applyProjectOwn(Scratch scratch, Dialect dialect, SchemaModel model) throws SQLException {
        List<Table> external = model.tables().stream().filter(t -> t.kind() == TableKind.EXTERNAL)
                .map(t -> TableBuilder.from(t).kind(TableKind.TABLE, null).build()).toList();
        try (Connection c = scratch.connect(); var s = c.createStatement()) {
            apply(c, dialect, ModelBuilder.from(EMPTY).tables(external).build());
            for (Table view : model.tables().stream().filter(t -> t.kind() == TableKind.VIEW).toList()) {
                s.execute("create view " + view.name() + " as " + view.query());
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
