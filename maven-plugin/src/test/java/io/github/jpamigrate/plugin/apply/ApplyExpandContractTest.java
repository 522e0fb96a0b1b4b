package io.github.jpamigrate.plugin.apply;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The undo scripts of an expand and a contract step on a PostgreSQL database with rows, through
 * {@code jpa-migrate:undo}: undoing the contract step brings the old column back filled and the sync
 * trigger working; undoing the expand step leaves the old column with its values.
 */
class ApplyExpandContractTest {

    @TempDir
    Path dir;

    @Test
    void undoingTheContractAndTheExpandStepKeepsTheValues() throws Exception {
        MigrationTargets targets = MigrationTargets.single(Dialect.POSTGRESQL);
        ShadowServers shadows = ShadowServers.of(TestServers.shadow(Dialect.POSTGRESQL));
        ProjectFixture project = new ProjectFixture(dir.resolve("project")).compile(shop());
        ChangeOptions online = ProjectFixture.options(List.of(), List.of(), List.of());
        project.run(new GenerateRequest(project.layout, online, null, false, VersionScheme.SEQUENTIAL, shadows, targets));
        project.compile(ShopModels.replaceColumn(shop(), "customer", "email", c -> c.withName("contact_email")));
        project.run(new GenerateRequest(project.layout, ProjectFixture.options(List.of("customer.email:contact_email"),
                List.of(), List.of()), null, false, VersionScheme.SEQUENTIAL, shadows, targets)
                .withStep(GenerateRequest.Step.EXPAND));
        project.run(new GenerateRequest(project.layout, online, null, false, VersionScheme.SEQUENTIAL, shadows, targets)
                .withStep(GenerateRequest.Step.CONTRACT));

        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            ApplyWorkflow apply = new ApplyWorkflow(project.log);
            ApplyRequest request = new ApplyRequest(targets.resolve(project.layout,
                    MigrationTargets.defaultFlyway(project.layout, targets), ShadowServers.NONE), db.url(), db.user(),
                    db.password(), null);
            assertThat(apply.migrate(request)).isEqualTo(5);
            execute(db, "insert into customer (id, contact_email, name) values (1, 'a@example.com', 'new app')");

            // the contract step and its follow-up: the old column is back, filled, NOT NULL, and synced again
            assertThat(apply.undo(request)).isEqualTo("5");
            assertThat(apply.undo(request)).isEqualTo("4");
            assertThat(query(db, "select email from customer where id = 1")).isEqualTo("a@example.com");
            assertThat(query(db, "select is_nullable from information_schema.columns where table_name = 'customer'"
                    + " and column_name = 'email'")).isEqualTo("NO");
            execute(db, "insert into customer (id, email, name) values (2, 'b@example.com', 'old app')");
            assertThat(query(db, "select contact_email from customer where id = 2")).isEqualTo("b@example.com");

            // the expand step and its backfill: the new column and the trigger go, the old values stay
            assertThat(apply.undo(request)).isEqualTo("3");
            assertThat(apply.undo(request)).isEqualTo("2");
            assertThat(query(db, "select count(*) from information_schema.columns where table_name = 'customer'"
                    + " and column_name = 'contact_email'")).isEqualTo("0");
            assertThat(query(db, "select count(*) from pg_trigger where tgname = 'jm_sync_customer_contact_email'")).isEqualTo("0");
            assertThat(query(db, "select string_agg(email, ',' order by id) from customer")).isEqualTo("a@example.com,b@example.com");

            // and up again
            assertThat(apply.migrate(request)).isEqualTo(4);
            assertThat(query(db, "select string_agg(contact_email, ',' order by id) from customer"))
                    .isEqualTo("a@example.com,b@example.com");
        }
    }

    private static void execute(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute(sql);
        }
    }

    private static String query(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
