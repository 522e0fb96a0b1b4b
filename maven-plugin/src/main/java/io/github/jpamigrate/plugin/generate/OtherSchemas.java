package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.project.WorkflowFailure;

import java.util.List;
import java.util.Optional;

/**
 * Tables in a schema of their own ({@code @Table(schema = "audit")}) are refused, by name, instead
 * of being written into the connection's schema: the renderers write unqualified names, and a
 * scratch database is one schema (PostgreSQL) or database (MariaDB) of a shared server, so a second
 * schema could neither be created nor thrown away safely there. The default schema spelled out
 * ({@code public} on PostgreSQL and H2, {@code main} on SQLite) is the same place and is accepted.
 */
public final class OtherSchemas {

    private OtherSchemas() {
    }

    /** Why the model cannot be written for the dialect, or empty when every table is in the default schema. */
    public static Optional<String> problem(SchemaModel model, Dialect dialect) {
        List<Table> outside = model.tables().stream()
                .filter(t -> t.schema() != null && !isDefault(t.schema(), dialect)).toList();
        if (outside.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("tables outside the default schema are not supported yet; JPA Migrate"
                + " would create them in the connection's schema instead:");
        for (Table table : outside) {
            out.append("\n  - ").append(table.qualifiedName()).append(" (")
                    .append(table.entities().isEmpty() ? "no entity" : String.join(", ", table.entities()))
                    .append(", @Table(schema = \"").append(table.schema()).append("\"))");
        }
        out.append("\nRemove schema from @Table and choose the schema through the connection instead (PostgreSQL"
                + " currentSchema, Flyway's defaultSchema / spring.flyway.default-schema, Hibernate's"
                + " hibernate.default_schema), or keep such tables out of the generated migrations' entities.");
        return Optional.of(out.toString());
    }

    /** @throws WorkflowFailure with {@link #problem}'s message */
    static void refuse(SchemaModel model, Dialect dialect) {
        problem(model, dialect).ifPresent(p -> {
            throw new WorkflowFailure("cannot write the " + dialect.id() + " migration: " + p);
        });
    }

    private static boolean isDefault(String schema, Dialect dialect) {
        return dialect.defaultSchema().filter(name -> name.equalsIgnoreCase(schema)).isPresent();
    }
}
