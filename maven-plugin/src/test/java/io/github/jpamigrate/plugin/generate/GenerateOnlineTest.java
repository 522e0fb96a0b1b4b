package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
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
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The online forms ({@code <online>}, default on) as {@code generate} writes them for the server
 * dialects: on PostgreSQL a change set with an index on an existing table becomes two migrations,
 * the second run outside a transaction, both proven by the self-check; on MariaDB one migration
 * with in-place/instant DDL. Against the real servers (skipped with a message without them).
 */
class GenerateOnlineTest {

    @TempDir
    Path dir;

    /** The phone column, an index on it (unique when asked), and customer.status becoming NOT NULL. */
    private static SchemaModel phoneIndexed(boolean unique) {
        SchemaModel model = ShopModels.replaceColumn(withPhone(shop()), "customer", "status", c -> c.withNullable(false));
        return ModelBuilder.from(model).editTable("customer", t -> t.index(new Index("ix_customer_phone", List.of("phone"), unique)))
                .build();
    }

    private static GenerateRequest request(ProjectFixture project, Dialect dialect, ChangeOptions options, String message) {
        ShadowDatabase shadow = TestServers.shadow(dialect);
        return new GenerateRequest(project.layout, options, message, false, VersionScheme.SEQUENTIAL, shadow,
                MigrationTargets.single(dialect));
    }

    private static ChangeOptions online() {
        return ProjectFixture.options(List.of(), List.of("customer.status='NEW'"), List.of());
    }

    @Test
    void postgresqlBuildsTheIndexConcurrentlyInAFollowUpMigrationRunOutsideATransaction() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, online(), "initial"));
        project.compile(phoneIndexed(false));
        GenerateResult result = project.run(request(project, Dialect.POSTGRESQL, online(), "phone"));

        String main = project.read(project.migration(result.migration().fileName()));
        // the backfill and the check are the follow-up's: in the migration's transaction the backfill's
        // row locks would last until the check's lock and deadlock with a writer (OnlineLockBenchmark)
        assertThat(main).contains("set local lock_timeout = '5s';").contains("set local statement_timeout = '1min';")
                .doesNotContain("create index").doesNotContain("update customer").doesNotContain("nn_customer_status");
        Path followUp = project.migration("V3__complete_v2_online.sql");
        assertThat(project.read(followUp)).contains("set lock_timeout = '5s';").contains("set statement_timeout = 0;")
                .contains("drop index concurrently if exists ix_customer_phone;")
                .contains("create index concurrently ix_customer_phone on customer (phone);")
                .containsSubsequence("update customer set status = 'NEW' where status is null;",
                        "alter table customer drop constraint if exists nn_customer_status;",
                        "alter table customer add constraint nn_customer_status check (status is not null) not valid;",
                        "alter table customer validate constraint nn_customer_status;")
                .contains("alter table customer alter column status set not null;")
                .contains("alter table customer drop constraint if exists nn_customer_status;");
        assertThat(project.read(project.migration("V3__complete_v2_online.sql.conf"))).isEqualTo("executeInTransaction=false\n");
        assertThat(project.read(project.undo("U3__complete_v2_online.sql"))).contains("U2__phone.sql undoes V2");
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch PostgreSQL database") && line.contains("Flyway replayed 3 migration(s)"));
        // the snapshot belongs to the follow-up and records the migration it completes, with both checksums
        assertThat(new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow().migrations()).singleElement()
                .satisfies(stamp -> {
                    assertThat(stamp.file().fileName()).isEqualTo("V3__complete_v2_online.sql");
                    assertThat(stamp.checksum()).isEqualTo(FlywayChecksum.of(project.read(followUp)));
                    assertThat(stamp.after()).hasToString("1");
                    assertThat(stamp.completes().file().fileName()).isEqualTo("V2__phone.sql");
                    assertThat(stamp.completes().checksum()).isEqualTo(FlywayChecksum.of(main));
                });

        // on rows: the NULL status is backfilled, the index is built and valid
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            flyway(db, project).target("1").load().migrate();
            execute(db, "insert into customer (id, email, name) values (1, 'a@example.com', 'r1')");
            flyway(db, project).load().migrate();
            assertThat(query(db, "select status from customer")).isEqualTo("NEW");
            assertThat(query(db, "select indisvalid::text from pg_index where indexrelid = 'ix_customer_phone'::regclass")).isEqualTo("true");
        }
    }

    /**
     * A unique index that fails half-way (duplicates) leaves an INVALID index; once the data is
     * fixed and the failed run repaired, the follow-up runs again and its drop removes the leftover.
     */
    @Test
    void aHalfBuiltIndexIsDroppedAndRebuiltWhenTheFollowUpRunsAgain() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, online(), "initial"));
        project.compile(phoneIndexed(true));
        project.run(request(project, Dialect.POSTGRESQL, online(), "phone"));
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            flyway(db, project).target("2").load().migrate();
            execute(db, "insert into customer (id, email, name, status, phone) values (1, 'a@example.com', 'r1', 'NEW', '1'),"
                    + " (2, 'b@example.com', 'r2', 'NEW', '1')");
            assertThatThrownBy(() -> flyway(db, project).load().migrate()).hasStackTraceContaining("could not create unique index");
            assertThat(query(db, "select indisvalid::text from pg_index where indexrelid = 'ix_customer_phone'::regclass")).isEqualTo("false");

            execute(db, "update customer set phone = '2' where id = 2");
            flyway(db, project).load().repair();
            flyway(db, project).load().migrate();
            assertThat(query(db, "select indisvalid::text from pg_index where indexrelid = 'ix_customer_phone'::regclass")).isEqualTo("true");
        }
    }

    /**
     * A column dropped with an index and a unique constraint on it: PostgreSQL drops both with the
     * column, so they are dropped before it (MariaDB would shrink them), in the plain and the online
     * forms; the self-check applies the migration on the real server.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"POSTGRESQL,false", "POSTGRESQL,true", "MARIADB,false", "MARIADB,true"})
    void aColumnDroppedWithItsIndexAndUniqueConstraintApplies(Dialect dialect, boolean online) throws Exception {
        SchemaModel phone = ModelBuilder.from(withPhone(shop())).editTable("customer", t -> t
                .index(new Index("ix_customer_phone", List.of("phone"), false))
                .unique("uk_customer_phone_email", "phone", "email")).build();
        ChangeOptions options = ChangeOptions.parse(List.of(), List.of(), List.of("customer.phone"), online, null, null);
        ProjectFixture project = new ProjectFixture(dir).compile(phone);
        project.run(request(project, dialect, options, "initial"));
        project.compile(shop());

        GenerateResult result = project.run(request(project, dialect, options, "no phone"));

        List<String> statements = project.read(project.migration(result.migration().fileName())).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("--") && !l.startsWith("set ")).toList();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(2)).contains("drop column phone");
        assertThat(statements.subList(0, 2)).anyMatch(l -> l.contains("ix_customer_phone"))
                .anyMatch(l -> l.contains("uk_customer_phone_email"));
        assertThat(Files.exists(project.migration("V3__complete_v2_online.sql"))).isFalse();
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch"));
    }

    /** A unique constraint on an existing table: its index built concurrently, then attached as the constraint. */
    @Test
    void postgresqlBuildsANewUniqueConstraintsIndexConcurrentlyAndAttachesIt() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, online(), "initial"));
        project.compile(ShopModels.replaceColumn(shop(), "customer", "name", c -> c.withUnique(true)));
        project.run(request(project, Dialect.POSTGRESQL, online(), "unique name"));

        assertThat(project.read(project.migration("V3__complete_v2_online.sql")))
                .contains("create unique index concurrently uk_customer_name on customer (name);")
                .contains("alter table customer add constraint uk_customer_name unique using index uk_customer_name;");
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch PostgreSQL database") && line.contains("Flyway replayed 3 migration(s)"));
    }

    @Test
    void mariadbKeepsOneMigrationWithInPlaceAndInstantDdl() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.MARIADB, online(), "initial"));
        project.compile(phoneIndexed(false));
        GenerateResult result = project.run(request(project, Dialect.MARIADB, online(), "phone"));

        assertThat(project.read(project.migration(result.migration().fileName())))
                .contains("set session lock_wait_timeout = 5;")
                .contains("alter table customer add column phone varchar(32), algorithm=instant;")
                .contains("create index ix_customer_phone on customer (phone) algorithm=inplace lock=none;");
        assertThat(Files.exists(project.migration("V3__complete_v2_online.sql"))).isFalse();
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch MariaDB database"));
    }

    @Test
    void offlineWritesThePlainFormsInOneMigration() throws Exception {
        ChangeOptions offline = ChangeOptions.parse(List.of(), List.of("customer.status='NEW'"), List.of(), false, null, null);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, offline, "initial"));
        project.compile(phoneIndexed(false));
        GenerateResult result = project.run(request(project, Dialect.POSTGRESQL, offline, "phone"));

        assertThat(project.read(project.migration(result.migration().fileName())))
                .contains("create index ix_customer_phone on customer (phone);")
                .doesNotContain("lock_timeout").doesNotContain("not valid");
        assertThat(Files.exists(project.migration("V3__complete_v2_online.sql"))).isFalse();
    }

    @Test
    void aLockTimeoutThatIsNoDurationIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ChangeOptions.parse(List.of(), List.of(), List.of(), true, "5 seconds", null))
                .hasMessageContaining("lockTimeout '5 seconds' is not a duration");
    }

    /** Flyway as a project would configure it for the online forms: its session-level lock on PostgreSQL. */
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
