package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.IdentifierLimits;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration {@code generate} writes first for a model (everything, from an empty schema),
 * rendered by core's renderer of each dialect, and run statement by statement on PostgreSQL.
 */
final class FirstMigration {

    private static final SchemaModel EMPTY = new SchemaModel("jpa", "-", "-", List.of(), List.of(), List.of(), List.of());
    private static final List<Dialect> DIALECTS = List.of(Dialect.POSTGRESQL, Dialect.H2, Dialect.MARIADB, Dialect.SQLITE);

    private FirstMigration() {
    }

    /** The statements for a dialect; throws what the renderer throws when it cannot express a change. */
    static List<Statement> render(SchemaModel model, Dialect dialect) {
        return dialect.renderer().render(EMPTY, model, SchemaDiff.compare(EMPTY, model), RenderOptions.DEFAULTS)
                .statements();
    }

    /** Per dialect: "n statements", or why generate would refuse (names too long, a change the dialect cannot express). */
    static Map<String, String> renderEveryDialect(SchemaModel model) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Dialect dialect : DIALECTS) {
            List<String> tooLong = IdentifierLimits.violations(model, dialect);
            try {
                int count = render(model, dialect).size();
                out.put(dialect.id(), count + " statements" + (tooLong.isEmpty() ? "" : "; generate refuses names too long: " + tooLong));
            } catch (RuntimeException e) {
                out.put(dialect.id(), "cannot render: " + Failures.chain(e));
            }
        }
        return out;
    }

    /** Runs the PostgreSQL statements in order, going on after a failure; the failures, each with its statement. */
    static List<String> applyToPostgres(SchemaModel model, PostgresScratch database) throws SQLException {
        return run(render(model, Dialect.POSTGRESQL).stream().map(Statement::sql).toList(), database);
    }

    /** Runs SQL statements one by one in autocommit, going on after a failure; the failures. */
    static List<String> run(List<String> statements, PostgresScratch database) throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection c = database.connect(); var s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    failures.add(oneLine(sql) + " -> " + oneLine(e.getMessage()));
                }
            }
        }
        return failures;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + " ..." : flat;
    }
}
