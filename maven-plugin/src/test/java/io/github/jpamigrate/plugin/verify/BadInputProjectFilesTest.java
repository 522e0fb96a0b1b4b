package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad-input catalogue, project files (docs/reliability.md): a broken snapshot, build descriptor or
 * migration folder, and a shadow database that cannot be reached. Each case runs the real
 * {@code generate} (the goal that writes) and asserts the message names the file and the fix, is a
 * user failure (no stack trace: the mojo reports these without one), and nothing was written.
 */
class BadInputProjectFilesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> brokenSnapshots() {
        return Stream.of(
                Arguments.of("malformed", (UnaryOperator<String>) s -> s.replace("\"naming\"", "\"naming\",,"),
                        "not valid JSON", "restore it from version control"),
                Arguments.of("merge conflict", (UnaryOperator<String>) s -> "<<<<<<< HEAD\n" + s + "=======\n{}\n>>>>>>> topic\n",
                        "not valid JSON", "After a merge conflict in it (two branches each generated a migration), take the side"
                                + " of the branch you merged (git checkout --theirs model.json while merging main into your"
                                + " branch) and run mvn jpa-migrate:rebase"),
                Arguments.of("truncated", (UnaryOperator<String>) s -> s.substring(0, s.length() / 2),
                        "the file ends in the middle of the JSON document (truncated or cut off)", "restore it from version control"),
                Arguments.of("empty", (UnaryOperator<String>) s -> "",
                        "the file is empty", "restore it from version control"),
                Arguments.of("binary", (UnaryOperator<String>) s -> "\u0000\u0001PK\u0003\u0004",
                        "binary file", "restore it from version control"),
                Arguments.of("newer format", (UnaryOperator<String>) s -> s.replaceFirst("\"format\": \"[0-9.]+\"", "\"format\": \"4.0\""),
                        "was written in descriptor format 4.0 by a newer JPA Migrate",
                        "use the jpa-migrate-maven-plugin and jpa-migrate-processor version that wrote it (or newer)"),
                Arguments.of("dangling foreign key", (UnaryOperator<String>) s -> s.replace("\"referencedTable\": \"customer\"",
                                "\"referencedTable\": \"client\""),
                        "foreign key \"fk_order_customer_id\" of table \"order\" references table \"client\", which is not in the descriptor",
                        "restore it from version control"));
    }

    @ParameterizedTest(name = "{0} snapshot")
    @MethodSource("brokenSnapshots")
    void aBrokenSnapshotIsNamedWithItsFixAndNothingIsWritten(String name, UnaryOperator<String> breakIt, String reason,
                                                             String fix) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        String good = project.read(project.layout.snapshot());
        String broken = breakIt.apply(good);
        assertThat(broken).as("the edit applies").isNotEqualTo(good);
        Files.writeString(project.layout.snapshot(), broken, StandardCharsets.UTF_8);
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate("add phone"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("the snapshot")
                .hasMessageContaining("src/main/jpa-migrate/model.json")
                .hasMessageContaining(reason)
                .hasMessageContaining(fix)
                .hasMessageNotContaining("regenerate it with mvn compile");
        assertThat(project.sourceFiles()).isEqualTo(before);
        assertThat(project.read(project.layout.snapshot())).isEqualTo(broken);
    }

    @Test
    void aBrokenBuildDescriptorSaysToRecompile() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        List<String> before = project.sourceFiles();
        Files.writeString(project.layout.descriptor(), "{ \"format\": \"1.0\", ");

        assertThatThrownBy(() -> project.generate("again"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the model descriptor of this build cannot be read")
                .hasMessageContaining("target/classes/META-INF/jpa-migrate/model.json")
                .hasMessageContaining("truncated")
                .hasMessageContaining("mvn clean compile");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aBuildDescriptorFromANewerProcessorSaysToAlignTheVersions() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        Files.writeString(project.layout.descriptor(), new String(DescriptorJson.writeBytes(shop()), StandardCharsets.UTF_8)
                .replace("\"format\": \"1.0\"", "\"format\": \"4.0\""));

        assertThatThrownBy(() -> project.generate("initial"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("target/classes/META-INF/jpa-migrate/model.json was written in descriptor format 4.0 by a newer JPA Migrate")
                .hasMessageContaining("use the same version for jpa-migrate-processor and jpa-migrate-maven-plugin");
        assertThat(project.sourceFiles()).isEmpty();
    }

    @Test
    void aSnapshotWhoseMigrationFolderIsMissingIsRefused() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        deleteTree(project.layout.migrationDirectory());
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate("add phone"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("src/main/jpa-migrate/model.json describes the schema its migrations build, but the"
                        + " migration folder src/main/resources/db/migration")
                .hasMessageContaining("Restore the migration folder from version control");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void verifyWithASnapshotButNoMigrationFolderSaysWhatIsMissing() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        deleteTree(project.layout.migrationDirectory());

        assertThatThrownBy(() -> VerifyWorkflowTest.verify(project))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[replay] Flyway applied 0 migration(s) to a scratch sqlite database")
                .hasMessageContaining("table customer: in the model, not created by any migration");
    }

    @Test
    void aFileWhereTheMigrationFolderShouldBeIsNamed() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        Files.createDirectories(project.layout.migrationDirectory().getParent());
        Files.writeString(project.layout.migrationDirectory(), "not a folder");

        assertThatThrownBy(() -> project.generate("initial"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining(project.layout.migrationDirectory() + " is a file, not a folder")
                .hasMessageContaining("Move it away");
        assertThat(project.sourceFiles()).containsExactly("src/main/resources/db/migration");
    }

    @Test
    void anUnreadableMigrationFolderIsNamed() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        Path folder = project.layout.migrationDirectory();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(folder),
                    "this user (root?) reads a folder without read permission, so it cannot be made unreadable here");
            assertThatThrownBy(() -> project.generate("add phone"))
                    .isInstanceOf(ProjectFileException.class)
                    .hasMessageContaining(folder + " cannot be read")
                    .hasMessageContaining("permissions");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(project.sourceFiles()).filteredOn(f -> f.startsWith("src/main/resources"))
                .containsExactly("src/main/resources/db/migration/V1__initial.sql");
    }

    @Test
    void aSqlFileFlywayWouldSkipStopsGenerate() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V2-add-index.sql"), "create index i on customer (name);\n");
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate("add phone"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("holds .sql files that are not named like Flyway migrations, so Flyway would skip them")
                .hasMessageContaining("V2-add-index.sql")
                .hasMessageContaining("Rename each to V<version>__<description>.sql");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void twoMigrationsWithOneVersionStopGenerate() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V1_0__other_branch.sql"), "select 1;\n");
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate("add phone"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("has two migrations for one version")
                .hasMessageContaining("V1_0__other_branch.sql")
                .hasMessageContaining("V1__initial.sql")
                .hasMessageContaining("renumber the migration that has not been released yet");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aShadowDatabaseThatCannotBeReachedIsNamedWithoutItsPassword() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        // Port 1: nothing listens there. The password is given both ways a user might.
        ShadowDatabase shadow = new ShadowDatabase("jdbc:postgresql://127.0.0.1:1/test?user=ci&password=url-s3cret&ssl=false",
                "ci", "param-s3cret");
        ChangeOptions postgres = ChangeOptions.defaults();
        MigrationTargets target = MigrationTargets.single(Dialect.POSTGRESQL);

        assertThatThrownBy(() -> project.run(new GenerateRequest(project.layout, postgres, "initial", false,
                VersionScheme.SEQUENTIAL, shadow, target)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("cannot connect to the shadowUrl")
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/test?user=ci&password=***&ssl=false")
                .hasMessageContaining("check the URL, user and password")
                .hasMessageContaining("Nothing was written")
                .hasMessageNotContaining("s3cret");
        assertThat(project.sourceFiles()).isEmpty();

        assertThatThrownBy(() -> new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, postgres,
                MigrationTargets.defaultFlyway(project.layout), null, false, shadow, target)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageNotContaining("s3cret");
        assertThat(String.join("\n", project.info) + String.join("\n", project.warnings)).doesNotContain("s3cret");
        assertThat(project.read(project.layout.workDirectory().resolve("verify-report.json"))).doesNotContain("s3cret");
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
