package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.RendererScenarios.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A migration's header says the changes as the dialect's statements do: its type names, and an added column's default. */
class MigrationHeaderTest {

    /** A NOT NULL {@code timestamp(6)} with a default, a string default with a backslash, and a type change. */
    private static Scenario scenario() {
        SchemaModel from = RendererScenarios.shop();
        SchemaModel to = new SchemaModel(from.naming(), from.orm(), from.producer(), List.of(
                RendererScenarios.user(c -> {
                    c.add(Column.of("seen_at", ColumnType.withPrecision(TypeKind.TIMESTAMP, 6), false)
                            .withDefaultValue("current_timestamp"));
                    c.add(Column.of("home", ColumnType.withLength(TypeKind.VARCHAR, 40), true).withDefaultValue("'C:\\'"));
                    return c;
                }),
                RendererScenarios.order(c -> {
                    c.set(2, c.get(2).withType(ColumnType.withPrecision(TypeKind.DOUBLE, 53)));
                    return c;
                }, ReferentialAction.CASCADE)), from.sequences(), from.tableGenerators(), from.enums());
        return new Scenario(from, to, Renames.NONE, RenderOptions.DEFAULTS);
    }

    private static List<String> changeLines(Dialect dialect) {
        Scenario s = scenario();
        MigrationRenderer renderer = dialect.renderer();
        String script = renderer.render(s.from(), s.to(), s.changes(), s.options())
                .script("V2: test", s.changes(), renderer.words(s.from(), s.to()));
        return script.lines().dropWhile(l -> !l.equals("-- Changes:")).skip(1).takeWhile(l -> l.startsWith("--   ")).toList();
    }

    @Test
    void sqliteSaysTimestampAsItsStatementDoes() {
        assertThat(changeLines(Dialect.SQLITE)).containsExactly(
                "--   change column order.total: type numeric(38,2) -> float",
                "--   add column user.seen_at timestamp not null default (current_timestamp)",
                "--   add column user.home varchar(40) default 'C:\\'");
    }

    @Test
    void postgresqlKeepsThePrecision() {
        assertThat(changeLines(Dialect.POSTGRESQL)).containsExactly(
                "--   change column order.total: type numeric(38,2) -> float(53)",
                "--   add column user.seen_at timestamp(6) not null default current_timestamp",
                "--   add column user.home varchar(40) default 'C:\\'");
    }

    @Test
    void mariaDbWritesTheDefaultAsItsStatementDoes() {
        assertThat(changeLines(Dialect.MARIADB)).containsExactly(
                "--   change column order.total: type decimal(38,2) -> float(53)",
                "--   add column user.seen_at datetime(6) not null default current_timestamp",
                "--   add column user.home varchar(40) default 'C:\\\\'");
    }
}
