package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A column dropped together with an index and a unique constraint on it: PostgreSQL drops those
 * with the column, so a {@code drop index} after the column drop would fail. {@link AlterPlan}
 * drops indexes and constraints in a phase before the columns, for every in-place dialect and in
 * the online forms, whose follow-up never names them (SQLite rebuilds the table without them).
 * (The hawkbit-2 adoption failure first read as this order fault was the index's name: see
 * {@code AcceptedDriftWorkflowTest#objectsTheMigrationsNamedTheirOwnWayAreDroppedByTheDatabasesName}.)
 */
class DropColumnWithItsIndexTest {

    private static RendererScenarios.Scenario scenario(boolean online) {
        Table user = TableBuilder.from(RendererScenarios.user(c -> c)).unique("uk_user_login_email", "login", "email")
                .index(new Index("idx_user_email", List.of("email"), false))
                .index(new Index("idx_user_email_status", List.of("email", "status desc"), false)).build();
        Table without = RendererScenarios.user(c -> {
            c.remove(2);
            return c;
        });
        Table order = RendererScenarios.shop().table("order").orElseThrow();
        SchemaModel from = ModelBuilder.from(RendererScenarios.shop()).tables(List.of(user, order)).build();
        SchemaModel to = ModelBuilder.from(RendererScenarios.shop()).tables(List.of(without, order)).build();
        RenderOptions options = online ? RenderOptions.DEFAULTS.withOnline(RenderOptions.Online.DEFAULT) : RenderOptions.DEFAULTS;
        return new RendererScenarios.Scenario(from, to, Renames.NONE, options);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB", "MYSQL", "H2"})
    void theIndexesAndConstraintsOnADroppedColumnGoBeforeIt(Dialect dialect) {
        for (boolean online : List.of(false, true)) {
            RendererScenarios.Scenario scenario = scenario(online);
            RenderedMigration migration = dialect.renderer().render(scenario.from(), scenario.to(), scenario.changes(),
                    scenario.options());
            List<String> sql = new ArrayList<>(migration.statements().stream().map(Statement::text)
                    .map(t -> t.lines().filter(l -> !l.startsWith("--")).reduce("", String::concat))
                    .filter(t -> !t.startsWith("set ")).toList());

            int column = indexOf(sql, "drop column email");
            assertThat(column).as(dialect + (online ? " online" : "") + ": " + sql).isEqualTo(sql.size() - 1);
            assertThat(indexOf(sql, "uk_user_login_email")).isBetween(0, column - 1);
            assertThat(indexOf(sql, "idx_user_email")).isBetween(0, column - 1);
            assertThat(indexOf(sql, "idx_user_email_status")).isBetween(0, column - 1);
            assertThat(sql).hasSize(4);
            if (migration.followUp() != null) {
                assertThat(migration.followUp().statements()).extracting(Statement::text)
                        .noneMatch(t -> t.contains("idx_user_email") || t.contains("uk_user_login_email"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE"})
    void sqliteRebuildsTheTableWithoutThem(Dialect dialect) {
        RendererScenarios.Scenario scenario = scenario(false);
        String script = String.join("\n", scenario.sql(dialect.renderer()));
        assertThat(script).contains("create table jm_new_user").doesNotContain("email").doesNotContain("drop index");
    }

    private static int indexOf(List<String> sql, String part) {
        for (int i = 0; i < sql.size(); i++) {
            if (java.util.regex.Pattern.compile("(?<![a-z_])" + part + "(?![a-z_])").matcher(sql.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }
}
