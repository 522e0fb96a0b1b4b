package io.github.jpamigrate.processor.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated {@code JpaMigrateSchema} class against real SQLite, H2, PostgreSQL and MariaDB: a
 * schema our migration builds for a fixture has no mismatch; a database that lags behind (a column
 * or table dropped, NOT NULL lost) gets exactly the sentences a user should read, while tables and
 * columns the model does not know and tables in other schemas do not count.
 */
class RuntimeSchemaCheckTest {

    private static final List<Dialect> ENGINES = List.of(Dialect.SQLITE, Dialect.H2, Dialect.POSTGRESQL, Dialect.MARIADB);
    private static final String ADVICE = " (the database lags behind the model; run the pending Flyway migrations)";

    /**
     * Fixtures whose schema the check finds lacking, with the exact mismatches: the renderers do not
     * qualify tables with their {@code @Table(schema = ...)} yet (see SchemaValidatorOracleTest), so
     * the table lands in the current schema where the check does not look for it. SQLite has no schemas.
     */
    private static final Map<String, List<String>> KNOWN = Map.of(
            "access on h2", List.of("table audit.audit_event is missing" + ADVICE),
            "access on postgresql", List.of("table audit.audit_event is missing" + ADVICE),
            "access on mariadb", List.of("table audit.audit_event is missing" + ADVICE));

    private static final Fixture GARAGE = new Fixture("garage", Map.of(
            "com.acme.garage.model.Workshop", """
                    package com.acme.garage.model;
                    import jakarta.persistence.*;
                    @Entity
                    public class Workshop {
                        @Id Long id;
                        @Column(nullable = false) String title;
                        java.time.LocalDateTime completedAt;
                    }
                    """,
            "com.acme.garage.staff.Mechanic", """
                    package com.acme.garage.staff;
                    import jakarta.persistence.*;
                    import com.acme.garage.model.Workshop;
                    @Entity
                    public class Mechanic { @Id Long id; @ManyToOne Workshop workshop; String name; }
                    """));

    @TestFactory
    Stream<DynamicTest> schemaBuiltByOurMigrationMatches() {
        return Fixture.names().stream().flatMap(fixture -> ENGINES.stream()
                .map(dialect -> dynamicTest(fixture + " on " + dialect, () -> matches(fixture, dialect))));
    }

    @TestFactory
    Stream<DynamicTest> databaseThatLagsBehindIsReported() {
        return ENGINES.stream().map(dialect -> dynamicTest("garage on " + dialect, () -> lagsBehind(dialect)));
    }

    private static void matches(String fixture, Dialect dialect) throws Exception {
        FixtureBuild build = FixtureBuild.of(Fixture.load(fixture), HibernateOracleTest.processorOptions(Naming.JPA));
        Class<?> schema = build.schemaClass();
        assertThat(schema.getField("MODEL_HASH").get(null))
                .isEqualTo(ModelHash.of(build.descriptorText().getBytes(StandardCharsets.UTF_8)));
        try (Scratch scratch = Scratch.create(dialect); Connection c = scratch.connect()) {
            FirstMigration.apply(c, dialect, build.descriptor());
            List<String> known = KNOWN.getOrDefault(fixture + " on " + dialect, List.of());
            List<Table> projectOwned = build.descriptor().tables().stream()
                    .filter(t -> t.kind() == TableKind.VIEW || t.kind() == TableKind.EXTERNAL).toList();
            if (!projectOwned.isEmpty()) {
                // views and @Immutable objects are the project's own migrations' to create (an R__ view):
                // until they exist, the check names them; a subselect entity has no object to check
                List<String> missing = new java.util.ArrayList<>(known);
                projectOwned.forEach(t -> missing.add("table " + t.name() + " is missing" + ADVICE));
                assertThat(mismatches(schema, c)).containsExactlyInAnyOrderElementsOf(missing);
                for (Table t : projectOwned) {
                    execute(c, "create view " + t.name() + " as select " + String.join(", ", t.columns().stream()
                            .map(col -> "1 as " + col.name()).toList()));
                }
            }
            assertThat(mismatches(schema, c)).isEqualTo(known);
        }
    }

    private static void lagsBehind(Dialect dialect) throws Exception {
        FixtureBuild build = FixtureBuild.of(GARAGE, List.of("-Ajpamigrate.naming=spring"));
        Class<?> schema = build.schemaClass();
        assertThat(schema.getName()).isEqualTo("com.acme.garage.JpaMigrateSchema");
        try (Scratch scratch = Scratch.create(dialect); Connection c = scratch.connect()) {
            FirstMigration.apply(c, dialect, build.descriptor());
            execute(c, "create table flyway_schema_history (installed_rank int not null, version varchar(50))",
                    "alter table workshop add column legacy_code varchar(10) not null default 'x'");
            assertThat(mismatches(schema, c)).as("extra tables and columns are not mismatches").isEmpty();
            verify(schema, c);

            execute(c, "drop table mechanic", "alter table workshop drop column completed_at");
            List<String> expected = new java.util.ArrayList<>(List.of(
                    "table mechanic is missing" + ADVICE,
                    "table workshop: missing column completed_at" + ADVICE));
            String dropNotNull = switch (dialect) {
                case POSTGRESQL -> "alter table workshop alter column title drop not null";
                case H2 -> "alter table workshop alter column title set null";
                case MARIADB, MYSQL -> "alter table workshop modify title varchar(255) null";
                case SQLITE -> null; // would take a table rebuild
            };
            if (dropNotNull != null) {
                execute(c, dropNotNull);
                // in the model's column order: title comes before completed_at
                expected.add(1, "table workshop: column title allows NULL, the model requires NOT NULL" + ADVICE);
            }
            assertThat(mismatches(schema, c)).containsExactlyElementsOf(expected);
            String hash = (String) schema.getField("MODEL_HASH").get(null);
            assertThatThrownBy(() -> verify(schema, c)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The database does not match the JPA entity model (model hash "
                            + hash.substring(0, 12) + "): " + expected.size() + " mismatches")
                    .hasMessageEndingWith(":\n  - " + String.join("\n  - ", expected));

            if (dialect != Dialect.SQLITE) {
                // a table of that name in another schema or database of the same server does not count
                try (Scratch other = otherScope(dialect, scratch, c)) {
                    assertThat(mismatches(schema, c)).containsExactlyElementsOf(expected);
                }
            }
            if (dialect == Dialect.POSTGRESQL) {
                // PostgreSQL reports a partitioned table as its own table type
                execute(c, "create table mechanic (id bigint not null, workshop_id bigint, name varchar(255))"
                        + " partition by range (id)");
                assertThat(mismatches(schema, c)).containsExactlyElementsOf(expected.subList(1, expected.size()));
            }
        }
    }

    /** Another schema (H2, PostgreSQL) or database (MariaDB) that has a {@code mechanic} table. */
    private static Scratch otherScope(Dialect dialect, Scratch scratch, Connection c) throws SQLException {
        if (dialect == Dialect.H2) {
            execute(c, "create schema other_scope", "create table other_scope.mechanic (id bigint not null,"
                    + " workshop_id bigint, name varchar(255))");
            return new Scratch(scratch.url(), null, null, "other_scope", "drop schema other_scope cascade", null);
        }
        Scratch other = Scratch.create(dialect);
        try (Connection o = other.connect()) {
            execute(o, "create table mechanic (id bigint not null, workshop_id bigint, name varchar(255))");
        }
        return other;
    }

    private static void execute(Connection c, String... sql) throws SQLException {
        try (var s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> mismatches(Class<?> schema, Connection c) throws Exception {
        return (List<String>) invoke(schema, "mismatches", c);
    }

    private static void verify(Class<?> schema, Connection c) throws Exception {
        invoke(schema, "verify", c);
    }

    private static Object invoke(Class<?> schema, String method, Connection c) throws Exception {
        try {
            return schema.getMethod(method, Connection.class).invoke(null, c);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
