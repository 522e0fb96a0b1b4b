package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.Snapshots;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The goals a developer runs, on a real project with the processor and the plugin: {@code generate}
 * writes the migration and the snapshot, {@code check} is green until an entity changes without a
 * migration, {@code diff} shows the SQL, and the migrations run under Flyway without losing a row.
 */
@EndToEnd
class GenerateGoalsIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final String BOOK = "src/main/java/com/example/library/Book.java";
    private static final String AUTHOR = "src/main/java/com/example/library/Author.java";

    @Test
    void generateThenCheckThenAnEntityChangeThenGenerateAgain(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("generate-sqlite");

        BuildResult first = project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
        assertThat(first.log()).contains("Wrote " + MIGRATIONS + "/V1__initial_schema.sql");
        assertThat(first.file(MIGRATIONS + "/V1__initial_schema.sql")).content()
                .startsWith("-- V1: initial schema\n")
                .contains("create table Author (", "create table Book (", "foreign key (author_id) references Author (id)");
        // the snapshot is the compiled model plus the migration it belongs to (for the branch checks)
        String snapshot = Files.readString(first.file("src/main/jpa-migrate/model.json"));
        assertThat(snapshot).contains("\"migrations\": [\n    { \"version\": \"1\", \"file\": \"V1__initial_schema.sql\", \"checksum\": ");
        assertThat(Snapshots.modelOnly(snapshot)).isEqualTo(Snapshots.modelOnly(
                Files.readString(first.file("target/classes/META-INF/jpa-migrate/model.json"))));
        assertThat(first.file("src/main/jpa-migrate/undo/U1__initial_schema.sql")).exists();

        project.build("jpa-migrate:check").assertSuccess();

        project.edit(BOOK, "    private Author author;", "    private Author author;\n\n    private String isbn;");
        BuildResult red = project.build("jpa-migrate:check").assertFailure();
        assertThat(red.log())
                .contains("the entity model differs from the snapshot src/main/jpa-migrate/model.json")
                .contains("  - add column Book.isbn varchar(255)")
                .contains("mvn jpa-migrate:generate -Dmessage=\"add book isbn\"")
                .doesNotContain("at io.github.jpamigrate.");

        BuildResult diff = project.build("jpa-migrate:diff").assertSuccess();
        assertThat(diff.log()).contains("alter table Book add column isbn varchar(255);");
        assertThat(migrations(project)).containsExactly("V1__initial_schema.sql");

        project.maven("jpa-migrate:generate").property("message", "add isbn").run().assertSuccess();
        assertThat(project.file(MIGRATIONS + "/V2__add_isbn.sql")).content().isEqualTo("""
                -- V2: add isbn
                --
                -- Changes:
                --   add column Book.isbn varchar(255)

                alter table Book add column isbn varchar(255);
                """);
        project.build("jpa-migrate:check").assertSuccess();
    }

    @Test
    void dialectsWriteOneFolderPerVendorAndVerifyReplaysEach(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("generate-sqlite")
                .edit("pom.xml", "<dialect>sqlite</dialect>", "<dialects>h2,sqlite</dialects>");

        BuildResult generate = project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
        assertThat(generate.log())
                .contains("Wrote " + MIGRATIONS + "/h2/V1__initial_schema.sql")
                .contains("Wrote " + MIGRATIONS + "/sqlite/V1__initial_schema.sql")
                .contains("Self-check passed on a scratch H2 database")
                .contains("Self-check passed on a scratch SQLite database");
        assertThat(project.file("src/main/jpa-migrate/undo/h2/U1__initial_schema.sql")).exists();

        BuildResult verify = project.build("compile", "jpa-migrate:verify").assertSuccess();
        assertThat(verify.log()).contains("PASSED  replay (h2) Flyway applied 1 migration(s)")
                .contains("PASSED  replay (sqlite) Flyway applied 1 migration(s)");

        // check-db reads the folder of the URL's vendor, and names a vendor that is not in the list.
        String url = "jdbc:sqlite:" + project.file("target/app.db");
        Flyway.configure(GenerateGoalsIT.class.getClassLoader()).dataSource(url, null, null)
                .locations("filesystem:" + project.file(MIGRATIONS + "/sqlite")).load().migrate();
        BuildResult checked = project.maven("jpa-migrate:check-db").property("jpamigrate.url", url)
                .property("jpamigrate.failOn", "all").run().assertSuccess();
        assertThat(checked.log()).contains("current version 1; 1 applied, 0 pending, 0 failed, 0 missing from the code")
                .contains("check-db passed");
        BuildResult other = project.maven("jpa-migrate:status").property("jpamigrate.url", "jdbc:postgresql://localhost:1/x")
                .run().assertFailure();
        assertThat(other.log()).contains("is a postgresql database, but jpamigrate.dialects lists h2,sqlite")
                .doesNotContain("at io.github.jpamigrate.");

        BuildResult both = project.maven("jpa-migrate:diff").property("jpamigrate.dialect", "h2").run().assertFailure();
        assertThat(both.log()).contains("both jpamigrate.dialect (h2) and jpamigrate.dialects (h2,sqlite) are set")
                .doesNotContain("at io.github.jpamigrate.");
    }

    @Test
    void aRebuildUnderFlywayKeepsTheRowsInsertedBeforeIt(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("generate-sqlite");
        project.build("jpa-migrate:generate").assertSuccess();
        String url = "jdbc:sqlite:" + project.file("target/app.db") + "?foreign_keys=true";
        migrate(project, url);
        execute(url, "insert into Author (name) values ('Ann'), ('Bob')",
                "insert into Book (title, author_id) values ('One', 1), ('Two', 1), ('Three', 2)");

        project.edit(AUTHOR, "length = 80", "length = 200")
                .edit(BOOK, "private String title;", "private String heading;");
        BuildResult guessed = project.build("jpa-migrate:generate").assertFailure();
        assertThat(guessed.log())
                .contains("column Book.title was dropped and Book.heading of the same type added")
                .contains("-Djpamigrate.rename=Book.title:heading")
                .contains("-Djpamigrate.allowDestructive=Book.title");
        assertThat(migrations(project)).containsExactly("V1__initial_schema.sql");

        project.maven("jpa-migrate:generate").property("jpamigrate.rename", "Book.title:heading")
                .property("message", "longer names, heading").run().assertSuccess();
        assertThat(migrations(project)).containsExactly("V1__initial_schema.sql",
                "V2__longer_names_heading.sql", "V2__longer_names_heading.sql.conf");
        assertThat(project.file(MIGRATIONS + "/V2__longer_names_heading.sql")).content()
                .contains("alter table Book rename column title to heading;", "create table jm_new_Author (");

        migrate(project, url);
        assertThat(query(url, "select count(*) from Author")).isEqualTo("2");
        assertThat(query(url, "select group_concat(heading, ',') from (select heading from Book order by id)"))
                .isEqualTo("One,Two,Three");
        project.build("jpa-migrate:check").assertSuccess();
    }

    private static List<String> migrations(TestProject project) throws IOException {
        try (Stream<Path> files = Files.list(project.file(MIGRATIONS))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Applies the project's migration folder as the application would at start-up. */
    private static void migrate(TestProject project, String url) {
        Flyway.configure(GenerateGoalsIT.class.getClassLoader())
                .dataSource(url, null, null)
                .locations("filesystem:" + project.file(MIGRATIONS))
                .load()
                .migrate();
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
