package io.github.jpamigrate.core.sql.mysql;

import io.github.jpamigrate.core.sql.RendererScenarios;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes in, exact MySQL 8 statements out. */
class MysqlRendererTest {

    @Test
    void dropsChecksWithDropCheck() {
        var forward = RendererScenarios.constraints();
        var back = new RendererScenarios.Scenario(forward.to(), forward.from(), forward.renames(), forward.options());
        assertThat(back.sql(MysqlRenderer.mysql())).contains("alter table `user` drop check ck_user_login");
    }
}
