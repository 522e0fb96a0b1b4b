package io.github.jpamigrate.plugin.apply;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code migrate} and {@code undo} on real SQLite, PostgreSQL and MariaDB databases: the project's
 * migrations applied with its own settings; the newest one taken back with its undo script and its
 * history row, rows of the older tables kept; any other version, or no named database, refused.
 */
class ApplyWorkflowTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void migrateAppliesTheFolderAndUndoTakesTheNewestBackOneAtATime(Dialect dialect) throws Exception {
        MigrationTargets targets = MigrationTargets.parse(dialect.id(), null);
        ShadowServers shadows = dialect == Dialect.SQLITE ? ShadowServers.NONE : ShadowServers.of(TestServers.shadow(dialect));
        ProjectFixture project = new ProjectFixture(dir.resolve("project"));
        project.compile(shop());
        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "initial schema", false,
                VersionScheme.SEQUENTIAL, shadows, targets));
        project.compile(withPhone(shop()));
        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "add phone", false,
                VersionScheme.SEQUENTIAL, shadows, targets));
        int migrations;
        try (var files = Files.list(project.layout.migrationDirectory())) {
            migrations = (int) files.filter(p -> p.getFileName().toString().endsWith(".sql")).count();
        }

        try (ScratchDatabase db = dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir.resolve("db")) : TestServers.scratch(dialect)) {
            ApplyWorkflow apply = new ApplyWorkflow(project.log);
            ApplyRequest request = new ApplyRequest(targets.resolve(project.layout,
                    MigrationTargets.defaultFlyway(project.layout, targets), ShadowServers.NONE), db.url(), db.user(),
                    db.password(), null);

            assertThat(apply.migrate(request)).isEqualTo(migrations);
            assertThat(columns(db, "customer")).contains("phone");
            assertThat(apply.migrate(request)).isZero();
            assertThat(project.info).anyMatch(l -> l.contains("is up to date at version " + migrations));
            try (Connection c = db.connect()) {
                c.createStatement().execute("insert into customer (id, email, name) values (1, 'a@example.com', 'r1')");
            }

            // a guard that names another version changes nothing
            assertThatThrownBy(() -> apply.undo(new ApplyRequest(request.targets(), db.url(), db.user(), db.password(), "1")))
                    .isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("V1 is not the newest migration applied")
                    .hasMessageContaining("Nothing was changed");
            assertThat(history(db)).hasSize(migrations);

            // newest first, down to the first migration; the customer row stays
            for (int version = migrations; version >= 2; version--) {
                assertThat(apply.undo(request)).isEqualTo(String.valueOf(version));
            }
            assertThat(history(db)).containsExactly("1");
            assertThat(columns(db, "customer")).doesNotContain("phone");
            try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery("select count(*) from customer")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }

            // and up again
            assertThat(apply.migrate(request)).isEqualTo(migrations - 1);
            assertThat(columns(db, "customer")).contains("phone");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE"})
    void withoutANamedDatabaseNothingHappens(Dialect dialect) {
        MigrationTargets targets = MigrationTargets.parse(dialect.id(), null);
        ProjectFixture project = new ProjectFixture(dir.resolve("project"));
        ApplyRequest request = new ApplyRequest(targets.resolve(project.layout,
                MigrationTargets.defaultFlyway(project.layout, targets), ShadowServers.NONE), null, null, null, null);
        assertThatThrownBy(() -> new ApplyWorkflow(project.log).migrate(request)).isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("set -Djpamigrate.url=jdbc:");
        ApplyRequest postgres = new ApplyRequest(request.targets(), "jdbc:postgresql://127.0.0.1:5432/test", null, null, null);
        assertThatThrownBy(() -> new ApplyWorkflow(project.log).migrate(postgres)).isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("is a postgresql database, and this project's migrations are written for [sqlite]");
    }

    private static List<String> history(ScratchDatabase db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
                "select version from " + (db.dialect() == Dialect.MARIADB ? "flyway_schema_history" : "\"flyway_schema_history\"")
                        + " where version is not null order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static List<String> columns(ScratchDatabase db, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery("select * from " + table + " where 1 = 0")) {
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                names.add(rows.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }
}
