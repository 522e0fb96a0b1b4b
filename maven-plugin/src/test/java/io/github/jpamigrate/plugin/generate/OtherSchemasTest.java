package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import io.github.jpamigrate.plugin.verify.VerifyWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.jpamigrate.plugin.project.ShopModels.editTable;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @Table(schema = ...)}: the default schema spelled out is fine, any other is refused by name. */
class OtherSchemasTest {

    @TempDir
    Path dir;

    private static SchemaModel customerIn(String schema) {
        return editTable(shop(), "customer", t -> TableBuilder.from(t).schema(schema).build());
    }

    private static GenerateRequest request(ProjectFixture project, Dialect dialect) {
        return new GenerateRequest(project.layout, ChangeOptions.defaults(), "initial", false,
                VersionScheme.SEQUENTIAL, ShadowServers.NONE, MigrationTargets.single(dialect));
    }

    @Test
    void generateRefusesATableInAnotherSchemaNamingTheEntityAndWritesNothing() {
        ProjectFixture project = new ProjectFixture(dir).compile(customerIn("audit"));

        assertThatThrownBy(() -> project.run(request(project, Dialect.H2)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("cannot write the h2 migration: tables outside the default schema are not supported yet")
                .hasMessageContaining("  - audit.customer (com.example.shop.Customer, @Table(schema = \"audit\"))")
                .hasMessageContaining("Remove schema from @Table");
        assertThat(dir.resolve("src")).doesNotExist();
    }

    @Test
    void theDefaultSchemaSpelledOutIsTheSamePlace() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(customerIn("PUBLIC"));

        project.run(request(project, Dialect.H2));

        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch H2 database"));
        assertThat(OtherSchemas.problem(customerIn("public"), Dialect.POSTGRESQL)).isEmpty();
        assertThat(OtherSchemas.problem(customerIn("main"), Dialect.SQLITE)).isEmpty();
        assertThat(OtherSchemas.problem(customerIn("shop"), Dialect.MARIADB)).isPresent();
    }

    @Test
    void verifyFailsTheReplayWithTheSameReason() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.H2));
        project.compile(customerIn("audit"));

        assertThatThrownBy(() -> new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout,
                ChangeOptions.defaults(), MigrationTargets.defaultFlyway(project.layout), null, false, ShadowServers.NONE,
                MigrationTargets.single(Dialect.H2))))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay] tables outside the default schema are not supported yet")
                .hasMessageContaining("audit.customer (com.example.shop.Customer");
    }
}
