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
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code generate} with {@code dialects}: one change set, one version and description, one
 * migration and undo script per vendor folder, each proven on its own engine, one snapshot, and
 * nothing written unless every vendor's self-check passes.
 */
class GenerateVendorsTest {

    @TempDir
    Path dir;

    private static GenerateRequest request(ProjectFixture project, String dialects, String message, ShadowDatabase shadow) {
        MigrationTargets targets = MigrationTargets.parse(null, List.of(dialects));
        ChangeOptions options = ChangeOptions.defaults();
        return new GenerateRequest(project.layout, options, message, false, VersionScheme.SEQUENTIAL, shadow, targets);
    }

    private static Path vendorFile(ProjectFixture project, String vendor, String name) {
        return project.layout.migrationDirectory().resolve(vendor).resolve(name);
    }

    @Test
    void writesOneMigrationPerVendorFolderWithTheSameVersionAndProvesEachOnItsEngine() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, "h2,sqlite", "initial", null));
        project.compile(widerName(withPhone(shop())));
        GenerateResult result = project.run(request(project, "h2,sqlite", "phone and longer names", null));

        assertThat(result.migration().fileName()).isEqualTo("V2__phone_and_longer_names.sql");
        assertThat(project.sourceFiles()).filteredOn(f -> f.endsWith(".sql") || f.endsWith(".json")).containsExactly(
                "src/main/jpa-migrate/model.json",
                "src/main/jpa-migrate/undo/h2/U1__initial.sql",
                "src/main/jpa-migrate/undo/h2/U2__phone_and_longer_names.sql",
                "src/main/jpa-migrate/undo/sqlite/U1__initial.sql",
                "src/main/jpa-migrate/undo/sqlite/U2__phone_and_longer_names.sql",
                "src/main/resources/db/migration/h2/V1__initial.sql",
                "src/main/resources/db/migration/h2/V2__phone_and_longer_names.sql",
                "src/main/resources/db/migration/sqlite/V1__initial.sql",
                "src/main/resources/db/migration/sqlite/V2__phone_and_longer_names.sql");
        assertThat(project.read(vendorFile(project, "h2", "V2__phone_and_longer_names.sql"))).contains("alter column");
        assertThat(project.read(vendorFile(project, "sqlite", "V2__phone_and_longer_names.sql")))
                .contains("create table jm_new_customer");
        assertThat(project.info).filteredOn(line -> line.startsWith("Self-check passed on a scratch")).extracting(l -> l.substring(0, 40))
                .containsExactly("Self-check passed on a scratch H2 databa", "Self-check passed on a scratch SQLite da",
                        "Self-check passed on a scratch H2 databa", "Self-check passed on a scratch SQLite da");
        assertThat(project.snapshot()).isEqualTo(widerName(withPhone(shop())));
        assertThat(project.warnings).isEmpty();
    }

    @Test
    void theNextVersionFollowsTheNewestOfAnyVendorFolder() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, "sqlite,h2", "initial", null));
        // A hand-written data migration that only one vendor needed.
        Files.writeString(vendorFile(project, "h2", "V5__h2_only_data.sql"), "-- nothing\n");
        project.compile(withPhone(shop()));

        GenerateResult result = project.run(request(project, "sqlite,h2", "phone", null));

        assertThat(result.migration().fileName()).isEqualTo("V6__phone.sql");
        assertThat(vendorFile(project, "sqlite", "V6__phone.sql")).exists();
        assertThat(vendorFile(project, "h2", "V6__phone.sql")).exists();
    }

    @Test
    void migrationsLeftInThePlainFolderAreNamedBeforeVendorFoldersAreStarted() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.run(request(project, "sqlite,h2", "phone", null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("jpamigrate.dialects keeps one folder per vendor, but src/main/resources/db/migration"
                        + " holds migrations of its own (V1__initial.sql). Move them into the folder of the vendor they"
                        + " were written for (e.g. git mv src/main/resources/db/migration/V*.sql"
                        + " src/main/resources/db/migration/sqlite/)")
                // never "copy them into every vendor folder and adapt the SQL by hand" (issue 18)
                .hasMessageContaining("then run mvn jpa-migrate:baseline, which writes the other vendors' folders from the snapshot");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void whenOneVendorsSelfCheckFailsNoVendorGetsAFile() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, "h2,sqlite", "initial", null));
        Files.writeString(vendorFile(project, "sqlite", "V1__initial.sql"), "create table unrelated (id integer);\n");
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.run(request(project, "h2,sqlite", "phone", null)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("self-check failed")
                .hasMessageContaining("src/main/resources/db/migration/sqlite")
                .hasMessageContaining("scratch sqlite database");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aServerVendorIsProvenThroughTheShadowUrlThatNamesIt() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, "postgresql,h2", "initial", shadow));
        project.compile(widerName(shop()));
        project.run(request(project, "postgresql,h2", "longer names", shadow));

        assertThat(project.read(vendorFile(project, "postgresql", "V2__longer_names.sql"))).contains("alter column");
        assertThat(project.info).filteredOn(line -> line.startsWith("Self-check passed on a scratch PostgreSQL")).hasSize(2);
        assertThat(project.info).filteredOn(line -> line.startsWith("Self-check passed on a scratch H2")).hasSize(2);
        assertThat(project.warnings).isEmpty();
    }

    @Test
    void withoutAShadowUrlTheServerVendorIsWrittenAndOnlyItsSelfCheckSkipped() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, "mariadb,h2", "initial", null));

        assertThat(vendorFile(project, "mysql", "V1__initial.sql")).as("Spring Boot's {vendor} for MariaDB").exists();
        assertThat(project.warnings).singleElement().asString()
                .startsWith("Self-check (mariadb) skipped: a scratch MariaDB database needs a server");
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed on a scratch H2 database"));
    }

    @Test
    void aShadowUrlOfAnotherServerIsRefusedBeforeAnythingIsDone() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        ShadowDatabase mariadb = new ShadowDatabase("jdbc:mariadb://localhost:3306/test?password=secret", "root", null);

        assertThatThrownBy(() -> project.run(request(project, "postgresql,h2", "initial", mariadb)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessage("jpamigrate.shadowUrl jdbc:mariadb://localhost:3306/test is not a server of the target"
                        + " databases postgresql, h2. Point it at a postgresql server.");
        assertThat(project.sourceFiles()).isEmpty();
    }

    @Test
    void diffShowsTheSqlOfEveryVendor() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, "postgresql,mariadb", "initial", null));
        project.compile(widerName(shop()));
        MigrationTargets targets = MigrationTargets.parse(null, List.of("postgresql,mariadb"));

        new DiffWorkflow(project.log).run(project.layout, ChangeOptions.defaults(), targets);

        assertThat(project.info).filteredOn(line -> line.startsWith("SQL for ")).extracting(line -> line.substring(0, 14))
                .containsExactly("SQL for postgr", "SQL for mariad");
        assertThat(project.info).anyMatch(line -> line.contains("alter column name type varchar(200)"))
                .anyMatch(line -> line.contains("modify column name varchar(200)"));
    }
}
