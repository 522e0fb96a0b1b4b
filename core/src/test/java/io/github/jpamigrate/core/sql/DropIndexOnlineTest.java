package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the online forms a dropped index of a table that keeps its rows goes to PostgreSQL's
 * follow-up as {@code drop index concurrently if exists} (a plain {@code drop index} takes an
 * ACCESS EXCLUSIVE lock on the table: lint JML127, squawk require-concurrent-index-deletion),
 * first in it — unless the migration needs the index gone.
 */
class DropIndexOnlineTest {

    private static final Index EMAIL = new Index("idx_user_email", List.of("email"), false);

    private static Table user(UnaryOperator<List<Column>> edit, Index... indexes) {
        Table user = RendererScenarios.user(edit);
        return TableBuilder.from(user).indexes(List.of(indexes)).build();
    }

    private static RenderedMigration render(Dialect dialect, Table before, Table after) {
        Table order = RendererScenarios.shop().table("order").orElseThrow();
        SchemaModel from = ModelBuilder.from(RendererScenarios.shop()).tables(List.of(before, order)).build();
        SchemaModel to = ModelBuilder.from(RendererScenarios.shop()).tables(List.of(after, order)).build();
        RendererScenarios.Scenario scenario = new RendererScenarios.Scenario(from, to, Renames.NONE,
                RenderOptions.DEFAULTS.withOnline(RenderOptions.Online.DEFAULT));
        return dialect.renderer().render(scenario.from(), scenario.to(), scenario.changes(), scenario.options());
    }

    private static List<String> sql(RenderedMigration migration) {
        if (migration == null) {
            return List.of();
        }
        return migration.statements().stream().map(Statement::text)
                .map(t -> String.join(" ", t.lines().filter(l -> !l.startsWith("--")).toList()))
                .filter(t -> !t.startsWith("set ")).toList();
    }

    @Test
    void anIndexNoLongerWantedIsDroppedConcurrentlyFirstInTheFollowUp() {
        RenderedMigration migration = render(Dialect.POSTGRESQL, user(c -> c, EMAIL),
                user(c -> c, new Index("idx_user_status", List.of("status"), false)));

        assertThat(sql(migration)).noneMatch(s -> s.contains("idx_user_email"));
        assertThat(sql(migration.followUp())).containsExactly(
                "drop index concurrently if exists idx_user_email",
                "drop index concurrently if exists idx_user_status",
                "create index concurrently idx_user_status on \"user\" (status)");
        assertThat(migration.followUp().transactional()).isFalse();
    }

    @Test
    void anIndexOnAColumnWhoseTypeChangesIsDroppedInTheMigrationBeforeTheChange() {
        ColumnType wider = ColumnType.withLength(TypeKind.VARCHAR, 320);
        RenderedMigration migration = render(Dialect.POSTGRESQL, user(c -> c, EMAIL), user(c -> {
            List<Column> out = new ArrayList<>(c);
            out.set(2, out.get(2).withType(wider));
            return out;
        }));

        List<String> sql = sql(migration);
        assertThat(sql.get(0)).isEqualTo("drop index idx_user_email");
        assertThat(sql).anyMatch(s -> s.contains("alter column email type varchar(320)"));
        assertThat(sql(migration.followUp())).noneMatch(s -> s.contains("idx_user_email"));
    }

    @Test
    void anIndexWhoseNameANewIndexTakesIsDroppedInTheMigration() {
        RenderedMigration migration = render(Dialect.POSTGRESQL, user(c -> c, EMAIL),
                user(c -> c, new Index("idx_user_email", List.of("email", "status"), false)));

        assertThat(sql(migration)).containsExactly("drop index idx_user_email");
        assertThat(sql(migration.followUp())).containsExactly(
                "drop index concurrently if exists idx_user_email",
                "create index concurrently idx_user_email on \"user\" (email, status)");
    }

    @Test
    void mariadbDropsTheIndexInTheMigrationAsBefore() {
        RenderedMigration migration = render(Dialect.MARIADB, user(c -> c, EMAIL), user(c -> c));

        assertThat(sql(migration)).anyMatch(s -> s.startsWith("drop index idx_user_email") || s.contains("drop index idx_user_email"));
        assertThat(migration.followUp()).isNull();
    }
}
