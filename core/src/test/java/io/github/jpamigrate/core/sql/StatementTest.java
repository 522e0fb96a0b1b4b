package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a statement does to existing rows travels beside its SQL, not inside it. */
class StatementTest {

    @Test
    void aCastCarriesItsCommentsAsAFieldAndTheScriptWritesThemAbove() {
        var scenario = RendererScenarios.changeColumns();
        List<Statement> statements = Dialect.POSTGRESQL.renderer()
                .render(scenario.from(), scenario.to(), scenario.changes(), scenario.options()).statements();
        Statement cast = statements.stream().filter(s -> !s.comments().isEmpty()).findFirst().orElseThrow();
        assertThat(cast.sql()).isEqualTo("alter table \"order\" alter column total type float(53) using total::float(53)");
        assertThat(cast.comments()).containsExactly(
                "casts existing values numeric(38,2) -> float(53); rows that do not convert make this fail",
                "rewrites order under an exclusive lock");
        assertThat(cast.origin()).isNotNull();
        assertThat(cast.text()).isEqualTo("-- " + cast.comments().get(0) + "\n-- " + cast.comments().get(1) + "\n" + cast.sql());
        assertThat(statements).filteredOn(s -> s.sql().contains("--")).isEmpty();
    }
}
