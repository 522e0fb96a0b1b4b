package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19 item 4: a migration generated without a scratch database is proven on demand with
 * {@code -Djpamigrate.prove}; the warning names that way, not a rerun that finds no model change.
 */
class GenerateProveTest {

    @TempDir
    Path dir;

    private static GenerateRequest request(ProjectFixture project, Dialect dialect, String message, ShadowDatabase shadow) {
        return new GenerateRequest(project.layout, ChangeOptions.defaults(), message, false, VersionScheme.SEQUENTIAL, shadow,
                MigrationTargets.single(dialect));
    }

    @Test
    void withoutAServerTheWarningNamesProveAndProveWithAServerProvesTheNewestMigration() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.MARIADB, "initial", null));
        project.compile(withPhone(shop()));
        project.run(request(project, Dialect.MARIADB, "phone", null));

        assertThat(project.warnings).last().asString()
                .startsWith("Self-check skipped: a scratch MariaDB database needs a server; the migration is written unproven.")
                .contains("mvn jpa-migrate:generate -Djpamigrate.prove -Djpamigrate.shadowUrl=jdbc:mariadb://")
                .contains("mvn compile jpa-migrate:verify -Djpamigrate.shadowUrl=")
                .doesNotContain("run generate again to have the migration proven");
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.run(request(project, Dialect.MARIADB, null, null).proving()))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.prove proves the newest migration on a scratch MariaDB database,"
                        + " which needs a server.")
                .hasMessageContaining("-Djpamigrate.shadowUrl=jdbc:mariadb://");

        project.info.clear();
        project.run(request(project, Dialect.MARIADB, null, TestServers.shadow(Dialect.MARIADB)).proving());

        assertThat(project.info).anySatisfy(line -> assertThat(line)
                .startsWith("Proved V2__phone.sql on a scratch MariaDB database")
                .contains("Flyway applied 2 migration(s), V2__phone.sql the last, and the schema is the model")
                .endsWith("U2__phone.sql takes it back to the schema of V1."));
        assertThat(project.info).noneMatch(line -> line.startsWith("No model change"));
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void proveFindsAHandEditedNewestMigrationOnPostgresql() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, "initial", shadow));
        project.compile(withPhone(shop()));
        project.run(request(project, Dialect.POSTGRESQL, "phone", shadow));
        Path v2 = project.migration("V2__phone.sql");
        String edited = project.read(v2).replace("add column phone varchar(", "add column phone varchar(9");
        assertThat(edited).isNotEqualTo(project.read(v2));
        Files.writeString(v2, edited);

        assertThatThrownBy(() -> project.run(request(project, Dialect.POSTGRESQL, null, shadow).proving()))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.prove: replaying src/main/resources/db/migration on a scratch"
                        + " PostgreSQL database does not give the model after V2__phone.sql")
                .hasMessageContaining("customer.phone");
    }

    @Test
    void proveRunsTheUndoScriptAndNamesOneThatDoesNotGoBack() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, "initial", shadow));
        project.compile(withPhone(shop()));
        project.run(request(project, Dialect.POSTGRESQL, "phone", shadow));
        project.info.clear();

        project.run(request(project, Dialect.POSTGRESQL, null, shadow).proving());
        assertThat(project.info).anySatisfy(line -> assertThat(line)
                .startsWith("Proved V2__phone.sql on a scratch PostgreSQL database")
                .endsWith("U2__phone.sql takes it back to the schema of V1."));

        Files.writeString(project.undo("U2__phone.sql"), "-- U2: undo phone, forgotten\nselect 1;\n");
        assertThatThrownBy(() -> project.run(request(project, Dialect.POSTGRESQL, null, shadow).proving()))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.prove: U2__phone.sql does not take the scratch database back to"
                        + " the schema of V1")
                .hasMessageContaining("phone");
    }

    /** An online migration and its follow-up are one unit: both replayed, the migration's undo script takes both back. */
    @Test
    void proveTakesAnOnlineFollowUpWithTheMigrationItCompletes() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, Dialect.POSTGRESQL, "initial", shadow));
        project.compile(io.github.jpamigrate.core.testing.ModelBuilder.from(withPhone(shop())).editTable("customer",
                t -> t.index(new io.github.jpamigrate.core.model.Index("ix_customer_phone", List.of("phone"), false))).build());
        // The goal's defaults: the online forms on (ChangeOptions.defaults() has them off).
        project.run(new GenerateRequest(project.layout, ProjectFixture.options(List.of(), List.of(), List.of()), "phone",
                false, VersionScheme.SEQUENTIAL, shadow, MigrationTargets.single(Dialect.POSTGRESQL)));
        assertThat(project.migration("V3__complete_v2_online.sql")).exists();
        project.info.clear();

        project.run(request(project, Dialect.POSTGRESQL, null, shadow).proving());

        assertThat(project.info).anySatisfy(line -> assertThat(line)
                .startsWith("Proved V3__complete_v2_online.sql on a scratch PostgreSQL database")
                .contains("Flyway applied 3 migration(s)")
                .endsWith("U2__phone.sql takes it back to the schema of V1."));
    }

    @Test
    void withAModelChangeProveRefusesToWriteAnUnprovenMigration() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());

        assertThatThrownBy(() -> project.run(request(project, Dialect.MARIADB, "initial", null).proving()))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.prove asks for the self-check, and a scratch MariaDB database needs"
                        + " a server. Nothing was written.");
        assertThat(project.sourceFiles()).isEmpty();
    }
}
