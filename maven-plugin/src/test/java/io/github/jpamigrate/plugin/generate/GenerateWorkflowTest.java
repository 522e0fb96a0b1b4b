package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.project.AcknowledgedLoss;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code generate} on real files and real SQLite: what it writes, what it refuses, what it proves first. */
class GenerateWorkflowTest {

    @TempDir
    Path dir;

    @Test
    void theFirstMigrationCreatesTheWholeSchemaAndWritesTheSnapshot() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());

        GenerateResult result = project.generate((String) null);

        assertThat(result.migration().fileName()).isEqualTo("V1__initial_schema.sql");
        assertThat(project.sourceFiles()).containsExactly(
                "src/main/jpa-migrate/model.json",
                "src/main/jpa-migrate/undo/U1__initial_schema.sql",
                "src/main/jpa-migrate/undo/U1__initial_schema.sql.conf",
                "src/main/resources/db/migration/V1__initial_schema.sql");
        assertThat(project.snapshot()).isEqualTo(shop());
        String script = project.read(project.migration("V1__initial_schema.sql"));
        assertThat(script).startsWith("-- V1: initial schema\n--\n-- Changes:\n--   add table customer\n--   add table order\n")
                .contains("create table customer (", "create table \"order\" (", "on delete cascade")
                .doesNotContain("\r");
        assertThat(project.read(project.undo("U1__initial_schema.sql"))).contains("drop table \"order\"", "drop table customer");
    }

    @Test
    void noModelChangeWritesNothingAndSaysSo() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        List<String> before = project.sourceFiles();

        GenerateResult again = project.generate("again");

        assertThat(again.wroteMigration()).isFalse();
        assertThat(project.sourceFiles()).isEqualTo(before);
        assertThat(project.info).anyMatch(line -> line.startsWith("No model change"));
    }

    @Test
    void aNewNullableColumnIsOneAlterTableStatement() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));

        GenerateResult result = project.generate("add phone number");

        assertThat(result.migration().fileName()).isEqualTo("V2__add_phone_number.sql");
        String script = project.read(project.migration("V2__add_phone_number.sql"));
        assertThat(script).isEqualTo("""
                -- V2: add phone number
                --
                -- Changes:
                --   add column customer.phone varchar(32)

                alter table customer add column phone varchar(32);
                """);
        assertThat(project.migration("V2__add_phone_number.sql.conf")).doesNotExist();
        assertThat(project.read(project.undo("U2__add_phone_number.sql"))).endsWith("alter table customer drop column phone;\n");
        assertThat(project.snapshot()).isEqualTo(withPhone(shop()));
    }

    @Test
    void aRebuildRunsOutsideATransactionAndKeepsEveryRowOfParentAndCascadingChild() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        try (ScratchDatabase app = ScratchDatabase.sqlite(dir.resolve("app"))) {
            MigrationReplay.migrate(app, FlywaySettings.folder(project.layout.migrationDirectory()));
            try (Connection c = app.connect(); var s = c.createStatement()) {
                s.execute("insert into customer (id, email, name) values (1, 'a@x', 'Ann'), (2, 'b@x', 'Bob')");
                s.execute("insert into \"order\" (customer_id, total) values (1, 9.5), (1, 3), (2, 1)");
            }
            project.compile(widerName(shop()));

            GenerateResult result = project.generate("longer names");

            Path conf = project.migration(result.migration().fileName() + ".conf");
            assertThat(project.read(conf)).isEqualTo("executeInTransaction=false\n");
            assertThat(project.read(project.migration(result.migration().fileName())))
                    .contains("pragma foreign_keys = off", "create table jm_new_customer", "drop table customer");
            assertThat(MigrationReplay.migrate(app, FlywaySettings.folder(project.layout.migrationDirectory()))).isEqualTo(1);
            try (Connection c = app.connect(); var s = c.createStatement();
                 var rows = s.executeQuery("select (select count(*) from customer), (select count(*) from \"order\")")) {
                rows.next();
                assertThat(List.of(rows.getInt(1), rows.getInt(2))).containsExactly(2, 3);
            }
        }
    }

    @Test
    void aProbableRenameFailsABatchBuildNamingBothWaysOut() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.replaceColumn(shop(), "order", "total", c -> c.withName("amount")));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate("rename"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("column order.total was dropped and order.amount of the same type added")
                .hasMessageContaining("-Djpamigrate.rename=order.total:amount")
                .hasMessageContaining("-Djpamigrate.allowDestructive=order.total");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aDeclaredRenameRenamesTheColumnAndItsUndoRenamesItBack() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.replaceColumn(shop(), "customer", "email", c -> c.withName("login")));

        project.generate(ProjectFixture.options(List.of("customer.email:login"), List.of(), List.of()), null, Prompter.BATCH);

        assertThat(project.read(project.migration("V2__rename_customer_email_to_login.sql")))
                .contains("alter table customer rename column email to login;");
        assertThat(project.read(project.undo("U2__rename_customer_email_to_login.sql")))
                .contains("alter table customer rename column login to email;");
    }

    @Test
    void inInteractiveModeAConfirmedRenameIsRecorded() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.replaceColumn(shop(), "order", "total", c -> c.withName("amount")));
        List<String> questions = new ArrayList<>();

        project.generate(ChangeOptions.defaults(), "rename name", ProjectFixture.answering(true, questions));

        assertThat(questions).singleElement().asString().contains("order.total", "order.amount", "rename");
        assertThat(project.read(project.migration("V2__rename_name.sql")))
                .contains("alter table \"order\" rename column total to amount;");
    }

    @Test
    void inInteractiveModeADeclinedRenameIsADropThatMustBeAcknowledged() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.replaceColumn(shop(), "order", "total", c -> c.withName("amount")));

        assertThatThrownBy(() -> project.generate(ChangeOptions.defaults(), "x", ProjectFixture.answering(false, new ArrayList<>())))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("column order.total and its values would be dropped")
                .hasMessageContaining("-Djpamigrate.allowDestructive=order.total")
                .hasMessageContaining("-Djpamigrate.rename=order.total:amount");
    }

    @Test
    void aDropIsRefusedUntilAcknowledged() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.dropColumn(shop(), "order", "total"));

        assertThatThrownBy(() -> project.generate("drop total"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("column order.total and its values would be dropped (drop column)")
                .hasMessageContaining("-Djpamigrate.allowDestructive=order.total");
        assertThat(project.migration("V2__drop_total.sql")).doesNotExist();

        project.generate(ProjectFixture.options(List.of(), List.of(), List.of("order.total")), "drop total", Prompter.BATCH);

        assertThat(project.read(project.migration("V2__drop_total.sql"))).contains("alter table \"order\" drop column total;");
        assertThat(project.read(project.undo("U2__drop_total.sql"))).contains("alter table \"order\" add column total numeric(38,2);");
    }

    /** Issue 19 item 2b: the header records each acknowledged loss, one parseable line each; true is spelled out. */
    @Test
    void theMigrationsHeaderRecordsEachAcknowledgedLoss() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.dropColumn(ShopModels.dropColumn(shop(), "order", "total"), "customer", "status"));

        project.generate(ProjectFixture.options(List.of(), List.of(), List.of("true")), "drop two", Prompter.BATCH);

        String script = project.read(project.migration("V2__drop_two.sql"));
        String header = script.substring(0, script.indexOf("\n\n"));
        assertThat(header).contains("\n--\n-- Data loss acknowledged when generated (-Djpamigrate.allowDestructive);"
                + " verify reads these lines:\n-- jpa-migrate:allow-destructive customer.status\n"
                + "-- jpa-migrate:allow-destructive order.total");
        assertThat(AcknowledgedLoss.read("V2__drop_two.sql", script).targets()).containsExactly("customer.status", "order.total");
        assertThat(project.read(project.undo("U2__drop_two.sql"))).doesNotContain(AcknowledgedLoss.MARKER);
    }

    @Test
    void aNewNotNullColumnNeedsABackfillValue() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.addColumn(shop(), "customer", Column.of("tier", ColumnType.of(TypeKind.INTEGER), false)));

        assertThatThrownBy(() -> project.generate("tier"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("new NOT NULL column customer.tier has no value for existing rows")
                .hasMessageContaining("-Djpamigrate.backfill=customer.tier=<sql literal>");

        project.generate(ProjectFixture.options(List.of(), List.of("customer.tier=1"), List.of()), "tier", Prompter.BATCH);

        assertThat(project.read(project.migration("V2__tier.sql"))).contains("select id, email, name, status, 1 from customer");
    }

    @Test
    void aDroppedNotNullColumnHasNoUndoScriptAndSaysWhy() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.dropColumn(shop(), "customer", "email"));

        GenerateResult result = project.generate(ProjectFixture.options(List.of(), List.of(), List.of("true")), "drop email",
                Prompter.BATCH);

        assertThat(result.written()).extracting(p -> p.getFileName().toString())
                .containsExactly("V2__drop_email.sql.conf", "V2__drop_email.sql", "model.json");
        assertThat(project.undo("U2__drop_email.sql")).doesNotExist();
        assertThat(project.warnings).singleElement().asString()
                .startsWith("No undo script for V2__drop_email.sql:").contains("customer.email");
    }

    @Test
    void anEmptyMigrationHasOnlyTheHeaderAndMovesOnlyTheSnapshotsMigration() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        SchemaModel model = new SnapshotFile(project.layout.snapshot()).read().orElseThrow();

        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "backfill names", true,
                VersionScheme.SEQUENTIAL));

        assertThat(project.read(project.migration("V2__backfill_names.sql")))
                .startsWith("-- V2: backfill names\n--\n-- Changes:\n--   (none)\n")
                .contains("Write the data change")
                .doesNotContain(";");
        Snapshot after = new SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow();
        assertThat(after.model()).isEqualTo(model);
        assertThat(after.migrations()).singleElement().satisfies(stamp -> {
            assertThat(stamp.file().fileName()).isEqualTo("V2__backfill_names.sql");
            assertThat(stamp.after()).hasToString("1");
            assertThat(stamp.checksum()).isEqualTo(FlywayChecksum.of(Files.readAllBytes(project.migration("V2__backfill_names.sql"))));
        });
    }

    @Test
    void anEmptyMigrationIsRefusedWhileTheModelHasChanges() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());

        assertThatThrownBy(() -> project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "data",
                true, VersionScheme.SEQUENTIAL)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("-Djpamigrate.empty=true")
                .hasMessageContaining("the model changed");
        assertThat(project.sourceFiles()).isEmpty();
    }

    @Test
    void theTimestampSchemeUsesTheClockInUtc() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());

        GenerateResult result = project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "init",
                false, VersionScheme.TIMESTAMP));

        assertThat(result.migration().fileName()).isEqualTo("V20261121093000__init.sql");
    }

    @Test
    void theNextVersionFollowsTheNewestInTheFolderAndTheSlugComesFromTheFirstChange() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V7_1__seed_data.sql"), "insert into customer (id, email) values (9, 'x@y');\n");
        project.compile(withPhone(shop()));

        GenerateResult result = project.generate((String) null);

        assertThat(result.migration().fileName()).isEqualTo("V8__add_customer_phone.sql");
    }

    @Test
    void aMissingDescriptorNamesTheProcessorConfiguration() {
        ProjectFixture project = new ProjectFixture(dir);

        assertThatThrownBy(() -> project.generate("x"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("there is no model descriptor at target/classes/META-INF/jpa-migrate/model.json")
                .hasMessageContaining("<annotationProcessorPaths>")
                .hasMessageContaining("<artifactId>jpa-migrate-processor</artifactId>");
    }

    @Test
    void theSelfCheckCatchesAHandEditedMigrationAndWritesNothing() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Path v1 = project.migration("V1__initial.sql");
        Files.writeString(v1, project.read(v1).replace("name varchar(100)", "name varchar(50)"));
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate("phone"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("self-check failed")
                .hasMessageContaining("V2__phone.sql")
                .hasMessageContaining("change column customer.name: type varchar(100) -> varchar(50)")
                .hasMessageContaining("Nothing was written");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aLeftOverUndoScriptWithTheNextVersionStopsTheWriteBeforeAnyFileIsWritten() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.undo("U2__phone.sql"), "-- mine\n");
        project.compile(withPhone(shop()));

        assertThatThrownBy(() -> project.generate("phone"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("U2__phone.sql already exists")
                .hasMessageContaining("never overwrites");
        assertThat(project.migration("V2__phone.sql")).doesNotExist();
        assertThat(project.snapshot()).isEqualTo(shop());
        assertThat(project.read(project.undo("U2__phone.sql"))).isEqualTo("-- mine\n");
    }

    @Test
    void generatedMigrationsReplayToTheModelAfterEveryStep() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        SchemaModel last = shop();
        for (SchemaModel next : List.of(withPhone(last), widerName(withPhone(last)))) {
            project.compile(next);
            assertThat(project.generate((String) null).wroteMigration()).isTrue();
            last = next;
        }
        assertThat(project.snapshot()).isEqualTo(last);
        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
    }
}
