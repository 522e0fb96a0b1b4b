package io.github.jpamigrate.it;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.Snapshots;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code init} adopting a real project: one with entities and nothing else gets its first
 * migration, one with hand-written Flyway migrations gets a snapshot that makes {@code check}
 * name exactly what those migrations lack.
 */
@EndToEnd
class InitGoalIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final String SNAPSHOT = "src/main/jpa-migrate/model.json";

    /** The library as a team wrote it by hand before JPA Migrate: everything but Book.isbn. */
    private static final String HAND_WRITTEN = """
            CREATE TABLE Author (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                name VARCHAR(80) NOT NULL
            );
            CREATE TABLE Book (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                title VARCHAR(120) NOT NULL,
                author_id BIGINT NOT NULL REFERENCES Author (id)
            );
            """;

    @Test
    void aProjectWithEntitiesOnlyGetsItsFirstMigrationAndSnapshot(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("init-sqlite");

        BuildResult init = project.build("jpa-migrate:init").assertSuccess();

        assertThat(init.log()).contains("No migrations in " + MIGRATIONS + ": writing the first one from the entity model.")
                .contains("Wrote " + MIGRATIONS + "/V1__initial_schema.sql", "Wrote " + SNAPSHOT);
        assertThat(migrations(project)).containsExactly("V1__initial_schema.sql");
        assertThat(Snapshots.modelOnly(Files.readString(project.file(SNAPSHOT)))).isEqualTo(Snapshots.modelOnly(
                Files.readString(project.file("target/classes/META-INF/jpa-migrate/model.json"))));
        project.build("jpa-migrate:check").assertSuccess();

        BuildResult again = project.build("jpa-migrate:init").assertFailure();
        assertThat(again.log()).contains("the project already has a snapshot (" + SNAPSHOT + ")")
                .contains("-Djpamigrate.force=true").doesNotContain("at io.github.jpamigrate.");
    }

    @Test
    void handWrittenMigrationsAreAdoptedAndTheMissingColumnIsTheOnlyChange(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("init-sqlite");
        Files.createDirectories(project.file(MIGRATIONS));
        Files.writeString(project.file(MIGRATIONS + "/V1__library.sql"), HAND_WRITTEN);

        BuildResult init = project.build("jpa-migrate:init").assertSuccess();

        assertThat(init.log())
                .contains("Flyway replayed 1 migration(s) of " + MIGRATIONS + " on a scratch SQLite database; 0 difference(s)"
                        + " from the entity model are accepted as the migrations made them, 1 change(s) the model needs are"
                        + " still pending.")
                .contains("  - add column Book.isbn varchar(20)")
                .contains("Wrote " + SNAPSHOT);
        assertThat(migrations(project)).containsExactly("V1__library.sql");
        BuildResult check = project.build("jpa-migrate:check").assertFailure();
        assertThat(check.log()).contains("the entity model differs from the snapshot " + SNAPSHOT)
                .contains("[ERROR]   - add column Book.isbn varchar(20)\n[ERROR] Run:");

        project.maven("jpa-migrate:generate").property("message", "add isbn").run().assertSuccess();

        assertThat(migrations(project)).containsExactly("V1__library.sql", "V2__add_isbn.sql");
        assertThat(Files.readString(project.file(MIGRATIONS + "/V2__add_isbn.sql")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("--")))
                .containsExactly("alter table Book add column isbn varchar(20);");
        project.build("compile", "jpa-migrate:verify").assertSuccess();
    }

    private static List<String> migrations(TestProject project) throws IOException {
        try (Stream<Path> files = Files.list(project.file(MIGRATIONS))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
