package io.github.jpamigrate.it.journey;

import static io.github.jpamigrate.it.journey.SqliteJourneyIT.ENTITIES;
import static io.github.jpamigrate.it.journey.SqliteJourneyIT.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jpamigrate.it.database.DatabaseServer;
import io.github.jpamigrate.it.database.RequiresDatabase;
import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.MavenBuild;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The journey of issue 18: an app with a SQLite history (as the Flask guides start) adds
 * PostgreSQL. {@code generate} refuses to write PostgreSQL's next migration alone and names
 * {@code baseline}; one {@code baseline} writes {@code postgresql/B<n>__baseline.sql} from the
 * snapshot; {@code verify} passes on both vendors with rows; the next entity change is one
 * migration per vendor; the application's PostgreSQL database is built from the baseline; and
 * Hibernate's schema validator accepts both vendors' databases for the entity classes.
 */
@EndToEnd
@DisplayName("Moving a SQLite project to PostgreSQL with jpa-migrate:baseline")
class MoveToPostgresqlJourneyIT {

    @Test
    @RequiresDatabase(DatabaseServer.POSTGRESQL)
    @DisplayName("SQLite history, then a PostgreSQL folder from one baseline command")
    void sqliteHistoryGetsAPostgresqlFolder(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("workshop");
        project.maven("jpa-migrate:generate").property("message", "initial schema").run().assertSuccess();
        project.edit(ENTITIES + "Participant.java", "    private Workshop workshop;",
                "    private Workshop workshop;\n\n    @Column(name = \"company_name\", length = 128)\n    private String companyName;");
        project.maven("jpa-migrate:generate").property("message", "add company name").run().assertSuccess();

        // The team lists both vendors and moves the SQLite history into its vendor folder.
        project.edit("pom.xml", "<jpamigrate.dialect>sqlite</jpamigrate.dialect>",
                "<jpamigrate.dialects>sqlite,postgresql</jpamigrate.dialects>");
        move(project.file(MIGRATIONS), "V");
        move(project.file("src/main/jpa-migrate/undo"), "U");
        DatabaseServer server = DatabaseServer.POSTGRESQL;

        BuildResult refused = withShadow(project.maven("jpa-migrate:generate").property("message", "next"), server)
                .run().assertFailure();
        assertThat(refused.log()).contains("db/migration/postgresql/ (postgresql) has none", "mvn jpa-migrate:baseline")
                .doesNotContain("No model change");

        BuildResult baseline = withShadow(project.maven("jpa-migrate:baseline"), server).run().assertSuccess();
        assertThat(baseline.log()).contains("Proven B2__baseline.sql (postgresql): on a scratch PostgreSQL database",
                "Wrote src/main/resources/db/migration/postgresql/B2__baseline.sql");
        assertThat(Files.readString(project.file(MIGRATIONS + "/postgresql/B2__baseline.sql")))
                .contains("create table Participant (", "company_name varchar(128)");

        BuildResult verify = withShadow(project.maven("jpa-migrate:verify"), server).run().assertSuccess();
        assertThat(verify.log()).contains("(postgresql)", "(sqlite)");

        project.edit(ENTITIES + "Workshop.java", "    private String title;",
                "    private String title;\n\n    @Column(length = 40)\n    private String venue;");
        withShadow(project.maven("jpa-migrate:generate").property("message", "add venue"), server).run().assertSuccess();
        assertThat(project.file(MIGRATIONS + "/sqlite/V3__add_venue.sql")).exists();
        assertThat(Files.readString(project.file(MIGRATIONS + "/postgresql/V3__add_venue.sql")))
                .contains("alter table Workshop add column venue varchar(40)");
        BuildResult second = withShadow(project.maven("jpa-migrate:verify"), server).run().assertSuccess();
        assertThat(second.log()).contains("PASSED  data (postgresql)", "PASSED  data (sqlite)",
                "PASSED  replay (postgresql) Flyway applied 2 migration(s)");

        String schema = server.createScratch("jm_baseline_");
        try {
            AppDatabase app = AppDatabase.server(server.scratchUrl(schema), server.user(), server.password(), schema);
            assertThat(app.migrate(project.file(MIGRATIONS + "/postgresql"))).as("B2, then V3").isEqualTo(2);
            app.execute("insert into Workshop (title, venue) values ('Kanban basics', 'Room 1')");
            assertThat(app.query("select venue from Workshop")).isEqualTo("Room 1");
            // Hibernate's own schema validator, as the application boots it, accepts what B2 and V3 built.
            HibernateValidator.server(project.file("target/classes"), server.scratchUrl(schema), server.user(),
                    server.password());
        } finally {
            server.dropScratch(schema);
        }
        // ... and it does look there: an empty schema beside it is missing every table.
        String empty = server.createScratch("jm_validate_");
        try {
            assertThatThrownBy(() -> HibernateValidator.server(project.file("target/classes"), server.scratchUrl(empty),
                    server.user(), server.password())).hasMessageContaining("Schema validation: missing table");
        } finally {
            server.dropScratch(empty);
        }

        // The SQLite application database, built through V1 to V3, passes Hibernate's validator too.
        Path sqliteFile = project.dir().resolveSibling("workshop-sqlite.db");
        AppDatabase sqlite = AppDatabase.sqlite(sqliteFile);
        assertThat(sqlite.migrate(project.file(MIGRATIONS + "/sqlite"))).as("V1 to V3").isEqualTo(3);
        // As Hibernate's SQLite dialect ships, its validator rejects the integer rowid id that Hibernate's own
        // DDL writes too (FACTS.md); told that integer holds a Long there, it accepts every table and column.
        assertThatThrownBy(() -> HibernateValidator.sqliteAsShipped(project.file("target/classes"), sqliteFile))
                .hasMessageContaining("wrong column type encountered in column [id] in table [games];"
                        + " found [integer (Types#INTEGER)], but expecting [bigint (Types#BIGINT)]");
        HibernateValidator.sqlite(project.file("target/classes"), sqliteFile);
    }

    private static MavenBuild withShadow(MavenBuild build, DatabaseServer server) {
        return build.property("jpamigrate.shadowUrl", server.jdbcUrl()).property("jpamigrate.shadowUser", server.user())
                .property("jpamigrate.shadowPassword", server.password());
    }

    /** {@code git mv folder/<prefix>*.sql folder/sqlite/}. */
    private static void move(Path folder, String prefix) throws Exception {
        Path sqlite = Files.createDirectories(folder.resolve("sqlite"));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.move(file, sqlite.resolve(file.getFileName()));
            }
        }
    }
}
