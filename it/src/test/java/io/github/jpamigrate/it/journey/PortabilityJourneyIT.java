package io.github.jpamigrate.it.journey;

import static io.github.jpamigrate.it.journey.SqliteJourneyIT.ENTITIES;
import static io.github.jpamigrate.it.journey.SqliteJourneyIT.MIGRATIONS;
import static io.github.jpamigrate.it.journey.SqliteJourneyIT.statements;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.database.DatabaseServer;
import io.github.jpamigrate.it.database.RequiresDatabase;
import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.MavenBuild;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Journey 10 (and 11 on PostgreSQL): the same workshop project written against
 * {@code javax.persistence} with Spring Boot's naming, and generated for PostgreSQL and MariaDB,
 * where {@code generate} proves each migration on a scratch schema of the real server
 * ({@code shadowUrl}) and Flyway then applies it to the application's database there.
 */
@EndToEnd
@DisplayName("User journeys across namespaces, naming rules and database servers")
class PortabilityJourneyIT {

    @Test
    @DisplayName("journey 10: javax.persistence entities with Spring Boot naming")
    void journey10JavaxPersistenceWithSpringBootNaming(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("workshop");
        toJavaxPersistence(project);

        BuildResult first = project.maven("jpa-migrate:generate").property("message", "initial schema")
                .property("jpamigrate.naming", "spring").run().assertSuccess();

        assertThat(first.log()).contains("Self-check passed on a scratch SQLite database");
        String v1 = Files.readString(project.file(MIGRATIONS + "/V1__initial_schema.sql"));
        assertThat(v1).contains("create table observation_record (", "create table \"user\" (",
                "create table user_roles (", "full_name varchar(100) not null", "starts_on date",
                "foreign key (session_id) references session (id)", "foreign key (invited_by_id) references \"user\" (id)");

        AppDatabase app = AppDatabase.sqlite(project.dir().resolveSibling("workshop.db"));
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        app.execute("insert into workshop (title, starts_on) values ('Kanban basics', '2026-03-02')",
                "insert into session (title, workshop_id) values ('Morning', 1)",
                "insert into observation_record (session_id, note, recorded_at) values (1, 'quiet', '2026-03-02 09:30')",
                "insert into \"user\" (email, display_name) values ('lead@example.com', 'Lead')",
                "insert into role (name) values ('ADMIN')",
                "insert into user_roles (user_id, roles_id) values (1, 1)");
        assertThat(app.query("select count(*) from observation_record join session on session.id = session_id"))
                .isEqualTo("1");
    }

    @Test
    @RequiresDatabase(DatabaseServer.POSTGRESQL)
    @DisplayName("journeys 10 and 11 on PostgreSQL: generate proven on a shadow schema, then a JSON column and completed_at")
    void journeys10And11OnPostgresql(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("workshop");
        DatabaseServer server = DatabaseServer.POSTGRESQL;
        String schema = server.createScratch("jm_journey_");
        try {
            BuildResult first = generate(project, server, "initial schema").run().assertSuccess();
            assertThat(first.log()).contains("Self-check passed on a scratch PostgreSQL database");
            assertThat(Files.readString(project.file(MIGRATIONS + "/V1__initial_schema.sql")))
                    .contains("create table \"user\" (", "create table games (", "create table ObservationRecord (");

            AppDatabase app = AppDatabase.server(server.scratchUrl(schema), server.user(),
                    server.password(), schema);
            assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
            app.execute("insert into Workshop (title) values ('Kanban basics')",
                    "insert into games (name, workshop_id) values ('Ball point game', 1)");

            project.edit(ENTITIES + "Game.java", "    private Workshop workshop;", JSON_AND_COMPLETED_AT);
            generate(project, server, "game rules and completion").run().assertSuccess();

            List<String> v2 = statements(Files.readString(project.file(MIGRATIONS + "/V2__game_rules_and_completion.sql")));
            // the online forms (on by default): a lock timeout and a statement timeout first
            assertThat(v2).containsExactly("set local lock_timeout = '5s';", "set local statement_timeout = '1min';",
                    "alter table games add column rules jsonb;",
                    "alter table games add column completed_at timestamp(6);");
            assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
            app.execute("update games set rules = '{\"rounds\": 5}', completed_at = timestamp '2026-03-02 11:30' where id = 1");
            assertThat(app.query("select rules ->> 'rounds' from games where id = 1")).isEqualTo("5");
            assertThat(app.rows("select column_name || ' ' || data_type from information_schema.columns"
                    + " where table_schema = '" + schema + "' and table_name = 'games' order by column_name"))
                    .contains("completed_at timestamp without time zone", "rules jsonb");
        } finally {
            server.dropScratch(schema);
        }
    }

    @Test
    @RequiresDatabase(DatabaseServer.MARIADB)
    @DisplayName("journeys 10 and 2 on MariaDB: generate proven on a shadow database, then a one-statement column")
    void journeys10And2OnMariadb(ProjectTemplates templates) throws Exception {
        TestProject project = templates.copy("workshop");
        DatabaseServer server = DatabaseServer.MARIADB;
        String database = server.createScratch("jm_journey_");
        try {
            BuildResult first = generate(project, server, "initial schema").run().assertSuccess();
            assertThat(first.log()).contains("Self-check passed on a scratch MariaDB database");
            assertThat(Files.readString(project.file(MIGRATIONS + "/V1__initial_schema.sql")))
                    .contains("create table `User` (", "id bigint not null auto_increment");

            AppDatabase app = AppDatabase.server(server.scratchUrl(database),
                    server.user(), server.password(), null);
            assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
            app.execute("insert into Workshop (title) values ('Kanban basics')",
                    "insert into Participant (fullName, email, workshop_id) values ('Ann Lee', 'ann@example.com', 1)");

            project.edit(ENTITIES + "Participant.java", "    private Workshop workshop;",
                    "    private Workshop workshop;\n\n    @Column(name = \"company_name\", length = 128)\n    private String companyName;");
            generate(project, server, "add company name").run().assertSuccess();

            assertThat(statements(Files.readString(project.file(MIGRATIONS + "/V2__add_company_name.sql"))))
                    .containsExactly("set session lock_wait_timeout = 5;",
                            "alter table Participant add column company_name varchar(128), algorithm=instant;");
            assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
            assertThat(app.rows("select fullName, company_name from Participant")).containsExactly("Ann Lee|null");
        } finally {
            server.dropScratch(database);
        }
    }

    /** Journey 11's edit of Game.java: the attributes a Flask model gets as {@code db.Column(db.JSON)} and a completion time. */
    static final String JSON_AND_COMPLETED_AT = "    private Workshop workshop;\n\n"
            + "    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)\n"
            + "    private java.util.Map<String, Object> rules;\n\n"
            + "    @Column(name = \"completed_at\")\n"
            + "    private java.time.LocalDateTime completedAt;";

    private static MavenBuild generate(TestProject project, DatabaseServer server, String message) {
        return project.maven("jpa-migrate:generate").property("message", message)
                .property("jpamigrate.dialect", server == DatabaseServer.POSTGRESQL ? "postgresql" : "mariadb")
                .property("jpamigrate.shadowUrl", server.jdbcUrl())
                .property("jpamigrate.shadowUser", server.user());
    }

    /** What a team moving from Java EE 8 / Spring Boot 2 has: the same entities, imports from javax.persistence. */
    private static void toJavaxPersistence(TestProject project) throws IOException {
        try (Stream<Path> sources = Files.walk(project.file("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.writeString(source, Files.readString(source).replace("import jakarta.persistence.", "import javax.persistence."));
            }
        }
        project.edit("pom.xml",
                "<artifactId>jakarta.persistence-api</artifactId>\n      <version>3.2.0</version>",
                "<artifactId>javax.persistence-api</artifactId>\n      <version>2.2</version>")
                .edit("pom.xml", "<groupId>jakarta.persistence</groupId>", "<groupId>javax.persistence</groupId>");
    }
}
