package io.github.jpamigrate.it.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The journeys of docs/guide.md on SQLite, as one project lives through them: each step is a
 * developer's edit, a real {@code mvn} build, the review of what it wrote, and Flyway applying it
 * to the application's database that holds rows from the first step on. The steps build on each
 * other and run in order; a step whose predecessor failed is skipped, not failed again.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("User journeys on SQLite, one workshop project from its first migration on")
class SqliteJourneyIT {

    static final String MIGRATIONS = "src/main/resources/db/migration";
    static final String UNDO = "src/main/jpa-migrate/undo";
    static final String ENTITIES = "src/main/java/com/example/workshop/";

    private TestProject project;
    private AppDatabase app;
    private int stepsPassed;
    /** The application database's schema and rows just before V5 and just after it. */
    private Map<String, List<String>> schemaBeforeCascade;
    private Map<String, List<String>> rowsBeforeCascade;
    private Map<String, List<String>> schemaAfterCascade;

    @Test
    @Order(1)
    @DisplayName("journey 1: a new project's first generate creates the whole schema")
    void journey1FirstGenerateCreatesTheWholeSchema(ProjectTemplates templates) throws Exception {
        project = templates.copy("workshop");
        app = AppDatabase.sqlite(project.dir().resolveSibling("workshop.db"));

        BuildResult first = generate("initial schema").assertSuccess();

        assertThat(first.log()).contains("Wrote " + MIGRATIONS + "/V1__initial_schema.sql")
                .contains("Self-check passed on a scratch SQLite database");
        assertThat(migration("V1__initial_schema.sql")).startsWith("-- V1: initial schema\n").contains(
                "create table Workshop (", "create table Participant (", "create table Session (",
                "create table ObservationRecord (", "create table \"User\" (", "create table Role (",
                "create table User_Role (", "create table Invitation (", "create table games (",
                "foreign key (session_id) references Session (id)");
        assertThat(project.file("src/main/jpa-migrate/model.json")).exists();
        assertThat(project.file(UNDO + "/U1__initial_schema.sql")).exists();

        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        assertThat(app.rows("select name from sqlite_schema where type = 'table' and name not like 'flyway%' order by name"))
                .containsExactly("Invitation", "ObservationRecord", "Participant", "Role", "Session", "User", "User_Role",
                        "Workshop", "games");
        app.execute(
                "insert into Workshop (title, location, startsOn) values ('Kanban basics', 'Room 1', '2026-03-02'),"
                        + " ('Retrospectives', 'Room 2', '2026-04-13')",
                "insert into Participant (fullName, email, workshop_id) values ('Ann Lee', 'ann@example.com', 1),"
                        + " ('Bob Ray', 'bob@example.com', 1), ('Cy Dunn', 'cy@example.com', 2)",
                "insert into Session (title, startsAt, workshop_id) values ('Morning', '2026-03-02 09:00', 1),"
                        + " ('Afternoon', '2026-03-02 14:00', 1)",
                "insert into ObservationRecord (session_id, participant_id, note) values (1, 1, 'asks good questions'),"
                        + " (1, 2, 'quiet'), (2, 1, 'leads the exercise'), (2, null, 'room too warm')",
                "insert into \"User\" (email, displayName) values ('lead@example.com', 'Lead'), ('coach@example.com', 'Coach')",
                "insert into Role (name) values ('ADMIN'), ('COACH')",
                "insert into User_Role (User_id, roles_id) values (1, 1), (2, 2)",
                "insert into Invitation (workshop_id, invitedBy_id, email, token, status) values"
                        + " (1, 1, 'dee@example.com', 't-1', 'PENDING'), (2, 2, 'eve@example.com', 't-2', 'ACCEPTED')",
                "insert into games (name, workshop_id) values ('Ball point game', 1)");
        stepsPassed = 1;
    }

    @Test
    @Order(2)
    @DisplayName("journey 2: a nullable column added to an entity is a one-statement migration")
    void journey2NullableColumnIsOneStatement() throws Exception {
        requireSteps(1);
        project.edit(ENTITIES + "Participant.java", "    private Workshop workshop;",
                "    private Workshop workshop;\n\n    @Column(name = \"company_name\", length = 128)\n    private String companyName;");

        generate("add company name").assertSuccess();

        assertThat(migration("V2__add_company_name.sql")).isEqualTo("""
                -- V2: add company name
                --
                -- Changes:
                --   add column Participant.company_name varchar(128)

                alter table Participant add column company_name varchar(128);
                """);
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        assertThat(app.rows("select fullName, company_name from Participant order by id"))
                .containsExactly("Ann Lee|null", "Bob Ray|null", "Cy Dunn|null");
        stepsPassed = 2;
    }

    @Test
    @Order(3)
    @DisplayName("journey 3: a new entity with a foreign key to an existing one")
    void journey3NewEntityWithForeignKey() throws Exception {
        requireSteps(2);
        Files.writeString(project.file(ENTITIES + "Feedback.java"), """
                package com.example.workshop;

                import jakarta.persistence.Column;
                import jakarta.persistence.Entity;
                import jakarta.persistence.GeneratedValue;
                import jakarta.persistence.GenerationType;
                import jakarta.persistence.Id;
                import jakarta.persistence.ManyToOne;

                @Entity
                public class Feedback {

                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;

                    @ManyToOne(optional = false)
                    private Session session;

                    private int rating;

                    @Column(length = 1000)
                    private String comment;
                }
                """);

        generate("add feedback").assertSuccess();

        String v3 = migration("V3__add_feedback.sql");
        assertThat(v3).contains("--   add table Feedback", "create table Feedback (",
                "foreign key (session_id) references Session (id)");
        assertThat(statements(v3)).hasSize(1);
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        app.execute("insert into Feedback (session_id, rating, comment) values (1, 5, 'great')");
        assertThatThrownBy(() -> app.execute("insert into Feedback (session_id, rating) values (99, 1)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY constraint failed");
        stepsPassed = 3;
    }

    @Test
    @Order(4)
    @DisplayName("journey 5: a NOT NULL column on a table with rows: refused without a value, generated with a default")
    void journey5NotNullColumnWithDefault() throws Exception {
        requireSteps(3);
        project.edit(ENTITIES + "User.java", "    private Set<Role> roles;",
                "    private Set<Role> roles;\n\n    @Column(nullable = false, length = 20)\n    private String role;");

        // As the Flask guides warn: NOT NULL without a value for the existing rows would fail on them.
        BuildResult refused = generate("add user role").assertFailure();
        assertThat(refused.log()).contains("give the column a default (@ColumnDefault) or a backfill value with"
                + " -Djpamigrate.backfill=User.role=<sql literal>").doesNotContain("at io.github.jpamigrate.");
        assertThat(migrations()).noneMatch(name -> name.startsWith("V4"));

        project.edit(ENTITIES + "User.java", "    @Column(nullable = false, length = 20)\n    private String role;",
                "    @org.hibernate.annotations.ColumnDefault(\"'user'\")\n"
                        + "    @Column(nullable = false, length = 20)\n    private String role;");
        generate("add user role").assertSuccess();

        String v4 = migration("V4__add_user_role.sql");
        assertThat(statements(v4)).containsExactly("alter table \"User\" add column role varchar(20) not null default 'user';");
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        app.execute("insert into \"User\" (email) values ('new@example.com')");
        assertThat(app.rows("select email, role from \"User\" order by id"))
                .containsExactly("lead@example.com|user", "coach@example.com|user", "new@example.com|user");
        stepsPassed = 4;
    }

    @Test
    @Order(5)
    @DisplayName("journey 4: children deleted with their parent (@OnDelete CASCADE) on SQLite with rows and foreign keys ON: a rebuild that loses no row")
    void journey4CascadeRebuildLosesNoRow() throws Exception {
        requireSteps(4);
        project.edit(ENTITIES + "ObservationRecord.java", "    @ManyToOne(optional = false)\n    private Session session;",
                "    @ManyToOne(optional = false)\n"
                        + "    @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)\n"
                        + "    private Session session;");

        generate("cascade observation records").assertSuccess();

        String v5 = migration("V5__cascade_observation_records.sql");
        assertThat(v5).contains("pragma foreign_keys = off;", "create table jm_new_ObservationRecord (",
                "on delete cascade", "insert into jm_new_ObservationRecord (", "drop table ObservationRecord;",
                "alter table jm_new_ObservationRecord rename to ObservationRecord;", "pragma foreign_keys = on;");
        assertThat(project.file(MIGRATIONS + "/V5__cascade_observation_records.sql.conf"))
                .content().isEqualTo("executeInTransaction=false\n");

        schemaBeforeCascade = app.sqliteSchema();
        rowsBeforeCascade = app.sqliteRows();
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        schemaAfterCascade = app.sqliteSchema();
        // Every row of every table is still there; only the foreign key of ObservationRecord changed.
        assertThat(app.sqliteRows()).isEqualTo(rowsBeforeCascade);
        assertThat(rowsBeforeCascade.get("ObservationRecord")).hasSize(4);
        assertThat(schemaAfterCascade).containsAllEntriesOf(without(schemaBeforeCascade, "ObservationRecord"));
        assertThat(schemaAfterCascade.get("ObservationRecord"))
                .contains("foreign key session_id -> Session(id) on delete CASCADE");
        assertThat(app.query("select sql from sqlite_schema where name = 'ObservationRecord'")).contains("on delete cascade");

        // The point of the change: deleting a session now deletes its records (rolled back, the rows are needed later).
        try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("delete from Session where id = 2");
            try (var rows = statement.executeQuery("select count(*) from ObservationRecord")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
            connection.rollback();
        }
        assertThat(app.query("select count(*) from ObservationRecord")).isEqualTo("4");
        stepsPassed = 5;
    }

    @Test
    @Order(6)
    @DisplayName("journey 12: undo the last migration, remove its history row, re-apply: back where it started")
    void journey12UndoAndReapply() throws Exception {
        requireSteps(5);
        Path undo = project.file(UNDO + "/U5__cascade_observation_records.sql");
        assertThat(undo).exists();

        // docs/guide.md, "Undo a migration": run the undo script, then delete Flyway's history row of the version.
        runScript(undo);
        app.execute("delete from flyway_schema_history where version = '5'");

        assertThat(app.sqliteSchema()).isEqualTo(schemaBeforeCascade);
        assertThat(app.sqliteRows()).isEqualTo(rowsBeforeCascade);

        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        assertThat(app.sqliteSchema()).isEqualTo(schemaAfterCascade);
        assertThat(app.sqliteRows()).isEqualTo(rowsBeforeCascade);
        stepsPassed = 6;
    }

    @Test
    @Order(7)
    @DisplayName("journey 6: a wider column (company_name 128 -> 256) keeps every row")
    void journey6WiderColumn() throws Exception {
        requireSteps(6);
        project.edit(ENTITIES + "Participant.java", "length = 128", "length = 256");

        generate("wider company name").assertSuccess();

        String v6 = migration("V6__wider_company_name.sql");
        assertThat(v6).contains("--   change column Participant.company_name: type varchar(128) -> varchar(256)",
                "create table jm_new_Participant (", "company_name varchar(256)");
        Map<String, List<String>> before = app.sqliteRows();
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        assertThat(app.sqliteRows()).isEqualTo(before);
        assertThat(app.sqliteSchema().get("Participant")).contains("column company_name varchar(256) notnull=0 default= pk=0");
        stepsPassed = 7;
    }

    @Test
    @Order(8)
    @DisplayName("journeys 6 and 7: narrowing a column and removing a field are refused until acknowledged with allowDestructive")
    void journeys6And7DestructiveChangesNeedAcknowledging() throws Exception {
        requireSteps(7);
        project.edit(ENTITIES + "Participant.java", "length = 256", "length = 128")
                .edit(ENTITIES + "Workshop.java", "    @Column(length = 80)\n    private String location;\n\n", "");

        BuildResult refused = generate("drop location").assertFailure();

        assertThat(refused.log())
                .contains("the model change would lose data or fail on a table that has rows")
                .contains("column Participant.company_name changes from varchar(256) to varchar(128),"
                        + " which may not hold every existing value (narrowing): acknowledge with"
                        + " -Djpamigrate.allowDestructive=Participant.company_name")
                .contains("column Workshop.location and its values would be dropped (drop column): acknowledge with"
                        + " -Djpamigrate.allowDestructive=Workshop.location")
                .doesNotContain("at io.github.jpamigrate.");
        assertThat(migrations()).noneMatch(name -> name.startsWith("V7"));

        project.maven("jpa-migrate:generate").property("message", "drop location")
                .property("jpamigrate.allowDestructive", "Participant.company_name,Workshop.location").run().assertSuccess();

        String v7 = migration("V7__drop_location.sql");
        assertThat(v7).contains("--   drop column Workshop.location", "company_name varchar(128)");
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        assertThat(app.rows("select * from Workshop order by id"))
                .containsExactly("1|Kanban basics|2026-03-02", "2|Retrospectives|2026-04-13");
        assertThat(app.query("select count(*) from Participant")).isEqualTo("3");
        assertThat(app.query("select count(*) from ObservationRecord")).isEqualTo("4");
        stepsPassed = 8;
    }

    @Test
    @Order(9)
    @DisplayName("journey 11: a JSON column (@JdbcTypeCode(SqlTypes.JSON)) and a completed_at timestamp added to games")
    void journey11JsonAndTimestampColumns() throws Exception {
        requireSteps(8);
        project.edit(ENTITIES + "Game.java", "    private Workshop workshop;", PortabilityJourneyIT.JSON_AND_COMPLETED_AT);

        generate("game rules and completion").assertSuccess();

        assertThat(statements(migration("V8__game_rules_and_completion.sql"))).containsExactlyInAnyOrder(
                "alter table games add column completed_at timestamp;",
                "alter table games add column rules clob;");
        assertThat(app.migrate(project.file(MIGRATIONS))).isEqualTo(1);
        app.execute("update games set rules = '{\"rounds\": 5, \"timebox\": \"2m\"}', completed_at = '2026-03-02 11:30' where id = 1");
        assertThat(app.query("select json_extract(rules, '$.rounds') from games where id = 1")).isEqualTo("5");
        stepsPassed = 9;
    }

    @Test
    @Order(10)
    @DisplayName("journey 8: mvn verify is green with every change migrated, and red naming the change and the command when one is not")
    void journey8ForgottenMigrationFailsVerify() throws Exception {
        requireSteps(9);
        BuildResult green = project.build("verify").assertSuccess();
        assertThat(green.log())
                .contains("PASSED  check")
                .contains("PASSED  replay Flyway applied 8 migration(s)")
                .contains("PASSED  data");

        project.edit(ENTITIES + "Session.java", "    private LocalDateTime startsAt;",
                "    private LocalDateTime startsAt;\n\n    @Column(length = 40)\n    private String room;");
        BuildResult red = project.build("verify").assertFailure();

        assertThat(red.log())
                .contains("the entity model differs from the snapshot src/main/jpa-migrate/model.json")
                .contains("  - add column Session.room varchar(40)")
                .contains("mvn jpa-migrate:generate -Dmessage=\"add session room\"")
                .doesNotContain("at io.github.jpamigrate.");
        assertThat(migrations()).noneMatch(name -> name.startsWith("V9"));
        stepsPassed = 10;
    }

    private void requireSteps(int steps) {
        Assumptions.assumeTrue(stepsPassed >= steps, "an earlier step of this project's journey did not pass");
    }

    private BuildResult generate(String message) {
        return project.maven("jpa-migrate:generate").property("message", message).run();
    }

    private String migration(String name) throws IOException {
        return Files.readString(project.file(MIGRATIONS + "/" + name));
    }

    private List<String> migrations() throws IOException {
        try (Stream<Path> files = Files.list(project.file(MIGRATIONS))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The SQL statements of a generated script: its lines that are not comments, split at the {@code ;} ending a line. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return Stream.of(sql.toString().split(";\n")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s + ";").toList();
    }

    /** Runs a script as a user does with {@code sqlite3 app.db < script}: one statement after the other, auto-commit. */
    private void runScript(Path script) throws Exception {
        try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements(Files.readString(script))) {
                statement.execute(sql.substring(0, sql.length() - 1));
            }
        }
    }

    private static Map<String, List<String>> without(Map<String, List<String>> schema, String table) {
        Map<String, List<String>> rest = new LinkedHashMap<>(schema);
        rest.remove(table);
        return rest;
    }
}
