package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Accepting, the baseline, rebuilds, unread statements and the CI output of the migration lint. */
class MigrationLintTest {

    @TempDir
    Path dir;

    private MigrationLint.Result lint(Dialect dialect, MigrationVersion released, String... files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("db/migration"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(folder.resolve("V" + (i + 1) + "__step.sql"), files[i]);
        }
        return new MigrationLint(new MigrationLint.Context(dialect, LintRuleTest.model(), LintRuleTest.model(), released))
                .run(new MigrationDirectory(folder), "db/migration");
    }

    private static List<String> codes(MigrationLint.Result result) {
        return result.findings().stream().filter(LintFinding::failing).map(f -> f.rule().code()).toList();
    }

    @Test
    void aMarkerBeforeTheStatementAcceptsThatRuleThere() throws Exception {
        MigrationLint.Result result = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, """
                SET lock_timeout = '5s';
                SET statement_timeout = '1min';
                -- jpa-migrate:accept JML101 the table holds 40 rows
                CREATE INDEX orders_status_idx ON orders (status);
                CREATE INDEX orders_note_idx ON orders (note);
                """);

        assertThat(codes(result)).containsExactly("JML101");
        assertThat(result.findings()).filteredOn(f -> f.accepted() != null).singleElement()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(4);
                    assertThat(f.accepted()).isEqualTo("the table holds 40 rows");
                });
        assertThat(result.findings()).filteredOn(LintFinding::failing).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo("db/migration/V2__step.sql"));
    }

    @Test
    void aMarkerAfterTheSemicolonOnTheSameLineAcceptsThatStatement() throws Exception {
        MigrationLint.Result result = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, """
                SET lock_timeout = '5s'; SET statement_timeout = '1min';
                TRUNCATE orders; -- jpa-migrate:accept JML112 test data only
                TRUNCATE customer;
                """);

        assertThat(codes(result)).containsExactly("JML112");
        assertThat(result.findings()).filteredOn(LintFinding::failing).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(3));
    }

    @Test
    void aFileMarkerAcceptsTheRuleForTheWholeMigration() throws Exception {
        MigrationLint.Result result = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, """
                /* jpa-migrate:accept-file JML101 maintenance window, service stopped */
                SET lock_timeout = '5s'; SET statement_timeout = '1min';
                CREATE INDEX orders_status_idx ON orders (status);
                CREATE INDEX orders_note_idx ON orders (note);
                """);

        assertThat(codes(result)).isEmpty();
        assertThat(result.findings()).hasSize(2).allMatch(f -> f.accepted() != null);
    }

    @Test
    void aMarkerWithoutReasonAcceptsNothingAndIsReported() throws Exception {
        MigrationLint.Result result = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, """
                SET lock_timeout = '5s'; SET statement_timeout = '1min';
                -- jpa-migrate:accept JML101
                CREATE INDEX orders_status_idx ON orders (status);
                """);

        assertThat(codes(result)).containsExactly("JML101");
        assertThat(result.problems()).singleElement().asString().contains("gives no reason");
    }

    @Test
    void findingsInReleasedMigrationsAreTheBaselineAndDoNotFail() throws Exception {
        MigrationLint.Result result = lint(Dialect.POSTGRESQL, MigrationVersion.parse("2"), LintRuleTest.SETUP,
                "TRUNCATE orders;", "DELETE FROM customer;");

        assertThat(result.findings()).extracting(f -> f.rule().code() + (f.baseline() ? " baseline" : " new"))
                .contains("JML112 baseline", "JML113 new");
        assertThat(codes(result)).doesNotContain("JML112");
    }

    @Test
    void aTableRebuiltInTheSameMigrationIsNoDrop() throws Exception {
        // SQLite's way of changing a column: copy into a new table, drop the old, rename the new
        MigrationLint.Result result = lint(Dialect.SQLITE, null, LintRuleTest.SETUP, """
                CREATE TABLE customer_new (id bigint PRIMARY KEY);
                INSERT INTO customer_new (id) SELECT id FROM customer;
                DROP TABLE customer;
                ALTER TABLE customer_new RENAME TO customer;
                """, "DROP TABLE customer;");

        assertThat(result.findings()).extracting(f -> f.file() + " " + f.rule().code())
                .containsExactly("db/migration/V3__step.sql JML111");
    }

    @Test
    void statementsTheParserCannotReadAreListedNotGuessed() throws Exception {
        // JSqlParser 5.4 has no grammar for the SQL-standard spelling SET DATA TYPE
        MigrationLint.Result result = lint(Dialect.POSTGRESQL, null, "SET lock_timeout = '1s';\n"
                + "ALTER TABLE orders ALTER COLUMN total SET DATA TYPE numeric(12,2);");

        assertThat(result.findings()).isEmpty();
        assertThat(result.unread()).singleElement().asString().startsWith("db/migration/V1__step.sql:2: ALTER TABLE");
    }

    @Test
    void aValidatedNotNullCheckCountsInExtraParentheses() throws Exception {
        String steps = """
                SET lock_timeout = '1s';
                ALTER TABLE orders ADD CONSTRAINT nn_orders_note CHECK (%s) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT nn_orders_note;
                ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
                """;
        assertThat(codes(lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, steps.formatted("note IS NOT NULL"))))
                .doesNotContain("JML104");
        assertThat(codes(lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, steps.formatted("(note IS NOT NULL)"))))
                .doesNotContain("JML104");
    }

    @Test
    void rulesForAnotherDatabaseStayQuiet() throws Exception {
        MigrationLint.Result postgres = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, "ALTER TABLE orders ADD COLUMN x int;");
        assertThat(codes(postgres)).doesNotContain("JML122", "JML123").contains("JML105");
    }

    @Test
    void aTimeoutSetInAnyOfItsSpellingsCounts() throws Exception {
        assertThat(codes(lint(Dialect.MARIADB, null, LintRuleTest.SETUP,
                "SET SESSION lock_wait_timeout = 5;\nALTER TABLE orders ADD COLUMN x int, ALGORITHM=INSTANT;")))
                .isEmpty();
        assertThat(codes(lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP,
                "SET LOCAL lock_timeout TO '2s';\nSET statement_timeout TO '1min';\nALTER TABLE orders ADD COLUMN x int;")))
                .isEmpty();
    }

    @Test
    void onGitHubActionsItAnnotatesAndWritesTheJobSummary() throws Exception {
        MigrationLint.Result result = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, """
                SET lock_timeout = '5s'; SET statement_timeout = '1min';
                CREATE INDEX orders_status_idx ON orders (status);
                """);
        LintReport report = new LintReport(result);
        Path summary = dir.resolve("summary.md");
        List<String> printed = new ArrayList<>();

        report.github(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), printed::add);
        report.github(Map.of(), printed::add);

        assertThat(printed).singleElement().asString()
                .startsWith("::warning file=db/migration/V2__step.sql,line=2,title=JML101 CREATE INDEX without CONCURRENTLY")
                .contains("CREATE INDEX CONCURRENTLY");
        assertThat(Files.readString(summary)).contains("| **new** | db/migration/V2__step.sql | 2 | JML101");
        Path json = dir.resolve("target/lint-report.json");
        report.write(json);
        assertThat(Files.readString(json)).contains("\"code\" : \"JML101\"", "\"line\" : 2", "\"fails\" : true");
    }

    /** JML107 on MariaDB: appending ENUM members changes the column in place; removing one copies the table. */
    @Test
    void appendingEnumMembersIsNoTypeChangeButRemovingOneIs() throws Exception {
        String setup = "CREATE TABLE orders (id bigint PRIMARY KEY, status enum('NEW','PAID'));";
        assertThat(codes(lint(Dialect.MARIADB, null, setup, """
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE orders MODIFY COLUMN status enum('NEW','PAID','SHIPPED'), ALGORITHM=INSTANT;
                """))).doesNotContain("JML107");
        assertThat(codes(lint(Dialect.MARIADB, null, setup, """
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE orders MODIFY COLUMN status enum('NEW'), ALGORITHM=INSTANT;
                """))).contains("JML107");
        assertThat(codes(lint(Dialect.MARIADB, null, setup, """
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE orders MODIFY COLUMN status enum('PAID','NEW','SHIPPED'), ALGORITHM=INSTANT;
                """))).as("reordered members").contains("JML107");
    }

    /** JML107: a renamed column keeps its type, so restating it later (a NOT NULL change) is no type change. */
    @Test
    void aRenamedColumnKeepsItsType() throws Exception {
        String setup = "CREATE TABLE orders (id bigint PRIMARY KEY, status bigint);";
        assertThat(codes(lint(Dialect.MARIADB, null, setup, """
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE orders RENAME COLUMN status TO state, ALGORITHM=INSTANT;
                ALTER TABLE orders MODIFY COLUMN state bigint NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
                """))).doesNotContain("JML107");
        assertThat(codes(lint(Dialect.MARIADB, null, setup, """
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE orders RENAME COLUMN status TO state, ALGORITHM=INSTANT;
                ALTER TABLE orders MODIFY COLUMN state varchar(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
                """))).contains("JML107");
        assertThat(codes(lint(Dialect.MARIADB, null, setup, """
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE orders CHANGE COLUMN status state bigint, ALGORITHM=INSTANT;
                ALTER TABLE orders MODIFY COLUMN state bigint NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
                """))).doesNotContain("JML107");
    }

    /** DROP INDEX CONCURRENTLY IF EXISTS has no JSqlParser grammar: read by its words, as the concurrent form it is. */
    @Test
    void dropIndexConcurrentlyIfExistsIsReadAsTheConcurrentForm() throws Exception {
        MigrationLint.Result alone = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP + "CREATE INDEX orders_note_idx ON orders (note);", """
                SET lock_timeout = '5s';
                SET statement_timeout = '1min';
                DROP INDEX CONCURRENTLY IF EXISTS orders_note_idx;
                """);
        assertThat(alone.unread()).isEmpty();
        assertThat(codes(alone)).isEmpty();
        MigrationLint.Result mixed = lint(Dialect.POSTGRESQL, null, LintRuleTest.SETUP, """
                SET lock_timeout = '5s';
                SET statement_timeout = '1min';
                DROP INDEX CONCURRENTLY IF EXISTS orders_note_idx;
                ALTER TABLE orders ADD COLUMN extra bigint;
                """);
        assertThat(mixed.unread()).isEmpty();
        assertThat(codes(mixed)).contains("JML130");
    }
}
