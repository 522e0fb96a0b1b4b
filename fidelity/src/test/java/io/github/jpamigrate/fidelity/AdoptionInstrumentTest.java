package io.github.jpamigrate.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.fidelity.AdoptionMeasurement.Outcome;
import io.github.jpamigrate.plugin.live.LiveFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adoption run's instrument on a hand-made pair of ours ({@code projects/adopting-parent},
 * {@code projects/adopting-child}): a folder the plugin adopts must come out as adopted with
 * nothing left behind, its one true difference classified from the table, and the child's
 * migration compared with the authors'; and the pieces it classifies and splits with.
 */
class AdoptionInstrumentTest {

    @TempDir
    Path work;

    @Test
    void aPairTheToolAdoptsIsMeasuredGoalByGoalAndEveryScratchDatabaseIsDropped() throws Exception {
        List<String> before = scratchDatabases();
        ExtractedProject parent = ExtractedProject.read(Path.of("src/test/resources/projects/adopting-parent"));
        ExtractedProject child = ExtractedProject.read(Path.of("src/test/resources/projects/adopting-child"));
        KnownDifferences known = new KnownDifferences(List.of(new KnownDifferences.Entry("adopting-parent",
                List.of("book.title"), true, "V1 makes the title varchar(100), the entity says 200")));

        AdoptionMeasurement m = new AdoptionMeasure(FidelityRunTest.SERVER, known).measure(parent, child, work);

        AdoptionMeasurement.Step init = m.step(AdoptionMeasure.INIT);
        assertThat(init.outcome()).as(init.error()).isEqualTo(Outcome.EXIT_0);
        // the server's databases and roles are shared with other runs: only the shadow database is ours alone
        assertThat(init.leftovers()).noneMatch(l -> l.startsWith(ServerObjects.IN_DATABASE));
        assertThat(m.step(AdoptionMeasure.VERIFY_AFTER)).isNotNull();
        // before init check-db compares with the entities alone; after, init accepted the team's difference
        assertThat(m.findings.get(AdoptionMeasure.CHECK_DB_BEFORE)).as(m.step(AdoptionMeasure.CHECK_DB_BEFORE).summary())
                .anyMatch(f -> f.finding().subject().contains("book.title") && f.label().startsWith("true: V1 makes"));
        assertThat(m.findings.get(AdoptionMeasure.CHECK_DB)).as(m.step(AdoptionMeasure.CHECK_DB).summary()).isEmpty();
        assertThat(m.step(AdoptionMeasure.CHECK_DB).outcome()).isEqualTo(Outcome.EXIT_0);
        AdoptionMeasurement.Step generate = m.step(AdoptionMeasure.GENERATE);
        assertThat(generate.outcome()).as(generate.error()).isEqualTo(Outcome.EXIT_0);
        assertThat(m.ourFile).startsWith("V2__");
        // generate's defaults, as the goal has them: the online forms, a lock timeout first
        assertThat(m.ourStatements).first().asString().startsWith("set local lock_timeout");
        assertThat(m.ourStatements).anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains("isbn"));
        assertThat(m.theirFiles).containsExactly("V2__isbn.sql");
        assertThat(m.theirStatements).containsExactly("ALTER TABLE book ADD COLUMN isbn varchar(20)");

        String report = Files.readString(AdoptionReport.write(work.resolve("out"), List.of(m)));
        assertThat(report).contains("## adopting-parent → adopting-child", "| adopting-parent → adopting-child | - | ",
                "| 1 (1 / 0 / 0) | EXIT_0 (0 pending) | none | EXIT_0, replay PASSED | 0 (0 / 0 / 0) |",
                "V2__isbn.sql (1 statements)");
        assertThat(scratchDatabases()).isSubsetOf(before);
    }

    @Test
    void findingsAreTrueOrFalseFromTheTableAndEverythingElseIsUnclassified() {
        ExtractedProject project = new ExtractedProject(Path.of("x"), "x", java.util.Map.of("repository", "acme/shop"),
                List.of(), List.of(), List.of(), "jpa");
        KnownDifferences known = new KnownDifferences(List.of(
                new KnownDifferences.Entry("shop", List.of("orders", "total"), true, "integer for a long")));
        String key = "foreign key orders(customer_id) -> customer";

        List<KnownDifferences.Classified> classified = known.classify(project, List.of(
                new LiveFinding(LiveFinding.Kind.DRIFT, "column orders.total", "differs: type bigint -> integer", "c", "f"),
                new LiveFinding(LiveFinding.Kind.DRIFT, key, "the database has it, the entity model does not", "c", "f"),
                new LiveFinding(LiveFinding.Kind.DRIFT, key, "the entity model has it, the database does not", "c", "f"),
                new LiveFinding(LiveFinding.Kind.DRIFT, "column orders.note", "differs: type text -> clob", "c", "f")));

        assertThat(classified).extracting(KnownDifferences.Classified::label).containsExactly("true: integer for a long",
                "unclassified", "false: " + KnownDifferences.SAME_KEY_TWICE.cause(), "unclassified");
        assertThat(KnownDifferences.load().entries()).extracting(KnownDifferences.Entry::repository)
                .contains("notifications-backend", "hawkbit");
    }

    @Test
    void scriptsAreSplitAsFlywaySplitsThemNotAtEverySemicolon() {
        List<String> statements = MigrationStatements.of("""
                -- a comment; with a semicolon
                create table t (id int);
                do $$ begin
                  perform 1; perform 2;
                end $$;
                insert into t values (1); /* trailing; comment */
                """);

        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).startsWith("do $$ begin").endsWith("end $$");
    }

    /** The adoption run's scratch databases (jm_fidelity_adopt_; other runs share the server); skips without the server. */
    private static List<String> scratchDatabases() {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(FidelityRunTest.SERVER);
             var s = c.createStatement();
             ResultSet rows = s.executeQuery("select datname from pg_database where datname like 'jm\\_fidelity\\_adopt\\_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at " + FidelityRunTest.SERVER + " (" + e.getMessage() + "): the adoption"
                    + " instrument needs a server (-Djpamigrate.fidelity.postgres=jdbc:postgresql://...)");
        }
        return names;
    }
}
