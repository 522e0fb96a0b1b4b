package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;

/**
 * {@code verify} as a release pipeline runs it, on a real project in a real git repository:
 * {@code mvn verify} enforces it through the default phase, and {@code -Djpamigrate.base=<tag>}
 * adds the checks against the release.
 */
@EndToEnd
class VerifyGoalIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final String BOOK = "src/main/java/com/example/library/Book.java";
    private static final String REPORT = "target/jpa-migrate/verify-report.json";

    @Test
    void aReleaseThenAChangeWithItsMigrationIsGreenAndAnEditedReleasedMigrationIsRed(ProjectTemplates templates)
            throws Exception {
        TestProject project = templates.copy("verify-sqlite");
        try (Git git = Git.init().setDirectory(project.dir().toFile()).call()) {
            project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
            commit(git, "initial schema");
            git.tag().setName("v1.0.0").call();

            project.edit(BOOK, "    private Author author;", "    private Author author;\n\n    private String isbn;");
            BuildResult red = project.build("verify").assertFailure();
            assertThat(red.log())
                    .contains("[check] the entity model differs from the snapshot")
                    .contains("column Book.isbn: in the model, not created by any migration")
                    .doesNotContain("at io.github.jpamigrate.");
            assertThat(red.file(REPORT)).content().contains("\"outcome\" : \"failed\"");

            project.maven("jpa-migrate:generate").property("message", "add isbn").run().assertSuccess();
            commit(git, "isbn");
            BuildResult green = project.maven("verify").property("jpamigrate.base", "v1.0.0").run().assertSuccess();
            assertThat(green.log())
                    .contains("PASSED  check")
                    .contains("PASSED  replay Flyway applied 2 migration(s)")
                    .contains("PASSED  data")
                    .contains("PASSED  git    1 released migration(s) unchanged since v1.0.0")
                    // No forked compile inside the lifecycle: it would point the project's artifact at target/classes.
                    .doesNotContain("Overwriting artifact's file");
            assertThat(green.file(REPORT)).content().contains("\"outcome\" : \"passed\"").contains("V2__add_isbn.sql");

            Path v1 = project.file(MIGRATIONS + "/V1__initial_schema.sql");
            Files.writeString(v1, Files.readString(v1).replace("varchar(120)", "varchar(100)"));
            BuildResult edited = project.maven("jpa-migrate:verify").property("jpamigrate.base", "v1.0.0").run().assertFailure();
            assertThat(edited.log())
                    .contains(MIGRATIONS + "/V1__initial_schema.sql was edited since v1.0.0")
                    .contains("git checkout v1.0.0 -- " + MIGRATIONS + "/V1__initial_schema.sql")
                    .doesNotContain("at io.github.jpamigrate.");
        }
    }

    @Test
    void aDuplicateVersionFromAMergedBranchAndAMissingTagAreRed(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("verify-sqlite");
        try (Git git = Git.init().setDirectory(project.dir().toFile()).call()) {
            project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
            commit(git, "initial schema");
            git.tag().setName("v1.0.0").call();
            project.edit(BOOK, "    private Author author;", "    private Author author;\n\n    private String isbn;");
            project.maven("jpa-migrate:generate").property("message", "add isbn").run().assertSuccess();
            commit(git, "isbn");
            // The other branch also took V2 for its change.
            Files.writeString(project.file(MIGRATIONS + "/V2__add_shelf.sql"), "alter table Book add column shelf integer;\n");

            BuildResult clash = project.maven("jpa-migrate:verify").property("jpamigrate.base", "v1.0.0").run().assertFailure();
            assertThat(clash.log())
                    .contains("[git] two migrations claim version 2")
                    .contains("to V3__<description>.sql")
                    .doesNotContain("at io.github.jpamigrate.");

            Files.delete(project.file(MIGRATIONS + "/V2__add_shelf.sql"));
            BuildResult missing = project.maven("jpa-migrate:verify").property("jpamigrate.base", "v0.9").run().assertFailure();
            assertThat(missing.log())
                    .contains("jpamigrate.base=v0.9 is not a tag, branch or commit")
                    .contains("git fetch origin --tags")
                    .doesNotContain("at io.github.jpamigrate.");
        }
    }

    @Test
    void rowsSurviveARebuildAndAHandWrittenMigrationThatMissesAColumnIsRed(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("verify-sqlite");
        try (Git git = Git.init().setDirectory(project.dir().toFile()).call()) {
            project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
            commit(git, "initial schema");
            git.tag().setName("v1.0.0").call();

            // A longer Author.name rebuilds Author on SQLite, and Book rows refer to it.
            project.edit("src/main/java/com/example/library/Author.java", "length = 80", "length = 200");
            project.maven("jpa-migrate:generate").property("message", "longer names").run().assertSuccess();
            commit(git, "longer names");
            BuildResult green = project.maven("verify").property("jpamigrate.base", "v1.0.0").run().assertSuccess();
            assertThat(green.log()).contains("PASSED  data   2 table(s) seeded with 3 row(s) each before the 1 migration(s)"
                    + " added since v1.0.0 (V2__longer_names.sql); every row is still there");

            // Written by hand, with a typo, and the snapshot brought up to date by hand too.
            project.edit(BOOK, "    private Author author;", "    private Author author;\n\n    private String isbn;");
            project.build("compile").assertSuccess();
            Files.copy(project.file("target/classes/META-INF/jpa-migrate/model.json"),
                    project.file("src/main/jpa-migrate/model.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(project.file(MIGRATIONS + "/V3__isbn.sql"), "alter table Book add column isbm varchar(255);\n");
            BuildResult red = project.build("verify").assertFailure();
            assertThat(red.log())
                    .contains("column Book.isbn: in the model, not created by any migration")
                    .contains("column Book.isbm: created by the migrations (varchar(255)), not in the model")
                    .doesNotContain("[check]")
                    .doesNotContain("at io.github.jpamigrate.");
        }
    }

    /**
     * Issue 18 item 3: a migration Flyway cannot apply is reported with its file, line, statement,
     * the database's words and the likely cause, and none of Flyway's java.util.logging lines
     * (timestamp line, then {@code SEVERE: Migration of schema ... failed!}) reach Maven's output.
     */
    @Test
    void aMigrationFlywayCannotApplyIsNamedWithItsLikelyCauseAndNoFlywayLogLine(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("verify-sqlite");
        project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
        Files.writeString(project.file(MIGRATIONS + "/V2__backfill.sql"),
                "-- written by hand, against a table an older schema had\ninsert into legacy_book (id) values (1);\n");

        BuildResult red = project.build("verify").assertFailure();

        assertThat(red.log())
                .contains("V2__backfill.sql line 2: no such table: legacy_book")
                .contains("the statement: insert into legacy_book (id) values (1)")
                .contains("likely cause: no migration before this one in")
                .contains("the migrations do not apply even to an empty database (see the replay step)")
                .doesNotContain("A NOT NULL column needs a default")
                .doesNotContain("SEVERE:", "org.flywaydb.core", "Run Flyway with -X", "help.red-gate.com")
                .doesNotContain("at io.github.jpamigrate.");
    }

    @Test
    void anOutOfOrderVersionIsRedUnlessDeclaredAndAShallowCloneSaysToFetchTheHistory(ProjectTemplates templates)
            throws Exception {
        TestProject project = templates.copy("verify-sqlite");
        try (Git git = Git.init().setDirectory(project.dir().toFile()).call()) {
            project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
            Files.writeString(project.file(MIGRATIONS + "/V3__audit.sql"), "create table audit (id integer primary key);\n"
                    + "drop table audit;\n");
            commit(git, "initial schema and V3");
            git.tag().setName("v1.0.0").call();
            Files.writeString(project.file(MIGRATIONS + "/V2__late.sql"), "create table late (id integer primary key);\n"
                    + "drop table late;\n");
            commit(git, "a late V2");

            BuildResult late = project.maven("jpa-migrate:verify").property("jpamigrate.base", "v1.0.0").run().assertFailure();
            assertThat(late.log())
                    .contains("V2__late.sql was added since v1.0.0 but sorts before V3")
                    .contains("-Djpamigrate.outOfOrder=true");
            project.maven("jpa-migrate:verify").property("jpamigrate.base", "v1.0.0")
                    .property("jpamigrate.outOfOrder", "true").run().assertSuccess();
        }

        // CI's default checkout: one commit deep, no tags.
        Path full = project.dir().resolveSibling("full-clone");
        Git.cloneRepository().setURI(project.dir().toUri().toString()).setDirectory(full.toFile()).call().close();
        deleteTree(project.dir());
        Git.cloneRepository().setURI(full.toUri().toString()).setDirectory(project.dir().toFile()).setDepth(1)
                .setNoTags().call().close();
        Files.createDirectories(project.file(".mvn"));
        BuildResult shallow = project.maven("verify").property("jpamigrate.base", "v1.0.0").run().assertFailure();
        assertThat(shallow.log())
                .contains("jpamigrate.base=v1.0.0 is not in this clone: it is a shallow clone")
                .contains("git fetch --unshallow --tags")
                .contains("fetch-depth: 0")
                .doesNotContain("at io.github.jpamigrate.");
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void commit(Git git, String message) throws GitAPIException, IOException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }
}
