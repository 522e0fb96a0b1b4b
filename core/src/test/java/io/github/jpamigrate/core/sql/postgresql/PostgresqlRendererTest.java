package io.github.jpamigrate.core.sql.postgresql;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.sql.RendererScenarios;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.UnsupportedChangeException;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changes in, exact PostgreSQL statements out. */
class PostgresqlRendererTest {

    @Test
    void aNewNotNullColumnWithoutDefaultOrBackfillIsRefusedWithTheFix() {
        var scenario = RendererScenarios.addColumns();
        var withoutBackfill = new RendererScenarios.Scenario(scenario.from(), scenario.to(), Renames.NONE, RenderOptions.DEFAULTS);
        assertThatThrownBy(() -> withoutBackfill.sql(new PostgresqlRenderer()))
                .isInstanceOf(UnsupportedChangeException.class)
                .hasMessageContaining("user.age")
                .hasMessageContaining("-Djpamigrate.backfill=user.age=<sql literal>");
    }

    @Test
    void aCheckWithoutANameCannotBeDroppedAndTheMessageSaysWhy() {
        SchemaModel from = RendererScenarios.shop();
        SchemaModel withCheck = ModelBuilder.from(from)
                .editTable(from.tables().get(0).name(), t -> t.check(new CheckConstraint(null, "id > 0"))).build();
        var scenario = new RendererScenarios.Scenario(withCheck, from, Renames.NONE, RenderOptions.DEFAULTS);
        assertThatThrownBy(() -> scenario.sql(new PostgresqlRenderer()))
                .isInstanceOf(UnsupportedChangeException.class)
                .hasMessageContaining("drop check on user: id > 0")
                .hasMessageContaining("@Check(name = ...)");
    }

    @Test
    void aTypeChangeOfTheSameKindNeedsNoCast() {
        var scenario = RendererScenarios.changeColumns();
        assertThat(String.join("\n", scenario.sql(new PostgresqlRenderer())))
                .contains("alter table \"user\" alter column email type varchar(320)\n")
                .doesNotContain("email::");
    }

    @Test
    void theHeaderRepeatsWhatStatementsDoToExistingRows() {
        var scenario = RendererScenarios.changeColumns();
        String script = new PostgresqlRenderer().render(scenario.from(), scenario.to(), scenario.changes(), scenario.options())
                .script("V2: totals as doubles", scenario.changes());
        assertThat(script).startsWith("""
                -- V2: totals as doubles
                --
                -- Changes:
                --   change column order.total: type decimal(38,2) -> double(53)
                --   change column user.email: type varchar(255) -> varchar(320), now not null
                --
                -- Caution:
                --   casts existing values numeric(38,2) -> float(53); rows that do not convert make this fail
                --   rewrites order under an exclusive lock
                """);
    }

    /**
     * A dropped table's foreign key depends on the primary key it references: when that key
     * changes in the same migration, the foreign key goes first (found by the evolution property
     * test, PostgreSQL seed 91: "cannot drop constraint customer_pkey ... other objects depend on it").
     */
    @Test
    void dropsTheForeignKeyOfADroppedTableBeforeThePrimaryKeyItReferences() {
        SchemaModel from = RendererScenarios.shop();
        Table user = from.table("user").orElseThrow();
        Table widerKey = TableBuilder.from(user).primaryKey("id", "login").build();
        SchemaModel to = ModelBuilder.from(from).tables(List.of(widerKey)).build();
        RendererScenarios.Scenario scenario = new RendererScenarios.Scenario(from, to, Renames.NONE, RenderOptions.DEFAULTS);

        List<String> sql = scenario.sql(new PostgresqlRenderer());

        assertThat(sql).contains("alter table \"order\" drop constraint fk_order_user_id", "drop table \"order\"");
        assertThat(sql.indexOf("alter table \"order\" drop constraint fk_order_user_id"))
                .isLessThan(sql.indexOf(sql.stream().filter(q -> q.contains("drop constraint user_pkey")).findFirst().orElseThrow()));
    }
}
