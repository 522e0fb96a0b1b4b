package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-db} on schemas the way hand-written migrations leave them: each difference is one
 * finding, in the words the database uses for its types.
 */
class RealSchemaFindingsTest {

    @TempDir
    Path dir;

    /** A {@code text} column reads as {@code text}, an unbounded {@code varchar} as {@code varchar}. */
    @Test
    void textAndUnboundedVarcharAreSpelledAsTheDatabaseDeclaresThem() throws Exception {
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.POSTGRESQL, db);
            live.generate(shop(), "initial schema");
            live.migrate(null);
            live.execute("alter table customer alter column status type text",
                    "alter table customer alter column email type varchar");

            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("none")));

            assertThat(findings).extracting(f -> f.subject() + ": " + f.finding()).containsExactlyInAnyOrder(
                    "column customer.email: differs from the entity model (model -> database): type varchar(255) -> varchar",
                    "column customer.status: differs from the entity model (model -> database): type varchar(255) -> text");
        }
    }

    /** A foreign key whose delete rule differs is one key that differs, not one missing and one extra. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void aForeignKeyThatDiffersOnlyInItsDeleteRuleIsOneFinding(Dialect dialect) throws Exception {
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), dialect, db);
            live.generate(shop(), "initial schema");
            live.migrate(null);
            String order = dialect == Dialect.POSTGRESQL ? "\"order\"" : "`order`";
            live.execute("alter table " + order + (dialect == Dialect.POSTGRESQL ? " drop constraint" : " drop foreign key")
                            + " fk_order_customer_id",
                    "alter table " + order + " add constraint fk_order_customer_id foreign key (customer_id) references customer (id)");

            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("none")));

            assertThat(findings).extracting(f -> f.kind() + " " + f.subject() + ": " + f.finding()).containsExactly(
                    "DRIFT foreign key fk_order_customer_id on order(customer_id) -> customer: on delete no action in"
                            + " the database, cascade in the entity model");
        }
    }
}
