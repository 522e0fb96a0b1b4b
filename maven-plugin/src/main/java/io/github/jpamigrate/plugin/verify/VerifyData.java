package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;
import io.github.jpamigrate.plugin.replay.SeedRows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 3 of {@code verify}: the newest migrations (those added since {@code base}, else the last
 * one) must not lose rows. Flyway applies the folder up to just before them on a scratch
 * database, every table gets generated rows, Flyway applies the rest, and then every table still
 * has its rows and {@code PRAGMA foreign_key_check} finds no orphan (a SQLite table rebuild with
 * foreign keys on silently cascades deletes; this is where it shows).
 */
final class VerifyData {

    private final Target target;
    private final ChangeOptions options;
    private final SchemaModel model;

    VerifyData(Target target, ChangeOptions options, SchemaModel model) {
        this.target = target;
        this.options = options;
        this.model = model;
    }

    /** Which migrations are "the newest" and where Flyway stops before them; or why the step is skipped. */
    record Plan(String target, String newest, VerifyReport.Step skipped) {
        boolean runs() {
            return skipped == null;
        }
    }

    /**
     * The step's result, and whether the whole folder ended up applied to the database (then the
     * replay step can read its schema from the same database instead of replaying again).
     */
    record Proof(VerifyReport.Step step, int applied, boolean complete) {
    }

    Plan plan(Optional<VerifyHistory.Base> base, List<MigrationVersion> versions) {
        if (!target.hasScratchDatabase()) {
            return skip("no scratch database for " + target.dialect().id() + " (see the replay step)");
        }
        if (base.isPresent()) {
            VerifyHistory.Base b = base.get();
            if (b.added().isEmpty() || b.newest() == null) {
                return skip(b.newest() == null ? "there were no migrations at " + b.ref() + ", so no rows to keep"
                        : "no migration was added since " + b.ref());
            }
            if (b.added().stream().anyMatch(f -> f.version().compareTo(b.newest()) <= 0)) {
                return skip("migrations added since " + b.ref() + " sort before its newest (out of order)");
            }
            return new Plan(b.newest().toString(), "the " + b.added().size() + " migration(s) added since " + b.ref()
                    + " (" + String.join(", ", b.added().stream().map(MigrationFile::fileName).toList()) + ")", null);
        }
        if (versions.size() < 2) {
            return skip("only " + versions.size() + " migration(s): no rows exist before the first");
        }
        return new Plan(versions.get(versions.size() - 2).toString(),
                "the newest migration V" + versions.get(versions.size() - 1), null);
    }

    private static Plan skip(String why) {
        return new Plan(null, null, skipped(why));
    }

    /** Applies the folder up to the plan's target, seeds every table, applies the rest, counts. */
    Proof prove(ScratchDatabase db, Plan plan) throws SQLException {
        String newest = plan.newest();
        int applied;
        try {
            applied = ScratchReplay.migrate(db, target.flyway(), plan.target());
        } catch (ReplayException e) {
            return new Proof(skipped("the migrations up to V" + plan.target() + " do not apply (see the replay step)"),
                    0, false);
        }
        SeedRows seeder = new SeedRows(model, db.dialect());
        Map<String, Integer> seeded;
        try (Connection connection = db.connect()) {
            List<Table> tables = new SchemaReader(db.dialect(), ScratchReplay.ignoredTables(target.flyway().table(),
                    model)).read(connection, null).tables();
            seeded = seeder.seed(connection, tables);
        }
        try {
            applied += ScratchReplay.migrate(db, target.flyway(), null);
        } catch (ReplayException e) {
            return new Proof(new VerifyReport.Step("data", VerifyReport.Outcome.FAILED, newest + " fail on tables with rows",
                    List.of(newest + " do not apply to a database whose tables hold rows: " + e.getMessage()
                            + "\nA NOT NULL column needs a default or a backfill value (-Djpamigrate.backfill="
                            + "table.column=<sql literal> when generating); a new unique constraint needs unique"
                            + " existing values."), seeder.notes()), applied, false);
        }
        return new Proof(count(db, seeded, newest, seeder.notes()), applied, true);
    }

    private VerifyReport.Step count(ScratchDatabase db, Map<String, Integer> seeded, String newest, List<String> seedNotes)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>(seedNotes);
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            // Only which tables exist matters here; a full read costs seconds on a large schema.
            Set<String> after = new SchemaReader(db.dialect(), ScratchReplay.ignoredTables(target.flyway().table(), model))
                    .tableNames(connection, null).stream().map(Identifiers::key).collect(Collectors.toSet());
            Map<String, Long> counted = SeedRows.counts(sql, db.dialect(), seeded.keySet().stream()
                    .filter(table -> after.contains(Identifiers.key(table))).toList());
            for (var entry : seeded.entrySet()) {
                if (!after.contains(Identifiers.key(entry.getKey()))) {
                    notes.add("table " + entry.getKey() + " is gone after " + newest + " (see the lint step)");
                    continue;
                }
                long left = counted.get(entry.getKey());
                if (left < entry.getValue()) {
                    String lost = "table " + entry.getKey() + " held " + entry.getValue() + " row(s) before "
                            + newest + " and " + left + " after";
                    if (options.dropAcknowledged(entry.getKey())) {
                        notes.add("acknowledged: " + lost);
                    } else {
                        problems.add(lost + ": rows were lost. On SQLite a table rebuild with foreign keys on"
                                + " deletes child rows through ON DELETE CASCADE; the rebuild must run with PRAGMA"
                                + " foreign_keys=OFF (generate writes it that way). If the migration deletes them on"
                                + " purpose, acknowledge it with -Djpamigrate.allowDestructive=" + entry.getKey() + ".");
                    }
                }
            }
            if (db.dialect() == Dialect.SQLITE) {
                // Elsewhere foreign keys are checked on every statement; SQLite's can be switched off.
                problems.addAll(orphans(sql, newest));
            }
        }
        String summary = seeded.size() + " table(s) seeded with " + SeedRows.ROWS + " row(s) each before " + newest
                + (problems.isEmpty() ? "; every row is still there and no foreign key is broken" : "");
        return new VerifyReport.Step("data", problems.isEmpty() ? VerifyReport.Outcome.PASSED : VerifyReport.Outcome.FAILED,
                summary, problems, notes);
    }

    private static List<String> orphans(Statement sql, String newest) throws SQLException {
        return SeedRows.brokenReferences(sql).stream().map(broken -> "after " + newest + ", row " + broken.rowid()
                + " of table " + broken.table() + " refers to a missing row of " + broken.parent()
                + " (PRAGMA foreign_key_check): the migration broke a foreign key; copy the parent rows before the"
                + " children when rebuilding tables.").toList();
    }

    static VerifyReport.Step skipped(String why) {
        return new VerifyReport.Step("data", VerifyReport.Outcome.SKIPPED, why, List.of(), List.of());
    }
}
