package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of hand-written PostgreSQL migrations on which the lint reported something the statement
 * does not do (found running it over real projects' folders; docs/lint.md, "On real projects").
 * Our own SQL, written to show each shape.
 */
class LintRealShapesTest {

    private static final String TIMEOUTS = "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n";

    @TempDir
    Path dir;

    /** Lints the files as V1, V2, ... with the given models (null: not known, as without a descriptor or base). */
    private List<String> findings(SchemaModel current, SchemaModel previous, String... files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("db/migration"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(folder.resolve("V" + (i + 1) + "__step.sql"), files[i]);
        }
        return new MigrationLint(new MigrationLint.Context(Dialect.POSTGRESQL, current, previous, null))
                .run(new MigrationDirectory(folder), "").findings().stream()
                .map(f -> f.file() + ":" + f.line() + " " + f.rule().code()).toList();
    }

    /**
     * A column the migration itself brought in (renamed out of the way, or added) and drops again
     * is no column the previous release maps, known without a base: JML110 stays quiet on it. The
     * rename that moved the mapped column away is what breaks the old version (JML109).
     */
    @Test
    void aColumnTheSameMigrationBroughtInIsNoMappedColumnWhenDropped() throws Exception {
        List<String> found = findings(null, null, LintRuleTest.SETUP, TIMEOUTS + """
                ALTER TABLE orders RENAME COLUMN status TO old_status;
                ALTER TABLE orders ADD COLUMN status uuid;
                ALTER TABLE orders ADD COLUMN scratch_copy varchar(10);
                ALTER TABLE orders DROP COLUMN old_status;
                ALTER TABLE orders DROP COLUMN scratch_copy;
                """);

        assertThat(found).containsExactly("V2__step.sql:3 JML109");
    }

    /** A column dropped and added again under its own name in one statement is still a drop of the mapped column. */
    @Test
    void aColumnDroppedAndAddedAgainIsStillADrop() throws Exception {
        List<String> found = findings(null, null, LintRuleTest.SETUP, TIMEOUTS
                + "ALTER TABLE orders DROP COLUMN status, ADD COLUMN status uuid;\n");

        assertThat(found).containsExactly("V2__step.sql:3 JML110");
    }

    /**
     * DROP INDEX on a table the same migration drops: the DROP TABLE takes the same lock, so
     * dropping the index concurrently first would spare nothing. JML127 names only indexes of
     * tables that stay.
     */
    @Test
    void dropIndexOfATableTheMigrationDropsIsNoFinding() throws Exception {
        List<String> found = findings(null, null, LintRuleTest.SETUP + "CREATE INDEX orders_note_idx ON orders (note);\n"
                + "CREATE INDEX legacy_import_idx ON legacy_import (id);\n", TIMEOUTS + """
                DROP INDEX IF EXISTS legacy_import_idx;
                DROP TABLE IF EXISTS legacy_import;
                DROP INDEX orders_note_idx;
                """);

        assertThat(found).containsExactlyInAnyOrder("V2__step.sql:4 JML111", "V2__step.sql:5 JML127");
    }

    /** A renamed table keeps what was learnt about it: its indexes (JML117) and its columns' types (JML107). */
    @Test
    void aRenamedTableKeepsItsIndexesAndTypes() throws Exception {
        List<String> found = findings(LintRuleTest.model(), LintRuleTest.model(), LintRuleTest.SETUP
                + "CREATE INDEX orders_customer_idx ON orders (customer_id);\n", TIMEOUTS + """
                ALTER TABLE orders RENAME TO purchase;
                ALTER TABLE purchase ALTER COLUMN note TYPE varchar(200);
                ALTER TABLE purchase ADD CONSTRAINT purchase_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID;
                """);

        assertThat(found).containsExactly("V2__step.sql:3 JML108");
    }

    /** A renamed column keeps its place in the indexes it is part of. */
    @Test
    void aRenamedColumnKeepsItsIndexes() throws Exception {
        List<String> found = findings(LintRuleTest.model(), LintRuleTest.model(), LintRuleTest.SETUP
                + "CREATE INDEX orders_customer_idx ON orders (customer_id);\n", TIMEOUTS + """
                ALTER TABLE orders RENAME COLUMN customer_id TO client_id;
                ALTER TABLE orders ADD CONSTRAINT orders_client_fk FOREIGN KEY (client_id) REFERENCES customer (id) NOT VALID;
                """);

        assertThat(found).containsExactly("V2__step.sql:3 JML109");
    }

    /** A volatile default named with its schema is as volatile as without (JML115). */
    @Test
    void aSchemaQualifiedVolatileDefaultIsVolatile() throws Exception {
        List<String> found = findings(LintRuleTest.model(), LintRuleTest.model(), LintRuleTest.SETUP, TIMEOUTS
                + "ALTER TABLE orders ADD COLUMN token uuid DEFAULT public.gen_random_uuid();\n"
                + "ALTER TABLE orders ADD COLUMN region varchar(10) DEFAULT 'EU';\n");

        assertThat(found).containsExactly("V2__step.sql:3 JML115");
    }

    /** DROP INDEX, DROP TABLE and LOCK TABLE lock the table: without timeouts they are the migration's first lock. */
    @Test
    void dropsAreLocksThatNeedTheTimeouts() throws Exception {
        assertThat(findings(null, null, LintRuleTest.SETUP + "CREATE INDEX orders_note_idx ON orders (note);\n",
                "DROP INDEX orders_note_idx;\n"))
                .containsExactlyInAnyOrder("V2__step.sql:1 JML105", "V2__step.sql:1 JML106", "V2__step.sql:1 JML127");
        assertThat(findings(null, null, LintRuleTest.SETUP, "DROP TABLE legacy_import;\n"))
                .containsExactlyInAnyOrder("V2__step.sql:1 JML105", "V2__step.sql:1 JML106", "V2__step.sql:1 JML111");
        assertThat(findings(null, null, LintRuleTest.SETUP, "LOCK TABLE orders IN EXCLUSIVE MODE;\n"))
                .containsExactlyInAnyOrder("V2__step.sql:1 JML105", "V2__step.sql:1 JML106", "V2__step.sql:1 JML128");
    }

    /**
     * {@code SET lock_timeout = 0} is PostgreSQL's "wait for ever": no lock timeout (JML105); any
     * other value sets one. {@code statement_timeout = 0} is "no limit, on purpose", the way a
     * script of concurrent statements says it (the generated follow-up does), so JML106 stays quiet.
     */
    @Test
    void aLockTimeoutOfZeroIsNoLockTimeout() throws Exception {
        assertThat(findings(null, null, LintRuleTest.SETUP,
                "SET lock_timeout = 0;\nSET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;\n"))
                .containsExactly("V2__step.sql:3 JML105");
        assertThat(findings(null, null, LintRuleTest.SETUP,
                "SET lock_timeout = '0';\nSET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;\n"))
                .containsExactly("V2__step.sql:3 JML105");
        assertThat(findings(null, null, LintRuleTest.SETUP,
                "SET LOCAL lock_timeout TO 0;\nSET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;\n"))
                .containsExactly("V2__step.sql:3 JML105");
        assertThat(findings(null, null, LintRuleTest.SETUP,
                "SET lock_timeout = '2s';\nSET statement_timeout = 0;\nALTER TABLE orders ADD COLUMN note text;\n"))
                .isEmpty();
        assertThat(findings(null, null, LintRuleTest.SETUP,
                "SET LOCAL lock_timeout = '5s';\nSET LOCAL statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;\n"))
                .isEmpty();
    }
}
