package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.lint.LintFinding;
import io.github.jpamigrate.plugin.lint.MigrationLint;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code -Djpamigrate.expand} and {@code -Djpamigrate.contract} on PostgreSQL: a declared rename of
 * {@code customer.email} (NOT NULL, unique) to {@code contact_email} written as an expand step (the
 * new column added nullable, the old one kept, a sync trigger, the backfill in committed batches in
 * the follow-up) and later the contract step; both proven by the self-check, and run on rows that the
 * old and the new application version write. Against the real server (skipped without it).
 */
class GenerateExpandContractTest {

    private static final String RENAME = "customer.email:contact_email";

    @TempDir
    Path dir;

    static SchemaModel renamed() {
        return ShopModels.replaceColumn(shop(), "customer", "email", c -> c.withName("contact_email"));
    }

    private static GenerateRequest request(ProjectFixture project, ChangeOptions options, GenerateRequest.Step step) {
        return new GenerateRequest(project.layout, options, null, false, VersionScheme.SEQUENTIAL,
                TestServers.shadow(Dialect.POSTGRESQL), MigrationTargets.single(Dialect.POSTGRESQL)).withStep(step);
    }

    private static ChangeOptions renaming() {
        return ProjectFixture.options(List.of(RENAME), List.of(), List.of());
    }

    /** No rename, the online forms (the default of the goals). */
    private static ChangeOptions online() {
        return ProjectFixture.options(List.of(), List.of(), List.of());
    }

    private static ProjectFixture expanded(Path dir) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, online(), GenerateRequest.Step.NONE));
        project.compile(renamed());
        project.run(request(project, renaming(), GenerateRequest.Step.EXPAND));
        return project;
    }

    @Test
    void theExpandStepAddsTheNewColumnKeepsTheOldOneAndSyncsBothWays() throws Exception {
        ProjectFixture project = expanded(dir);

        String main = project.read(project.migration("V2__expand_customer_email_to_contact_email.sql"));
        assertThat(main).doesNotContain("rename column")
                .contains("alter table customer add column contact_email varchar(255);")
                .contains("create function jm_sync_customer_contact_email() returns trigger language plpgsql")
                .contains("create trigger jm_sync_customer_contact_email before insert or update on customer for each row"
                        + " execute function jm_sync_customer_contact_email();")
                .doesNotContain("drop column");
        String followUp = project.read(project.migration("V3__complete_v2_online.sql"));
        assertThat(followUp).contains("--   add column customer.contact_email varchar(255)").contains("do $$").contains("limit 1000").contains("commit;")
                .contains("update customer set contact_email = email where id in (select id from customer where"
                        + " contact_email is null and email is not null limit 1000);");
        assertThat(project.read(project.migration("V3__complete_v2_online.sql.conf"))).isEqualTo("executeInTransaction=false\n");
        assertThat(project.read(project.undo("U2__expand_customer_email_to_contact_email.sql")))
                .containsSubsequence("drop trigger if exists jm_sync_customer_contact_email on customer;",
                        "drop function if exists jm_sync_customer_contact_email();",
                        "alter table customer drop column contact_email;");
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch PostgreSQL database")
                && line.contains("the undo script restores the snapshot"));

        // the snapshot is the database as it is between the steps, and records the pending contract step
        Snapshot snapshot = new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow();
        assertThat(snapshot.expanded()).containsExactly(
                new Expansion("customer", "contact_email", "email", "jm_sync_customer_contact_email"));
        assertThat(snapshot.model().table("customer").orElseThrow().columns()).extracting(Column::name)
                .contains("email", "contact_email");
        assertThat(snapshot.model().table("customer").orElseThrow().column("contact_email").orElseThrow().nullable()).isTrue();
        assertThat(project.read(project.layout.snapshot())).contains("\"format\": \"2.4\"");

        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            flyway(db, project).target("1").load().migrate();
            // rows written before the expand step: the backfill fills them
            execute(db, "insert into customer (id, email, name) select g, 'c' || g || '@example.com', 'n' from"
                    + " generate_series(1, 2500) g");
            flyway(db, project).load().migrate();
            assertThat(query(db, "select count(*) from customer where contact_email is distinct from email")).isEqualTo("0");

            // the old application version writes email only, the new one contact_email only
            execute(db, "insert into customer (id, email, name) values (3001, 'old@example.com', 'old app')");
            execute(db, "insert into customer (id, contact_email, name) values (3002, 'new@example.com', 'new app')");
            assertThat(query(db, "select contact_email from customer where id = 3001")).isEqualTo("old@example.com");
            assertThat(query(db, "select email from customer where id = 3002")).isEqualTo("new@example.com");
            execute(db, "update customer set email = 'old2@example.com' where id = 3002");
            assertThat(query(db, "select contact_email from customer where id = 3002")).isEqualTo("old2@example.com");
            execute(db, "update customer set contact_email = 'new2@example.com' where id = 3001");
            assertThat(query(db, "select email from customer where id = 3001")).isEqualTo("new2@example.com");
            // an update that touches neither column leaves both as they are
            execute(db, "update customer set name = 'renamed' where id = 3001");
            assertThat(query(db, "select email || ' ' || contact_email from customer where id = 3001"))
                    .isEqualTo("new2@example.com new2@example.com");
        }
    }

    @Test
    void checkAndALaterGenerateKeepTheOldColumnAndSayTheContractStepIsPending() throws Exception {
        ProjectFixture project = expanded(dir);
        project.info.clear();

        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
        assertThat(project.info).anyMatch(line -> line.startsWith("Contract step pending")
                && line.contains("-Djpamigrate.contract=true"));

        project.info.clear();
        GenerateResult nothing = project.run(request(project, online(), GenerateRequest.Step.NONE));
        assertThat(nothing.migration()).isNull();
        assertThat(project.info).anyMatch(line -> line.startsWith("No model change"))
                .anyMatch(line -> line.startsWith("Contract step pending"));

        // another change meanwhile: the old column stays, the snapshot still records the pending step
        project.compile(ShopModels.withPhone(renamed()));
        GenerateResult phone = project.run(request(project, online(), GenerateRequest.Step.NONE));
        assertThat(project.read(project.migration(phone.migration().fileName()))).contains("add column phone")
                .doesNotContain("drop column").doesNotContain("email");
        assertThat(new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow().expanded()).hasSize(1);
    }

    @Test
    void theContractStepDropsTheSyncAndTheOldColumnAndConstrainsTheNewOne() throws Exception {
        ProjectFixture project = expanded(dir);
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            flyway(db, project).load().migrate();
            execute(db, "insert into customer (id, email, name) values (1, 'a@example.com', 'old app')");

            GenerateResult result = project.run(request(project, online(), GenerateRequest.Step.CONTRACT));
            assertThat(result.migration().fileName()).isEqualTo("V4__contract_customer_email_to_contact_email.sql");
            String contract = project.read(project.migration(result.migration().fileName()));
            assertThat(project.read(project.migration("V5__complete_v4_online.sql")))
                    .containsSubsequence("create unique index concurrently uk_customer_contact_email on customer (contact_email);",
                            "alter table customer validate constraint nn_customer_contact_email;",
                            "alter table customer alter column contact_email set not null;");
            assertThat(contract).containsSubsequence("drop trigger if exists jm_sync_customer_contact_email on customer;",
                    "drop function if exists jm_sync_customer_contact_email();",
                    "-- jpa-migrate:accept JML121 fills only the rows of customer the expand step's backfill has not reached",
                    "update customer set contact_email = email where contact_email is null and email is not null;",
                    "alter table customer drop column email;");
            assertThat(project.read(project.undo(result.migration().undo().fileName())))
                    .containsSubsequence("alter table customer add column email varchar(255);",
                            "update customer set email = contact_email where email is null;",
                            "alter table customer alter column email set not null;",
                            "create function jm_sync_customer_contact_email()", "create trigger jm_sync_customer_contact_email");
            Snapshot snapshot = new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow();
            assertThat(snapshot.expanded()).isEmpty();
            assertThat(snapshot.model()).isEqualTo(renamed());
            assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch PostgreSQL database")
                    && line.contains("the undo script restores the snapshot"));

            flyway(db, project).load().migrate();
            assertThat(query(db, "select contact_email from customer where id = 1")).isEqualTo("a@example.com");
            assertThat(query(db, "select count(*) from information_schema.columns where table_name = 'customer'"
                    + " and column_name = 'email'")).isEqualTo("0");
            assertThat(query(db, "select is_nullable from information_schema.columns where table_name = 'customer'"
                    + " and column_name = 'contact_email'")).isEqualTo("NO");
            assertThat(query(db, "select count(*) from pg_proc where proname = 'jm_sync_customer_contact_email'")).isEqualTo("0");
            assertThatThrownBy(() -> execute(db, "insert into customer (id, contact_email) values (2, 'a@example.com')"))
                    .hasMessageContaining("duplicate key");
        }
        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
    }

    /**
     * A type change goes through a new column name: {@code order.total numeric(38,2)} mapped as
     * {@code amount double precision}; the trigger converts each write with PostgreSQL's assignment cast.
     */
    @Test
    void aRenameThatAlsoChangesTheTypeIsSyncedWithACast() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, online(), GenerateRequest.Step.NONE));
        project.compile(ShopModels.replaceColumn(shop(), "order", "total",
                c -> c.withName("amount").withType(ColumnType.withPrecision(TypeKind.DOUBLE, 53))));
        GenerateResult expand = project.run(request(project, ProjectFixture.options(List.of("order.total:amount"), List.of(),
                List.of()), GenerateRequest.Step.EXPAND));
        assertThat(project.read(project.migration(expand.migration().fileName())))
                .contains("alter table \"order\" add column amount float(53);")
                .contains("create trigger jm_sync_order_amount before insert or update on \"order\"");
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            flyway(db, project).load().migrate();
            execute(db, "insert into customer (id, email) values (1, 'a@example.com')");
            execute(db, "insert into \"order\" (customer_id, total) values (1, 12.34)");
            assertThat(query(db, "select amount from \"order\" where total = 12.34")).isEqualTo("12.34");
            execute(db, "insert into \"order\" (customer_id, amount) values (1, 5.5)");
            assertThat(query(db, "select total from \"order\" where amount = 5.5")).isEqualTo("5.50");
        }
        project.run(request(project, online(), GenerateRequest.Step.CONTRACT));
        assertThat(project.snapshot()).isEqualTo(ShopModels.replaceColumn(shop(), "order", "total",
                c -> c.withName("amount").withType(ColumnType.withPrecision(TypeKind.DOUBLE, 53))));
    }

    /** Both steps pass the tool's own lint as new migrations (newer than the release before each), as generated. */
    @Test
    void bothStepsPassTheLintAsGenerated() throws Exception {
        ProjectFixture project = expanded(dir);
        SchemaModel between = project.snapshot();
        assertThat(failing(project, between, shop(), 1)).isEmpty();

        project.run(request(project, online(), GenerateRequest.Step.CONTRACT));
        assertThat(failing(project, renamed(), between, 3)).isEmpty();
    }

    private static List<String> failing(ProjectFixture project, SchemaModel current, SchemaModel previous, long released)
            throws Exception {
        MigrationLint lint = new MigrationLint(new MigrationLint.Context(Dialect.POSTGRESQL, current, previous,
                MigrationVersion.of(released)));
        MigrationLint.Result result = lint.run(new MigrationDirectory(project.layout.migrationDirectory()), "");
        assertThat(result.problems()).isEmpty();
        // the backfill's do block is not read (its body is PL/pgSQL); the rest is, but for the online forms'
        // "unique using index", which JSqlParser has no grammar for
        assertThat(result.unread()).isNotEmpty().allMatch(line -> line.contains("DO (a procedural block")
                || line.contains("\"using\""));
        return result.findings().stream().filter(LintFinding::failing).map(LintFinding::describe).toList();
    }

    @Test
    void aPlainRenameOnPostgresqlNamesTheExpandOption() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, online(), GenerateRequest.Step.NONE));
        project.compile(renamed());
        GenerateResult result = project.run(request(project, renaming(), GenerateRequest.Step.NONE));
        assertThat(project.read(project.migration(result.migration().fileName())))
                .contains("alter table customer rename column email to contact_email;");
        assertThat(project.info).anyMatch(line -> line.contains("-Djpamigrate.expand=true"));
        assertThat(new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow().expanded()).isEmpty();
    }

    @Test
    void expandWithoutADeclaredRenameAndContractWithoutAPendingStepAreRefused() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, online(), GenerateRequest.Step.NONE));
        project.compile(ShopModels.withPhone(shop()));
        assertThatThrownBy(() -> project.run(request(project, online(), GenerateRequest.Step.EXPAND)))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("rename no column")
                .hasMessageContaining("-Djpamigrate.rename=table.old:new");
        assertThatThrownBy(() -> project.run(request(project, online(), GenerateRequest.Step.CONTRACT)))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("records no pending one");
        assertThat(Files.exists(project.migration("V2__add_customer_phone.sql"))).isFalse();
    }

    private static FluentConfiguration flyway(ScratchDatabase db, ProjectFixture project) {
        FluentConfiguration config = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + project.layout.migrationDirectory());
        config.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return config;
    }

    private static void execute(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
