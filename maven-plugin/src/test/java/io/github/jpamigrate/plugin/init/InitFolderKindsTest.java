package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.JavaMigrationFixture;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code init} adopting every kind of folder Flyway accepts: one that starts with a baseline
 * migration, Java migrations, repeatable migrations, callbacks and placeholders.
 */
class InitFolderKindsTest {

    static final String SEED = "insert into customer (id, email, name) values (900001, 'ann@example.com', 'Ann')";

    @TempDir
    Path dir;

    private static InitResult init(ProjectFixture project, FlywaySettings flyway, boolean generate) throws Exception {
        InitRequest request = new InitRequest(project.layout, Dialect.SQLITE, ChangeOptions.defaults(), flyway, null,
                VersionScheme.SEQUENTIAL, generate, false, null);
        return new InitWorkflow(project.log, Prompter.BATCH, ProjectFixture.CLOCK).run(request);
    }

    /** Migrations generated for {@code model}, their snapshot lost: what init adopts. */
    private ProjectFixture withoutSnapshot(SchemaModel model) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(model);
        project.generate("initial");
        Files.delete(project.layout.snapshot());
        return project;
    }

    @Test
    void aFolderThatStartsWithABaselineMigrationAndHasAJavaMigrationIsAdopted() throws Exception {
        ProjectFixture project = withoutSnapshot(shop());
        Path v1 = project.migration("V1__initial.sql");
        Files.writeString(project.migration("B1__schema.sql"), project.read(v1));
        Files.delete(v1);
        JavaMigrationFixture.compiled(project.layout, "V2__Seed_customers", SEED);

        InitResult result = init(project, JavaMigrationFixture.flyway(project.layout), false);

        assertThat(result.replayed()).isEqualTo(2);
        assertThat(result.pending()).isEmpty();
        assertThat(project.snapshot()).isEqualTo(shop());
    }

    @Test
    void withGenerateTheNewMigrationTakesTheVersionAfterTheJavaMigration() throws Exception {
        ProjectFixture project = withoutSnapshot(shop());
        JavaMigrationFixture.compiled(project.layout, "V2__Seed_customers", SEED);
        project.compile(withPhone(shop()));

        InitResult result = init(project, JavaMigrationFixture.flyway(project.layout), true);

        assertThat(result.migration().fileName()).startsWith("V3__");
        assertThat(project.snapshot()).isEqualTo(withPhone(shop()));
    }

    @Test
    void aJavaMigrationNotCompiledIsNamedAndNothingIsWritten() throws Exception {
        ProjectFixture project = withoutSnapshot(shop());
        JavaMigrationFixture.source(project.layout, "V2__Seed_customers", SEED);
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> init(project, JavaMigrationFixture.flyway(project.layout), false))
                .hasMessageContaining("V2__Seed_customers.java").hasMessageContaining("Run mvn compile first");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void repeatableMigrationsCallbacksScriptConfigurationsAndPlaceholdersAreAdopted() throws Exception {
        ProjectFixture project = withoutSnapshot(shop());
        Files.writeString(project.migration("V1__initial.sql.conf"), "executeInTransaction=true\n");
        Files.writeString(project.migration("V2__admin.sql"),
                "insert into customer (id, email, name) values (900002, '${admin_email}', 'Admin');\n");
        Files.writeString(project.migration("R__customer_names.sql"),
                "drop view if exists customer_names;\ncreate view customer_names as select name from customer;\n");
        Files.writeString(project.migration("beforeMigrate.sql"), "select 1;\n");
        Files.writeString(project.migration("afterMigrate__check.sql"), "select count(*) from customer;\n");
        FlywaySettings plain = MigrationTargets.defaultFlyway(project.layout);

        assertThatThrownBy(() -> init(project, plain, false)).isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("admin_email");
        InitResult result = init(project, new FlywaySettings(plain.locations(), plain.table(),
                Map.of("admin_email", "admin@example.com")), false);

        assertThat(result.replayed()).isEqualTo(3);
        assertThat(result.pending()).isEmpty();
        assertThat(project.snapshot()).isEqualTo(shop());
    }
}
