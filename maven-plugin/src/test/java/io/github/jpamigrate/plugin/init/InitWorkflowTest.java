package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.baseline.DriftItem;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateResult;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.plugin.verify.VerifyWorkflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code init}: the first migration when there is none, else a snapshot from the replayed
 * migrations that makes {@code check} report exactly what the migrations lack.
 */
class InitWorkflowTest {

    /** The shop of {@link ShopModels} as a developer writes it for SQLite by hand: other spellings, no enum check. */
    static final String HAND_WRITTEN_SHOP = """
            CREATE TABLE customer (
                id BIGINT NOT NULL PRIMARY KEY,
                email VARCHAR(255) NOT NULL UNIQUE,
                name VARCHAR(100),
                status VARCHAR(255)
            );
            CREATE INDEX idx_customer_name ON customer (name);
            CREATE TABLE "order" (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
                total NUMERIC(38,2)
            );
            CREATE TABLE customer_seq (next_val BIGINT);
            INSERT INTO customer_seq VALUES (1);
            """;

    @TempDir
    Path dir;

    private InitResult init(ProjectFixture project, Dialect dialect, boolean generate, boolean force, ShadowDatabase shadow)
            throws Exception {
        InitRequest request = new InitRequest(project.layout, dialect, ChangeOptions.defaults(),
                FlywaySettings.folder(project.layout.migrationDirectory()), null, VersionScheme.SEQUENTIAL, generate, force,
                shadow);
        return new InitWorkflow(project.log, Prompter.BATCH, ProjectFixture.CLOCK).run(request);
    }

    private InitResult init(ProjectFixture project) throws Exception {
        return init(project, Dialect.SQLITE, false, false, null);
    }

    private static List<String> words(List<SchemaChange> changes) {
        return changes.stream().map(SchemaChange::describe).toList();
    }

    private static void checkPasses(ProjectFixture project) throws Exception {
        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
    }

    /** A project whose migrations were generated for {@code model}, then its snapshot lost: what init adopts. */
    private ProjectFixture migratedWithoutSnapshot(SchemaModel model, String dialect) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(model);
        project.generate(MigrationTargets.parse(dialect, null), "initial");
        Files.delete(project.layout.snapshot());
        return project;
    }

    @Test
    void withoutMigrationsWritesTheFirstMigrationAndTheSnapshotThenCheckPasses() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());

        InitResult result = init(project);

        assertThat(result.replayed()).isZero();
        assertThat(result.migration().fileName()).isEqualTo("V1__initial_schema.sql");
        assertThat(project.sourceFiles()).containsExactly("src/main/jpa-migrate/model.json",
                "src/main/jpa-migrate/undo/U1__initial_schema.sql", "src/main/jpa-migrate/undo/U1__initial_schema.sql.conf",
                "src/main/resources/db/migration/V1__initial_schema.sql");
        assertThat(project.snapshot()).isEqualTo(shop());
        checkPasses(project);
        VerifyWorkflowTest.verify(project);
    }

    @Test
    void migrationsThatBuildTheModelGiveTheModelAsSnapshot() throws Exception {
        ProjectFixture project = migratedWithoutSnapshot(shop(), "sqlite");
        List<String> before = project.sourceFiles();

        InitResult result = init(project);

        assertThat(result.replayed()).isEqualTo(1);
        assertThat(result.pending()).isEmpty();
        assertThat(result.migration()).isNull();
        assertThat(project.sourceFiles()).containsAll(before).contains("src/main/jpa-migrate/model.json")
                .hasSize(before.size() + 1);
        // Enum bindings, entity classes, the sequence's increment: kept from the model, not lost to the database.
        assertThat(project.snapshot()).isEqualTo(shop());
        assertThat(project.info).anyMatch(l -> l.contains("the schema they build is the entity model"));
        checkPasses(project);
    }

    @Test
    void handWrittenMigrationsLackingAColumnReportExactlyThatColumnThenGenerateWritesIt() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(withPhone(shop()));
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP);

        InitResult result = init(project);

        assertThat(words(result.pending())).containsExactly("add column customer.phone varchar(32)");
        assertThat(result.written()).containsExactly(project.layout.snapshot());
        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("\n  - add column customer.phone varchar(32)\nRun:");

        GenerateResult generated = project.generate("phone");

        String script = project.read(project.migration(generated.migration().fileName()));
        assertThat(script.lines().filter(l -> !l.isBlank() && !l.startsWith("--")))
                .containsExactly("alter table customer add column phone varchar(32);");
        checkPasses(project);
        VerifyWorkflowTest.verify(project);
    }

    @Test
    void withGenerateTheMissingColumnsMigrationIsWrittenWithTheSnapshotOfTheModel() throws Exception {
        ProjectFixture project = migratedWithoutSnapshot(shop(), "sqlite");
        project.compile(withPhone(shop()));

        InitResult result = init(project, Dialect.SQLITE, true, false, null);

        assertThat(result.migration().fileName()).isEqualTo("V2__add_customer_phone.sql");
        assertThat(project.snapshot()).isEqualTo(withPhone(shop()));
        checkPasses(project);
        VerifyWorkflowTest.verify(project);
    }

    /**
     * Issue 18: init replays the folder on a scratch database of its dialect, so the folder is that
     * dialect's SQL; the snapshot records it, and a later change of {@code <dialect>} is noticed by
     * check and generate, which name baseline instead of passing.
     */
    @Test
    void adoptedMigrationsAreRecordedAsTheDialectTheyWereReplayedOnSoAChangedDialectNamesBaseline() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP);

        init(project);

        assertThat(project.read(project.layout.snapshot())).contains("\"dialects\": [\"sqlite\"]");
        checkPasses(project);
        MigrationTargets h2 = MigrationTargets.single(Dialect.H2);
        List<Target> resolved = h2.resolve(project.layout, MigrationTargets.defaultFlyway(project.layout, h2),
                ShadowServers.NONE);
        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout, resolved, List.of()))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("the migrations exist up to V1, but\n  - src/main/resources/db/migration/ holds"
                        + " migrations written for sqlite (as src/main/jpa-migrate/model.json records), not for h2")
                .hasMessageContaining("Run mvn jpa-migrate:baseline");
        List<String> before = project.sourceFiles();
        assertThatThrownBy(() -> project.generate(h2, "again"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("not for h2")
                .hasMessageContaining("Run mvn jpa-migrate:baseline");
        assertThat(project.info).noneMatch(l -> l.startsWith("No model change"));
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void whatTheDatabaseHasDifferentlyOrBeyondTheModelIsAcceptedNotPending() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP
                .replace("name VARCHAR(100)", "name VARCHAR(80)")
                .replace("status VARCHAR(255)", "status VARCHAR(255),\n    fax VARCHAR(40)"));

        InitResult result = init(project);

        assertThat(result.pending()).isEmpty();
        assertThat(result.accepted()).extracting(DriftItem::id).containsExactly("customer.fax", "customer.name");
        assertThat(result.written()).containsExactlyInAnyOrder(project.layout.snapshot(), project.layout.driftBaseline());
        checkPasses(project);
    }

    /**
     * SQLite's rowid alias ({@code INTEGER PRIMARY KEY}) can never be NULL though
     * {@code PRAGMA table_info} says notnull=0; any other primary key column without NOT NULL can
     * hold NULL in a rowid table, so only the alias is read as NOT NULL.
     */
    @Test
    void sqlitesRowidAliasIsNotNullWithoutSayingSoButAnotherPrimaryKeyIsNullable() throws Exception {
        ProjectFixture project = new ProjectFixture(dir.resolve("alias")).compile(shop());
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP
                .replace("id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT", "id integer primary key autoincrement"));

        assertThat(init(project).pending()).isEmpty();
        checkPasses(project);

        ProjectFixture other = new ProjectFixture(dir.resolve("bigint")).compile(shop());
        Files.createDirectories(other.layout.migrationDirectory());
        Files.writeString(other.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP
                .replace("id BIGINT NOT NULL PRIMARY KEY,", "id BIGINT PRIMARY KEY,")
                .replace("id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT", "id INTEGER PRIMARY KEY DESC"));

        InitResult adopted = init(other);
        assertThat(adopted.pending()).isEmpty();
        assertThat(adopted.accepted()).extracting(DriftItem::id).containsExactly("customer.id", "order.id");
        assertThat(adopted.accepted()).extracting(DriftItem::describe).allMatch(d -> d.contains(": the database has bigint null") && d.contains("the model says bigint not null"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void adoptsMigrationsAndGeneratesWhatTheyLackOnH2AndOnServersThroughTheShadowUrl(Dialect dialect) throws Exception {
        ShadowDatabase shadow = dialect == Dialect.H2 ? null : TestServers.shadow(dialect);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        new GenerateWorkflow(project.log, Prompter.BATCH, ProjectFixture.CLOCK).run(new GenerateRequest(project.layout,
                ChangeOptions.defaults(), "initial", false, VersionScheme.SEQUENTIAL, shadow, MigrationTargets.single(dialect)));
        Files.delete(project.layout.snapshot());
        project.compile(withPhone(shop()));

        InitResult result = init(project, dialect, false, false, shadow);

        assertThat(words(result.pending())).containsExactly("add column customer.phone varchar(32)");
        assertThat(project.snapshot()).isEqualTo(shop());

        InitResult generated = init(project, dialect, true, true, shadow);

        assertThat(generated.migration().fileName()).isEqualTo("V2__add_customer_phone.sql");
        assertThat(project.snapshot()).isEqualTo(withPhone(shop()));
        assertThat(project.info).anyMatch(l -> l.startsWith("Self-check passed on a scratch"));
    }

    @Test
    void anExistingSnapshotIsRefusedWithNothingWrittenUnlessForced() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        Files.writeString(project.layout.snapshot(), Files.readString(project.layout.snapshot()).replace("\"customer\"",
                "\"customer\" "));
        String edited = project.read(project.layout.snapshot());

        assertThatThrownBy(() -> init(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("already has a snapshot (src/main/jpa-migrate/model.json)")
                .hasMessageContaining("-Djpamigrate.force=true");
        assertThat(project.read(project.layout.snapshot())).isEqualTo(edited);

        InitResult forced = init(project, Dialect.SQLITE, false, true, null);

        assertThat(words(forced.pending())).containsExactly("add column customer.phone varchar(32)");
        assertThat(project.snapshot()).isEqualTo(shop());
    }

    @Test
    void aMisnamedScriptInTheMigrationFolderIsAnErrorWithNothingWritten() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP);
        Files.writeString(project.migration("create_more.sql"), "CREATE TABLE more (id INTEGER);");

        assertThatThrownBy(() -> init(project))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("not named like Flyway migrations")
                .hasMessageContaining("create_more.sql");
        assertThat(Files.exists(project.layout.snapshot())).isFalse();
    }

    @Test
    void aMigrationThatFailsOnTheScratchDatabaseIsAnErrorWithNothingWritten() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP);
        Files.writeString(project.migration("V2__broken.sql"), "ALTER TABLE nowhere ADD COLUMN x INTEGER;");

        assertThatThrownBy(() -> init(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("init cannot adopt the migrations")
                .hasMessageContaining("V2__broken.sql")
                .hasMessageContaining("Nothing was written.");
        assertThat(project.sourceFiles()).containsExactly("src/main/resources/db/migration/V1__create_shop.sql",
                "src/main/resources/db/migration/V2__broken.sql");
    }

    @Test
    void aServerDialectWithoutShadowUrlIsRefusedNamingTheParameter() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1__create_shop.sql"), HAND_WRITTEN_SHOP);

        // MariaDB: PostgreSQL falls back on the embedded server when the project has it (this module's tests do).
        assertThatThrownBy(() -> init(project, Dialect.MARIADB, false, false, null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("-Djpamigrate.shadowUrl=jdbc:")
                .hasMessageContaining("Nothing was written.");
        assertThat(Files.exists(project.layout.snapshot())).isFalse();
    }
}
