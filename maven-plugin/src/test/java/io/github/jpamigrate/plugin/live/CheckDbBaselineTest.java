package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.addColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@code check-db} on a database that has the tables but no Flyway history (issue 19 item 7): made
 * as it happens, by applying the migrations and then losing the history table (a copy of the
 * schema without it, a schema made by {@code ddl-auto}); the goal names the version to baseline at,
 * or the closest one and what differs from it, and lists as pending only what follows the baseline.
 */
class CheckDbBaselineTest {

    @TempDir
    Path dir;

    private ScratchDatabase open(Dialect dialect) {
        return dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir.resolve("db")) : TestServers.scratch(dialect);
    }

    /** Three migrations; the database holds V2's schema and no history. */
    private LiveDatabaseFixture atV2WithoutHistory(Dialect dialect, ScratchDatabase db) throws Exception {
        LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), dialect, db);
        live.generate(shop(), "initial schema").generate(withPhone(shop()), "add phone")
                .generate(addColumn(withPhone(shop()), "customer", Column.of("note", ColumnType.withLength(TypeKind.VARCHAR, 40),
                        true)), "add note");
        live.migrate("2");
        live.execute(dialect == Dialect.H2 ? "drop table \"flyway_schema_history\"" : "drop table flyway_schema_history");
        return live;
    }

    private static LiveRequest request(LiveDatabaseFixture live, ShadowDatabase shadow) {
        return new LiveRequest(live.project.layout, LiveDatabase.of(live.database.url(), live.database.user(),
                live.database.password()), live.flyway(), null, shadow);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "H2", "POSTGRESQL"})
    void theVersionWhoseSchemaTheDatabaseHoldsIsNamedAndOnlyTheLaterOnesArePending(Dialect dialect) throws Exception {
        try (ScratchDatabase db = open(dialect)) {
            LiveDatabaseFixture live = atV2WithoutHistory(dialect, db);
            ShadowDatabase shadow = dialect == Dialect.POSTGRESQL ? TestServers.shadow(dialect) : null;
            String before = live.state();

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(request(live, shadow), Kind.defaults()))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("check-db found 1 problem(s)")
                    .hasMessageContaining("[drift] history table flyway_schema_history: the database has 2 table(s) but no"
                            + " Flyway history table flyway_schema_history; its schema is the one V2__add_phone.sql builds")
                    .hasMessageContaining("baseline the database at version 2: once, with flyway -baselineVersion=2 baseline")
                    .hasMessageContaining("baselineOnMigrate=true and baselineVersion=2")
                    .hasMessageContaining("spring.flyway.baseline-version=2")
                    .hasMessageContaining("the deploy then applies V3__add_note.sql (1 migration(s))");

            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(request(live, shadow),
                    Kind.parse(List.of("none")));
            assertThat(findings).extracting(LiveFinding::kind, LiveFinding::subject).containsExactly(
                    tuple(Kind.DRIFT, "history table flyway_schema_history"), tuple(Kind.PENDING, "V3__add_note.sql"));
            assertThat(findings.get(1).finding()).isEqualTo("not applied yet; the deploy applies it once the database is"
                    + " baselined at 2");
            assertThat(live.project.info).anyMatch(l -> l.startsWith("No Flyway history: replayed 3 version(s) on "));
            assertThat(live.state()).isEqualTo(before);
        }
    }

    @Test
    void aSchemaNoVersionBuildsNamesTheClosestVersionAndItsDifferences() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = atV2WithoutHistory(Dialect.SQLITE, db);
            live.execute("alter table customer add column nickname varchar(20)");

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(request(live, null), Kind.defaults()))
                    .hasMessageContaining("its schema is not the one any version builds (the 3 version(s) were replayed on"
                            + " a scratch database): the closest is V2__add_phone.sql's, with 1 difference(s)"
                            + " (V2__add_phone.sql -> database): column customer.nickname (varchar(20)) extra")
                    .hasMessageContaining("bring the database to the schema V2__add_phone.sql builds")
                    .hasMessageContaining("baseline the database at version 2")
                    .hasMessageNotContaining("[pending]");
        }
    }

    /** A migration that writes data only builds the same schema as the one before it: the newest is named, the older said. */
    @Test
    void aDataOnlyMigrationMakesTheNewestEqualVersionNamedAndTheOlderOneSaid() throws Exception {
        try (ScratchDatabase db = open(Dialect.SQLITE)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema").generate(withPhone(shop()), "add phone");
            live.writeMigration("V3__fill_phone.sql", "update customer set phone = 'unknown' where phone is null;\n");
            live.migrate("2");
            live.execute("drop table flyway_schema_history");

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(request(live, null), Kind.defaults()))
                    .hasMessageContaining("its schema is the one V3__fill_phone.sql builds (so is V2__add_phone.sql's: what"
                            + " comes between changes no schema; if the database lacks the data it writes, baseline at that"
                            + " older version instead)")
                    .hasMessageContaining("baseline the database at version 3")
                    .hasMessageContaining("the deploy then applies nothing more");
        }
    }

    @Test
    void aServerDatabaseWithoutAShadowServerIsToldHowToHaveTheVersionNamed() throws Exception {
        try (ScratchDatabase db = open(Dialect.MARIADB)) {
            LiveDatabaseFixture live = atV2WithoutHistory(Dialect.MARIADB, db);

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(request(live, null), Kind.defaults()))
                    .hasMessageContaining("which migration's schema it holds was not worked out: working it out needs a"
                            + " scratch mariadb database: set -Djpamigrate.shadowUrl=jdbc:...")
                    .hasMessageContaining("if the schema is what migration V<n> builds, baseline the database at version <n>")
                    .hasMessageNotContaining("[pending]");

            assertThatThrownBy(() -> new CheckDbWorkflow(live.project.log).run(request(live,
                    TestServers.shadow(Dialect.MARIADB)), Kind.defaults()))
                    .hasMessageContaining("its schema is the one V2__add_phone.sql builds");
        }
    }
}
