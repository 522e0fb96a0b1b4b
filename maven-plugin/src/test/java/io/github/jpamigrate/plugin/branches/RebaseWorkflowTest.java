package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import io.github.jpamigrate.plugin.verify.VerifyWorkflow;
import org.eclipse.jgit.api.CheckoutCommand;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static io.github.jpamigrate.plugin.project.GitFixture.commit;
import static io.github.jpamigrate.plugin.project.ShopModels.dropColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rebase} in a real git repository: two branches that each generated a migration, merged. */
class RebaseWorkflowTest {

    private static final String SNAPSHOT = "src/main/jpa-migrate/model.json";
    private static final MigrationTargets SQLITE = MigrationTargets.single(Dialect.SQLITE);
    private static final MigrationTargets POSTGRESQL = MigrationTargets.single(Dialect.POSTGRESQL);

    @TempDir
    Path dir;

    private static RebaseRequest request(ProjectFixture project, VersionScheme scheme, String base, List<String> keep) {
        return new RebaseRequest(project.layout, ChangeOptions.defaults(), scheme, ShadowServers.NONE, SQLITE, null, base,
                keep);
    }

    private static List<Path> rebase(ProjectFixture project) throws Exception {
        return new RebaseWorkflow(project.log, ProjectFixture.CLOCK)
                .run(request(project, VersionScheme.SEQUENTIAL, null, List.of()));
    }

    private List<String> sources(ProjectFixture project) throws Exception {
        return project.sourceFiles().stream().filter(f -> !f.endsWith("model.json")).toList();
    }

    @Test
    void theBranchsMigrationIsRenumberedAfterTheMergedOneAndRegeneratedSoVerifyPasses() throws Exception {
        TwoBranches branches = TwoBranches.make(dir);
        ProjectFixture project = branches.project;
        branches.mergeMain();
        project.compile(TwoBranches.merged());

        rebase(project);

        assertThat(sources(project)).containsExactly("src/main/jpa-migrate/undo/U1__initial.sql",
                "src/main/jpa-migrate/undo/U1__initial.sql.conf",
                "src/main/jpa-migrate/undo/U2__add_nickname.sql", "src/main/jpa-migrate/undo/U3__add_phone.sql",
                "src/main/resources/db/migration/V1__initial.sql", "src/main/resources/db/migration/V2__add_nickname.sql",
                "src/main/resources/db/migration/V3__add_phone.sql");
        assertThat(project.read(project.migration("V3__add_phone.sql"))).startsWith("-- V3: add phone\n")
                .contains("add column customer.phone");
        assertThat(project.info).anySatisfy(line -> assertThat(line).startsWith("Self-check passed: the folder with"
                + " V3__add_phone.sql instead of V2__add_phone.sql replays to the model"));
        Snapshot snapshot = new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow();
        assertThat(snapshot.model()).isEqualTo(TwoBranches.merged());
        assertThat(snapshot.dialects()).as("what the migrations are written for, kept through a rebase").containsExactly("sqlite");
        assertThat(snapshot.migrations()).singleElement().satisfies(stamp -> {
            assertThat(stamp.file().fileName()).isEqualTo("V3__add_phone.sql");
            assertThat(stamp.after()).hasToString("2");
        });
        assertThat(new BranchCheck(project.log).run(project.layout, SQLITE)).isEmpty();
        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
        new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, ChangeOptions.defaults(),
                MigrationTargets.defaultFlyway(project.layout), null, false));
    }

    @Test
    void aSqliteRebuildOnTheBranchKeepsTheOtherBranchsColumnAndItsRows() throws Exception {
        Instant now = ProjectFixture.CLOCK.instant();
        TwoBranches branches = TwoBranches.make(dir, VersionScheme.SEQUENTIAL, now, now,
                m -> widerName(m), "wider name");
        ProjectFixture project = branches.project;
        assertThat(project.read(project.migration("V2__wider_name.sql"))).contains("create table");
        branches.mergeMain();
        branches.git.checkout().setStage(CheckoutCommand.Stage.OURS).addPath(SNAPSHOT).call();
        project.compile(TwoBranches.withNickname(widerName(io.github.jpamigrate.plugin.project.ShopModels.shop())));

        rebase(project);

        String rebuilt = project.read(project.migration("V3__wider_name.sql"));
        assertThat(rebuilt).contains("nickname");
        // rows as the main line's database has them (V2 applied), then the branch's rebuilt migration
        Path mainDb = dir.resolve("main.db");
        String url = "jdbc:sqlite:" + mainDb.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null)
                .locations("filesystem:" + project.layout.migrationDirectory().toAbsolutePath()).target("2").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("insert into customer (id, email, name, status, nickname) values (1, 'a@example.com', 'Ann', 'NEW', 'annie')");
        }
        Flyway.configure().dataSource(url, null, null)
                .locations("filesystem:" + project.layout.migrationDirectory().toAbsolutePath()).load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select name, nickname from customer")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("name")).isEqualTo("Ann");
            assertThat(rows.getString("nickname")).isEqualTo("annie");
        }
    }

    @Test
    void aMigrationEditedByHandIsRefusedAndWithKeepOnlyRenumbered() throws Exception {
        TwoBranches branches = TwoBranches.make(dir);
        ProjectFixture project = branches.project;
        Path mine = project.migration("V2__add_phone.sql");
        Files.writeString(mine, project.read(mine) + "\nupdate customer set phone = '0';\n");
        commit(branches.git, "backfill by hand");
        branches.mergeMain();
        project.compile(TwoBranches.merged());
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> rebase(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("src/main/resources/db/migration/V2__add_phone.sql: edited by hand after generate")
                .hasMessageContaining("mvn jpa-migrate:rebase -Djpamigrate.keep=2");
        assertThat(project.sourceFiles()).isEqualTo(before);

        new RebaseWorkflow(project.log, ProjectFixture.CLOCK)
                .run(request(project, VersionScheme.SEQUENTIAL, null, List.of("2")));

        assertThat(project.read(project.migration("V3__add_phone.sql"))).startsWith("-- V2: add phone")
                .endsWith("\nupdate customer set phone = '0';\n");
        assertThat(project.migration("V2__add_phone.sql")).doesNotExist();
        assertThat(project.undo("U3__add_phone.sql")).exists();
        assertThat(project.undo("U2__add_phone.sql")).doesNotExist();
        assertThat(project.warnings).anySatisfy(w -> assertThat(w).contains("V2__add_phone.sql is kept as it was written"));
        assertThat(new BranchCheck(project.log).run(project.layout, SQLITE)).isEmpty();
    }

    @Test
    void withoutAMergeItSaysToMergeFirst() throws Exception {
        TwoBranches branches = TwoBranches.make(dir);

        assertThatThrownBy(() -> rebase(branches.project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("HEAD is not a merge and no merge is under way")
                .hasMessageContaining("-Djpamigrate.onto=main");
    }

    @Test
    void severalMigrationsOnTheBranchAreRegeneratedOnlyWhenKeptAndOtherwiseRefusedWithBothWays() throws Exception {
        TwoBranches branches = TwoBranches.make(dir);
        ProjectFixture project = branches.project;
        project.compile(widerName(io.github.jpamigrate.plugin.project.ShopModels.withPhone(
                io.github.jpamigrate.plugin.project.ShopModels.shop())));
        project.generate("wider name");
        commit(branches.git, "wider name");
        branches.mergeMain();
        project.compile(TwoBranches.withNickname(widerName(io.github.jpamigrate.plugin.project.ShopModels.withPhone(
                io.github.jpamigrate.plugin.project.ShopModels.shop()))));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> rebase(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("this branch added 2 migrations (V2__add_phone.sql, V3__wider_name.sql)")
                .hasMessageContaining("mvn jpa-migrate:rebase -Djpamigrate.keep=2,3")
                .hasMessageContaining("squash them into one first");
        assertThat(project.sourceFiles()).isEqualTo(before);

        new RebaseWorkflow(project.log, ProjectFixture.CLOCK)
                .run(request(project, VersionScheme.SEQUENTIAL, null, List.of("2", "V3__wider_name.sql")));
        try (Stream<Path> files = Files.list(project.layout.migrationDirectory())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("V1__initial.sql",
                    "V2__add_nickname.sql", "V3__add_phone.sql", "V4__wider_name.sql", "V4__wider_name.sql.conf");
        }
        assertThat(new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow().migrations())
                .singleElement().satisfies(stamp -> {
                    assertThat(stamp.file().fileName()).isEqualTo("V4__wider_name.sql");
                    assertThat(stamp.after()).hasToString("3");
                });
    }

    /** Issue 19 item 2b: the loss the branch acknowledged in its migration's header stays acknowledged when regenerated. */
    @Test
    void aLossAcknowledgedOnTheBranchStaysAcknowledgedInTheRegeneratedMigration() throws Exception {
        ChangeOptions allowStatus = ProjectFixture.options(List.of(), List.of(), List.of("customer.status"));
        Instant now = ProjectFixture.CLOCK.instant();
        TwoBranches branches = TwoBranches.make(dir, (project, message, at) -> new GenerateWorkflow(project.log,
                Prompter.BATCH, Clock.fixed(at, ZoneOffset.UTC)).run(new GenerateRequest(project.layout,
                message.equals("drop status") ? allowStatus : ChangeOptions.defaults(), message, false,
                VersionScheme.SEQUENTIAL)), now, now, m -> dropColumn(m, "customer", "status"), "drop status");
        ProjectFixture project = branches.project;
        branches.mergeMain();
        project.compile(dropColumn(TwoBranches.withNickname(shop()), "customer", "status"));

        rebase(project);

        assertThat(project.read(project.migration("V3__drop_status.sql")))
                .contains("\n-- jpa-migrate:allow-destructive customer.status\n");
        assertThat(project.migration("V2__drop_status.sql")).doesNotExist();
    }

    @Test
    void aReleasedMigrationIsNeverTouched() throws Exception {
        TwoBranches branches = TwoBranches.make(dir);
        branches.git.tag().setName("v1").setObjectId(branches.git.getRepository().parseCommit(branches.feature)).call();
        branches.mergeMain();
        branches.project.compile(TwoBranches.merged());
        List<String> before = branches.project.sourceFiles();

        assertThatThrownBy(() -> new RebaseWorkflow(branches.project.log, ProjectFixture.CLOCK)
                .run(request(branches.project, VersionScheme.SEQUENTIAL, "v1", List.of())))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("src/main/resources/db/migration/V2__add_phone.sql is released (it is at"
                        + " jpamigrate.base=v1)");
        assertThat(branches.project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void withTimestampsTheBranchsOlderVersionMovesAfterTheMergedOne() throws Exception {
        Instant now = ProjectFixture.CLOCK.instant();
        TwoBranches branches = TwoBranches.make(dir, VersionScheme.TIMESTAMP, now.plusSeconds(7200), now);
        branches.mergeMain();
        branches.project.compile(TwoBranches.merged());

        new RebaseWorkflow(branches.project.log, java.time.Clock.fixed(now.plusSeconds(9000), java.time.ZoneOffset.UTC))
                .run(request(branches.project, VersionScheme.TIMESTAMP, null, List.of()));

        try (Stream<Path> files = Files.list(branches.project.layout.migrationDirectory())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "V20261120113000__initial.sql", "V20261121113000__add_nickname.sql", "V20261121120000__add_phone.sql");
        }
        assertThat(new BranchCheck(branches.project.log).run(branches.project.layout, SQLITE)).isEmpty();
    }

    /** The goals' options as a pom without settings gives them: the online forms on. */
    private static final ChangeOptions GOAL_DEFAULTS = ChangeOptions.parse(List.of(), List.of(), List.of());

    /** The phone column with an index: on PostgreSQL with the online forms, a migration and its follow-up. */
    static SchemaModel phoneIndexed(SchemaModel model) {
        return ModelBuilder.from(withPhone(model))
                .editTable("customer", t -> t.index(new Index("ix_customer_phone", List.of("phone"), false))).build();
    }

    /** Both branches generate on PostgreSQL with the default settings (online forms on), proven on the test server. */
    private TwoBranches onPostgresql(ShadowDatabase shadow) throws Exception {
        Instant now = ProjectFixture.CLOCK.instant();
        return TwoBranches.make(dir, (project, message, at) -> new GenerateWorkflow(project.log, Prompter.BATCH,
                        Clock.fixed(at, ZoneOffset.UTC)).run(new GenerateRequest(project.layout, GOAL_DEFAULTS,
                        message, false, VersionScheme.SEQUENTIAL, shadow, POSTGRESQL)),
                now, now, RebaseWorkflowTest::phoneIndexed, "add phone");
    }

    private static RebaseRequest onPostgresql(ProjectFixture project, ShadowDatabase shadow, List<String> keep) {
        return new RebaseRequest(project.layout, GOAL_DEFAULTS, VersionScheme.SEQUENTIAL,
                ShadowServers.of(shadow), POSTGRESQL, null, null, keep);
    }

    @Test
    void aMigrationAndItsOnlineFollowUpAreRebasedTogetherOnPostgresql() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        TwoBranches branches = onPostgresql(shadow);
        ProjectFixture project = branches.project;
        assertThat(project.read(project.migration("V3__complete_v2_online.sql")))
                .contains("create index concurrently ix_customer_phone");
        branches.mergeMain();
        SchemaModel merged = TwoBranches.withNickname(phoneIndexed(shop()));
        project.compile(merged);

        new RebaseWorkflow(project.log, ProjectFixture.CLOCK).run(onPostgresql(project, shadow, List.of()));

        assertThat(sources(project)).containsExactly(
                "src/main/jpa-migrate/undo/U1__initial.sql", "src/main/jpa-migrate/undo/U2__add_nickname.sql",
                "src/main/jpa-migrate/undo/U3__add_phone.sql", "src/main/jpa-migrate/undo/U4__complete_v3_online.sql",
                "src/main/resources/db/migration/V1__initial.sql", "src/main/resources/db/migration/V2__add_nickname.sql",
                "src/main/resources/db/migration/V3__add_phone.sql",
                "src/main/resources/db/migration/V4__complete_v3_online.sql",
                "src/main/resources/db/migration/V4__complete_v3_online.sql.conf");
        assertThat(project.read(project.migration("V3__add_phone.sql"))).startsWith("-- V3: add phone\n")
                .contains("add column phone").doesNotContain("create index");
        assertThat(project.read(project.migration("V4__complete_v3_online.sql"))).startsWith("-- V4: complete V3 online")
                .contains("create index concurrently ix_customer_phone on customer (phone);");
        assertThat(project.read(project.migration("V4__complete_v3_online.sql.conf"))).isEqualTo("executeInTransaction=false\n");
        assertThat(project.read(project.undo("U4__complete_v3_online.sql"))).contains("U3__add_phone.sql undoes V3");
        assertThat(project.info).anySatisfy(line -> assertThat(line).startsWith("Self-check passed: the folder with"
                + " V3__add_phone.sql and V4__complete_v3_online.sql instead of V2__add_phone.sql and"
                + " V3__complete_v2_online.sql replays to the model"));
        Snapshot snapshot = new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow();
        assertThat(snapshot.model()).isEqualTo(merged);
        assertThat(snapshot.migrations()).singleElement().satisfies(stamp -> {
            assertThat(stamp.file().fileName()).isEqualTo("V4__complete_v3_online.sql");
            assertThat(stamp.after()).hasToString("2");
            assertThat(stamp.completes().file().fileName()).isEqualTo("V3__add_phone.sql");
            assertThat(stamp.completes().checksum()).isEqualTo(FlywayChecksum.of(
                    Files.readAllBytes(project.migration("V3__add_phone.sql"))));
        });
        assertThat(new BranchCheck(project.log).run(project.layout, POSTGRESQL)).isEmpty();
        new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, GOAL_DEFAULTS,
                MigrationTargets.defaultFlyway(project.layout), null, false, shadow, POSTGRESQL));
    }

    @Test
    void theMigrationBeforeAnOnlineFollowUpIsCheckedForHandEditsToo() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        TwoBranches branches = onPostgresql(shadow);
        ProjectFixture project = branches.project;
        Path mine = project.migration("V2__add_phone.sql");
        Files.writeString(mine, project.read(mine) + "\nupdate customer set phone = '0';\n");
        commit(branches.git, "backfill by hand");
        branches.mergeMain();
        project.compile(TwoBranches.withNickname(phoneIndexed(shop())));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> new RebaseWorkflow(project.log, ProjectFixture.CLOCK)
                .run(onPostgresql(project, shadow, List.of())))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("src/main/resources/db/migration/V2__add_phone.sql: edited by hand after generate")
                .hasMessageNotContaining("V3__complete_v2_online.sql: ")
                .hasMessageContaining("mvn jpa-migrate:rebase -Djpamigrate.keep=2");
        assertThat(project.sourceFiles()).isEqualTo(before);

        new RebaseWorkflow(project.log, ProjectFixture.CLOCK).run(onPostgresql(project, shadow, List.of("2")));

        assertThat(project.read(project.migration("V3__add_phone.sql"))).endsWith("\nupdate customer set phone = '0';\n");
        assertThat(project.migration("V4__complete_v2_online.sql")).exists();
        assertThat(project.migration("V4__complete_v2_online.sql.conf")).exists();
        assertThat(project.undo("U4__complete_v2_online.sql")).exists();
        assertThat(project.migration("V2__add_phone.sql")).doesNotExist();
        assertThat(new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow().migrations())
                .singleElement().satisfies(stamp -> {
                    assertThat(stamp.file().fileName()).isEqualTo("V4__complete_v2_online.sql");
                    assertThat(stamp.completes().file().fileName()).isEqualTo("V3__add_phone.sql");
                });
        assertThat(new BranchCheck(project.log).run(project.layout, POSTGRESQL)).isEmpty();
    }

    @Test
    void aPairAndASeparateGenerateAreTwoMigrationsAndTakeTheRefusal() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        TwoBranches branches = onPostgresql(shadow);
        ProjectFixture project = branches.project;
        project.compile(widerName(phoneIndexed(shop())));
        project.run(new GenerateRequest(project.layout, GOAL_DEFAULTS, "wider name", false, VersionScheme.SEQUENTIAL,
                shadow, POSTGRESQL));
        commit(branches.git, "wider name");
        branches.mergeMain();
        project.compile(TwoBranches.withNickname(widerName(phoneIndexed(shop()))));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> new RebaseWorkflow(project.log, ProjectFixture.CLOCK)
                .run(onPostgresql(project, shadow, List.of())))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("this branch added 2 migrations (V2__add_phone.sql with V3__complete_v2_online.sql,"
                        + " V4__wider_name.sql)")
                .hasMessageContaining("mvn jpa-migrate:rebase -Djpamigrate.keep=2,4");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }
}
