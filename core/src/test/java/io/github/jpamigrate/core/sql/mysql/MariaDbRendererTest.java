package io.github.jpamigrate.core.sql.mysql;

import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RendererScenarios;
import io.github.jpamigrate.core.testing.TableBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes in, exact MariaDB statements out. */
class MariaDbRendererTest {

    @Test
    void dropsChecksAsConstraints() {
        var forward = RendererScenarios.constraints();
        var back = new RendererScenarios.Scenario(forward.to(), forward.from(), forward.renames(), forward.options());
        assertThat(back.sql(MysqlRenderer.mariaDb())).contains("alter table `user` drop constraint ck_user_login");
    }

    @Test
    void beforeMariaDb105ARenameRestatesTheColumn() {
        assertThat(RendererScenarios.renameAndDrop().sql(MysqlRenderer.mariaDb(10, 4)))
                .contains("alter table `user` change column email mail varchar(255)");
    }

    @Test
    void aRenamedEnumColumnStillFollowsNewConstants() {
        var renamed = RendererScenarios.renameTableAndColumns();
        var to = renamed.to();
        var grown = new SchemaModel(to.naming(), to.orm(), to.producer(), to.tables(), to.sequences(), to.tableGenerators(),
                List.of(new EnumType("com.acme.Status", List.of("NEW", "ACTIVE", "CLOSED"))));
        var scenario = new RendererScenarios.Scenario(renamed.from(), grown, renamed.renames(), renamed.options());
        assertThat(scenario.sql(MysqlRenderer.mariaDb())).containsSubsequence(
                "alter table member rename column status to state",
                "-- may copy member while it runs\nalter table member modify column state enum ('ACTIVE','CLOSED','NEW')");
    }

    /**
     * A unique key longer than 3072 bytes is a hash over a hidden virtual column in MariaDB, and
     * MariaDB then refuses {@code algorithm=instant} for a new column (found by the evolution
     * property test, MariaDB seed 170): such a table gets a plain add column.
     */
    @Test
    void aTableWithAHashUniqueKeyGetsNoInstantColumn() {
        var added = RendererScenarios.addColumns();
        var online = new RendererScenarios.Scenario(longLogin(added.from()), longLogin(added.to()), added.renames(),
                added.options().withOnline(RenderOptions.Online.DEFAULT));
        // the copy is written with the lint's accept markers above it (docs/lint.md, "Generated migrations")
        assertThat(online.sql(MysqlRenderer.mariaDb()))
                .anyMatch(sql -> sql.contains("-- jpa-migrate:accept JML122 ") && sql.endsWith("\nalter table `user` add column phone varchar(32)"))
                .noneMatch(sql -> sql.contains("algorithm=instant"));
        var plainLength = new RendererScenarios.Scenario(added.from(), added.to(), added.renames(),
                added.options().withOnline(RenderOptions.Online.DEFAULT));
        assertThat(plainLength.sql(MysqlRenderer.mariaDb())).contains("alter table `user` add column phone varchar(32), algorithm=instant");
    }

    /**
     * Evolution seed 220 on MariaDB: an index added in place to a table whose unique key MariaDB
     * keeps as a hash ("INPLACE ADD or DROP of virtual columns cannot be combined"). The index is
     * written plain, with the copy caution, on such a table; in place elsewhere.
     */
    @Test
    void anIndexOnATableWithAHashUniqueKeyIsBuiltWithoutTheInPlaceClause() {
        SchemaModel from = RendererScenarios.shop();
        SchemaModel to = withIndexOnUser(from);
        var hashed = new RendererScenarios.Scenario(longLogin(from), longLogin(to), Renames.NONE,
                RenderOptions.DEFAULTS.withOnline(RenderOptions.Online.DEFAULT));
        assertThat(hashed.sql(MysqlRenderer.mariaDb()))
                .anyMatch(sql -> sql.endsWith("create index idx_user_status on `user` (status)"))
                .noneMatch(sql -> sql.contains("algorithm=inplace"));
        var plain = new RendererScenarios.Scenario(from, to, Renames.NONE, RenderOptions.DEFAULTS.withOnline(RenderOptions.Online.DEFAULT));
        assertThat(plain.sql(MysqlRenderer.mariaDb())).contains("create index idx_user_status on `user` (status) algorithm=inplace lock=none");
    }

    private static SchemaModel withIndexOnUser(SchemaModel model) {
        List<Table> tables = model.tables().stream().map(t -> !t.name().equals("user") ? t : TableBuilder.from(t)
                .index(new io.github.jpamigrate.core.model.Index("idx_user_status", List.of("status"), false)).build()).toList();
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, model.sequences(),
                model.tableGenerators(), model.enums());
    }

    /** The model with the unique {@code login} widened to 1000 characters (4000 key bytes in utf8mb4). */
    private static SchemaModel longLogin(SchemaModel model) {
        List<Table> tables = model.tables().stream().map(t -> !t.name().equals("user") ? t : TableBuilder.from(t)
                .columns(t.columns().stream().map(c -> c.name().equals("login")
                        ? c.withType(ColumnType.withLength(TypeKind.VARCHAR, 1000)) : c).toList()).build()).toList();
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, model.sequences(),
                model.tableGenerators(), model.enums());
    }
}
