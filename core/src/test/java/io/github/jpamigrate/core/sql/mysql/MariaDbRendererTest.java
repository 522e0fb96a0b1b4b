package io.github.jpamigrate.core.sql.mysql;

import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.RendererScenarios;
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
}
