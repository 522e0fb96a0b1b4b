package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The timeouts at the top of an online migration: PostgreSQL bounds the migration's statements
 * ({@link RenderOptions.Online#DEFAULT_STATEMENT_TIMEOUT} unless configured) and lifts any limit
 * in the follow-up, whose statements block no writer; MariaDB/MySQL set none unless configured.
 */
class SessionTimeoutsTest {

    /** An index added to an existing table and a column: a migration and, on PostgreSQL, a follow-up. */
    private static RenderedMigration render(Dialect dialect, String statementTimeout) {
        Table user = RendererScenarios.user(c -> c);
        Table indexed = TableBuilder.from(user).index(new Index("idx_user_email", List.of("email"), false)).build();
        Table order = RendererScenarios.shop().table("order").orElseThrow();
        SchemaModel from = ModelBuilder.from(RendererScenarios.shop()).tables(List.of(user, order)).build();
        SchemaModel to = ModelBuilder.from(RendererScenarios.shop()).tables(List.of(indexed, order)).build();
        RendererScenarios.Scenario scenario = new RendererScenarios.Scenario(from, to, Renames.NONE,
                RenderOptions.DEFAULTS.withOnline(new RenderOptions.Online(true, "5s", statementTimeout)));
        return dialect.renderer().render(scenario.from(), scenario.to(), scenario.changes(), scenario.options());
    }

    private static List<String> sets(RenderedMigration migration) {
        return migration.statements().stream().map(Statement::text).filter(t -> t.startsWith("set ")).toList();
    }

    @Test
    void postgresqlBoundsTheMigrationAndLiftsAnyLimitInTheFollowUpByDefault() {
        RenderedMigration migration = render(Dialect.POSTGRESQL, null);

        assertThat(sets(migration)).containsExactly("set local lock_timeout = '5s'", "set local statement_timeout = '1min'");
        assertThat(sets(migration.followUp())).containsExactly("set lock_timeout = '5s'", "set statement_timeout = 0");
    }

    @Test
    void aConfiguredStatementTimeoutIsUsedInBothAndZeroMeansNoLimit() {
        RenderedMigration planned = render(Dialect.POSTGRESQL, "30min");
        assertThat(sets(planned)).contains("set local statement_timeout = '30min'");
        assertThat(sets(planned.followUp())).contains("set statement_timeout = '30min'");

        RenderedMigration unlimited = render(Dialect.POSTGRESQL, "0");
        assertThat(sets(unlimited)).contains("set local statement_timeout = 0");
        assertThat(sets(unlimited.followUp())).contains("set statement_timeout = 0");
    }

    @Test
    void mariadbSetsAStatementTimeoutOnlyWhenConfigured() {
        assertThat(sets(render(Dialect.MARIADB, null))).containsExactly("set session lock_wait_timeout = 5");
        assertThat(sets(render(Dialect.MARIADB, "2min"))).contains("set session max_statement_time = 120");
        assertThat(sets(render(Dialect.MARIADB, "0"))).contains("set session max_statement_time = 0");
    }

    @Test
    void aStatementTimeoutThatIsNoDurationNamesZeroAsTheWayToSayNoLimit() {
        assertThatThrownBy(() -> new RenderOptions.Online(true, "5s", "forever"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statementTimeout 'forever' is not a duration")
                .hasMessageContaining("or 0 for no limit");
        assertThatThrownBy(() -> new RenderOptions.Online(true, "0", null))
                .hasMessageContaining("lockTimeout '0' is not a duration").hasMessageNotContaining("no limit");
    }
}
