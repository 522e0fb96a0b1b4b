package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.live.SchemaVersionMatch.Step;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The finding for a database that has tables but no Flyway history table: Flyway's {@code migrate}
 * refuses such a schema until it is baselined, so the fix is the version to baseline at, worked
 * out by {@link SchemaVersionMatch} — or, when no version's schema is the database's, the closest
 * one and what differs from it.
 *
 * @param historyTable the history table looked for
 * @param database     the live schema
 * @param match        the versions replayed and their differences, or null when none were replayed
 * @param whyNot       why no version was worked out, or null
 */
record HistoryAbsentWords(String historyTable, SchemaModel database, SchemaVersionMatch match, String whyNot) {

    /** How many differences from the closest version are listed. */
    static final int DIFFERENCES_SHOWN = 10;

    private static final String CAUSE = "the schema was made without Flyway (by hand, by Hibernate's ddl-auto, from a copy"
            + " of another database), or the application's Flyway uses another history table; Flyway's migrate refuses a"
            + " non-empty schema without its history table, so the deploy applies nothing until the database is baselined";

    private static final String OTHER_TABLE = "if the application's Flyway uses another history table, set"
            + " -Djpamigrate.flywayTable=<table>; otherwise ";

    Optional<LiveFinding> finding() {
        String subject = "history table " + historyTable;
        String has = "the database has " + database.tables().size() + " table(s) but no Flyway history table " + historyTable;
        Optional<Step> baseline = match == null ? Optional.empty() : match.match();
        if (baseline.isPresent()) {
            Step step = baseline.get();
            List<Step> same = match.alsoMatching();
            List<Step> later = match.after(step);
            return Optional.of(new LiveFinding(Kind.DRIFT, subject, has + "; its schema is the one " + step.script()
                    + " builds" + (same.isEmpty() ? "" : " (so is " + scripts(same) + "'s: what comes between changes no"
                    + " schema; if the database lacks the data it writes, baseline at that older version instead)")
                    + " — the migrations were replayed on a scratch database and the schema compared after each version",
                    CAUSE, OTHER_TABLE + baselineAt(step.version()) + (later.isEmpty()
                    ? "; the deploy then applies nothing more (every migration is at or below the baseline)"
                    : "; the deploy then applies " + scripts(later) + " (" + later.size() + " migration(s))")));
        }
        Optional<Step> closest = match == null ? Optional.empty() : match.closest();
        if (closest.isPresent()) {
            Step step = closest.get();
            return Optional.of(new LiveFinding(Kind.DRIFT, subject, has + "; its schema is not the one any version builds"
                    + " (the " + match.steps().size() + " version(s) were replayed on a scratch database): the closest is "
                    + step.script() + "'s, with " + step.differences().size() + " difference(s) (" + step.script()
                    + " -> database): " + differences(step), CAUSE, OTHER_TABLE + "bring the database to the schema "
                    + step.script() + " builds (undo the differences above by hand), then " + baselineAt(step.version())
                    + "; or, if the database is right, write a migration after it that makes the same changes"));
        }
        return Optional.of(new LiveFinding(Kind.DRIFT, subject, has + (whyNot == null ? ""
                : "; which migration's schema it holds was not worked out: " + whyNot), CAUSE, OTHER_TABLE
                + "if the schema is what migration V<n> builds, " + baselineAt("<n>")));
    }

    /** The two ways to baseline: once by hand, or by the application's Flyway on its next start. */
    private static String baselineAt(String version) {
        return "baseline the database at version " + version + ": once, with flyway -baselineVersion=" + version
                + " baseline (or mvn flyway:baseline -Dflyway.baselineVersion=" + version + "), or let the application's"
                + " Flyway do it on its next migrate with baselineOnMigrate=true and baselineVersion=" + version
                + " (Spring Boot: spring.flyway.baseline-on-migrate=true, spring.flyway.baseline-version=" + version + ")";
    }

    private static String scripts(List<Step> steps) {
        int shown = Math.min(steps.size(), 5);
        return steps.subList(0, shown).stream().map(Step::script).collect(Collectors.joining(", "))
                + (steps.size() > shown ? " and " + (steps.size() - shown) + " more" : "");
    }

    private String differences(Step step) {
        List<SchemaChange> changes = step.differences();
        int shown = Math.min(changes.size(), DIFFERENCES_SHOWN);
        return changes.subList(0, shown).stream().map(this::words).collect(Collectors.joining("; "))
                + (changes.size() > shown ? "; and " + (changes.size() - shown) + " more" : "");
    }

    /** A difference from a version's schema to the database's, said from the database's side. */
    private String words(SchemaChange change) {
        if (change instanceof SchemaChange.TableDropped d) {
            return "table " + d.oldTable().name() + " missing";
        }
        if (change instanceof SchemaChange.TableAdded a) {
            return "table " + a.newTable().name() + " extra";
        }
        if (change instanceof SchemaChange.ColumnDropped d) {
            return "column " + d.table() + "." + d.oldColumn().name() + " missing";
        }
        if (change instanceof SchemaChange.ColumnAdded a) {
            return "column " + a.table() + "." + a.newColumn().name() + " ("
                    + SchemaDrift.databaseType(database, a.table(), a.newColumn()) + ") extra";
        }
        if (change instanceof SchemaChange.ColumnChanged c) {
            String described = c.describe(SchemaDrift.databaseWords(database, c.table()));
            return "column " + c.table() + "." + c.newColumn().name() + " " + described.substring(described.indexOf(": ") + 2);
        }
        return change.describe();
    }
}
