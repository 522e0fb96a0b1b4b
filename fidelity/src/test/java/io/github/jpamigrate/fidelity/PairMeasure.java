package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.Hazards;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.UnsupportedChangeException;
import io.github.jpamigrate.core.sql.Statement;
import io.github.jpamigrate.plugin.replay.SeedRows;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One commit pair: {@code generate} at the parent (its model is the snapshot), then at the child
 * (the migration for the change); that migration applied to a database the parent's own
 * hand-written migrations built, with rows seeded in every table; and its schema effect held
 * against the authors' hand-written child migrations applied to the same start.
 */
final class PairMeasure {

    private final String server;

    PairMeasure(String server) {
        this.server = server;
    }

    PairMeasurement measure(ExtractedProject parent, ExtractedProject child, Path work) throws IOException, SQLException {
        String line = HibernateSchema.ormLine();
        ProjectCompile before = ProjectCompile.run(parent, line, true, work.resolve("parent"));
        ProjectCompile after = ProjectCompile.run(child, line, true, work.resolve("child"));
        List<String> processor = new ArrayList<>();
        before.ourMessages().stream().filter(m -> m.startsWith("ERROR")).forEach(m -> processor.add("parent: " + m));
        after.ourMessages().stream().filter(m -> m.startsWith("ERROR")).forEach(m -> processor.add("child: " + m));
        if (before.descriptor() == null || after.descriptor() == null) {
            String javac = before.javacErrors().isEmpty() && after.javacErrors().isEmpty() ? "" : " (javac: "
                    + String.join("; ", before.javacErrors().isEmpty() ? after.javacErrors().subList(0, 1) : before.javacErrors().subList(0, 1)) + ")";
            return PairMeasurement.stopped(parent, child, line, processor, "processor: no descriptor at the "
                    + (before.descriptor() == null ? "parent" : "child") + javac);
        }
        try (PostgresScratch ours = PostgresScratch.create(server, "pair_ours");
             PostgresScratch theirs = PostgresScratch.create(server, "pair_theirs")) {
            return compare(parent, child, before.descriptor(), after.descriptor(), processor, ours, theirs);
        }
    }

    private PairMeasurement compare(ExtractedProject parent, ExtractedProject child, SchemaModel from, SchemaModel to,
                                    List<String> processor, PostgresScratch ours, PostgresScratch theirs) throws IOException, SQLException {
        List<SchemaChange> changes = SchemaDiff.compare(from, to);
        List<String> hazards = Hazards.find(changes, to, (t, c) -> false).stream().map(Hazard::describe).toList();
        String line = HibernateSchema.ormLine();
        List<String> sql;
        try {
            sql = Dialect.POSTGRESQL.renderer().render(from, to, changes, RenderOptions.DEFAULTS)
                    .statements().stream().map(Statement::sql).toList();
        } catch (UnsupportedChangeException e) {
            // what generate says to the user (a new NOT NULL column needs a default or a backfill value):
            // the pair is measured as far as the tool goes without a declaration the authors never made
            return PairMeasurement.stopped(parent, child, line, processor, "generate refuses: " + e.getMessage());
        }
        List<String> setup = new ArrayList<>();
        try {
            setup.add(HandWrittenMigrations.apply(parent, ours) + " parent migrations applied");
            setup.add(HandWrittenMigrations.apply(child, theirs) + " child migrations applied (the authors' result)");
        } catch (RuntimeException e) {
            return PairMeasurement.stopped(parent, child, line, processor, "the authors' migrations: " + Failures.chain(e));
        }
        DatabaseSchema start = DatabaseSchema.read(ours);
        Map<String, Integer> rowsBefore = seed(from, ours, start, setup);
        List<String> failures = FirstMigration.run(sql, ours);
        List<String> lost = rowsLost(rowsBefore, rowCounts(ours, rowsBefore.keySet()));
        DatabaseSchema result = DatabaseSchema.read(ours);
        DatabaseSchema authors = DatabaseSchema.read(theirs);
        return new PairMeasurement(parent, child, line, processor, changes.stream().map(SchemaChange::describe).toList(),
                hazards, sql, setup, failures, lost, start.differencesTo(result), start.differencesTo(authors),
                result.differencesTo(authors), null);
    }

    private static Map<String, Integer> seed(SchemaModel model, PostgresScratch database, DatabaseSchema start,
                                             List<String> setup) throws SQLException {
        List<String> notes = new ArrayList<>();
        // the generator binds text for json and the like; stringtype=unspecified lets PostgreSQL cast it
        try (Connection c = java.sql.DriverManager.getConnection(database.url() + (database.url().contains("?") ? "&" : "?")
                + "stringtype=unspecified")) {
            SeedRows rows = new SeedRows(model, Dialect.POSTGRESQL);
            rows.seed(c, start.model().tables());
            notes.addAll(rows.notes());
            Map<String, Integer> counts = rowCounts(database, start.model().tables().stream().map(t -> t.name()).toList());
            setup.add(counts.values().stream().mapToInt(Integer::intValue).sum() + " rows seeded in "
                    + counts.values().stream().filter(n -> n > 0).count() + " of " + counts.size() + " tables");
            notes.forEach(n -> setup.add(n.replaceAll("\\s+", " ")));
            return counts;
        }
    }

    private static Map<String, Integer> rowCounts(PostgresScratch database, Iterable<String> tables) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = database.connect(); var s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("select count(*) from \"" + table.replace("\"", "\"\"") + "\"")) {
                    counts.put(table, rows.next() ? rows.getInt(1) : 0);
                } catch (SQLException e) {
                    counts.put(table, -1); // dropped by the migration
                }
            }
        }
        return counts;
    }

    private static List<String> rowsLost(Map<String, Integer> before, Map<String, Integer> after) {
        List<String> lost = new ArrayList<>();
        before.forEach((table, n) -> {
            int now = after.getOrDefault(table, -1);
            if (n > 0 && now < n) {
                lost.add(table + ": " + n + " rows before, " + (now < 0 ? "table gone" : now + " after"));
            }
        });
        return lost;
    }
}
