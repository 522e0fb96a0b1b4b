package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code status}: the migration table, the current version and the snapshot's state. */
class StatusWorkflowTest {

    @TempDir
    Path dir;

    @Test
    void withoutADatabaseItListsTheFilesAndTheSnapshotState() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("db"))) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema").generate(withPhone(shop()), "add phone");

            List<String> lines = new StatusWorkflow(live.project.log).run(live.requestWithoutDatabase());
            assertThat(lines).containsExactly(
                    "Migrations of src/main/resources/db/migration (no database given: -Djpamigrate.url=jdbc:... adds what"
                            + " is applied):",
                    "  version  description     file",
                    "  1        initial schema  V1__initial_schema.sql",
                    "  2        add phone       V2__add_phone.sql",
                    "Snapshot src/main/jpa-migrate/model.json: matches the entity model");
            assertThat(live.project.info).containsAll(lines);
        }
    }

    @Test
    void withADatabaseEachMigrationHasItsStateAndTheCurrentVersionIsShown() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("db"))) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema");
            live.writeMigration("V2__audit.sql", "create table audit (id integer primary key);\n");
            live.migrate(null);
            Files.delete(live.project.migration("V2__audit.sql"));
            live.writeMigration("V3__notes.sql", "create table notes (id integer primary key);\n");
            live.project.compile(withPhone(shop()));
            String before = live.state();

            List<String> lines = new StatusWorkflow(live.project.log).run(live.request());
            assertThat(lines.get(0)).startsWith("Migrations of src/main/resources/db/migration in jdbc:sqlite:")
                    .endsWith(" (Flyway history table flyway_schema_history):");
            assertThat(lines.subList(1, 5)).satisfiesExactly(
                    header -> assertThat(header).isEqualTo(
                            "  version  description     file                    state                           applied (UTC)"),
                    v1 -> assertThat(v1).matches(
                            "  1        initial schema  V1__initial_schema\\.sql  applied                         \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"),
                    v2 -> assertThat(v2).matches(
                            "  2        audit           -                       applied, missing from the code  \\d{4}-.*"),
                    v3 -> assertThat(v3).isEqualTo("  3        notes           V3__notes.sql           pending"));
            assertThat(lines.subList(5, lines.size())).containsExactly("Current version: 2",
                    "Snapshot src/main/jpa-migrate/model.json: differs from the entity model in 1 change(s) without a"
                            + " migration; mvn jpa-migrate:diff shows them, mvn jpa-migrate:generate -Dmessage=\"...\" writes it");
            assertThat(live.state()).isEqualTo(before);
        }
    }
}
