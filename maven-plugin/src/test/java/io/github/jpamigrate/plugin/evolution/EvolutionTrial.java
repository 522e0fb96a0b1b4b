package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.UnsupportedChangeException;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs one {@link Evolution} on a scratch database of its engine (SQLite with foreign keys on, H2,
 * or a scratch database on the PostgreSQL or MariaDB server), the way a project would: Flyway applies the old model's migration, rows go in, Flyway applies the generated
 * migration, and then the schema, the data, the references, the enum checks and finally the undo
 * script are checked. A failed check throws {@link AssertionError} saying what is wrong;
 * {@link #transcript()} has the scripts for the failure message.
 */
final class EvolutionTrial {

    private static final SchemaModel EMPTY = new SchemaModel("jpa", "hibernate-7", "evolution-property-test",
            List.of(), List.of(), List.of(), List.of());

    /** What became of the undo script. */
    enum Undo {
        /** It took the database back to the old model. */
        CHECKED,
        /** It cannot be written (a dropped NOT NULL column without default has no value to come back with). */
        NOT_RENDERED,
        /**
         * It refused to run, rightly: a dropped table comes back empty while rows still reference
         * it, and the foreign key stopped it (SQLite and PostgreSQL: with the database left as it
         * was; MariaDB and H2 commit DDL statement by statement, so there it stops half-way).
         */
        REFUSED
    }

    /**
     * What one trial did, for the run's summary.
     *
     * @param phases nanoseconds spent per phase (scratch database, flyway, read back, rows, checks)
     */
    record Outcome(List<SchemaChange> changes, int rows, Undo undo, Map<String, Long> phases) {
    }

    private final EvolutionEngine engine;
    private final Evolution evolution;
    private final Path folder;
    private final StringBuilder transcript = new StringBuilder();
    private int nextVersion = 1;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    EvolutionTrial(EvolutionEngine engine, Evolution evolution, Path folder) {
        this.engine = engine;
        this.evolution = evolution;
        this.folder = folder;
    }

    String transcript() {
        return transcript.toString();
    }

    Outcome run(SplittableRandom random, Path scratch) throws Exception {
        List<SchemaChange> changes = acceptedByTheTool(evolution);
        lap("generate");
        try (ScratchDatabase db = engine.scratch(scratch)) {
            lap("scratch database");
            Evolution prelude = evolution.prelude();
            SchemaModel first = prelude != null ? prelude.oldModel() : evolution.oldModel();
            write("old model", EMPTY, first, SchemaDiff.compare(EMPTY, first), RenderOptions.DEFAULTS);
            if (prelude != null) {
                write("prelude", prelude.oldModel(), prelude.newModel(), acceptedByTheTool(prelude), prelude.renderOptions());
            }
            migrate(db, "the migrations that build the old model");
            expectNoDrift(db, evolution.oldModel(), "before the migration, the schema read back differs from the old model");
            Map<String, TableContents> before = new LinkedHashMap<>();
            int rows;
            try (Connection connection = db.connect()) {
                rows = new RowGenerator(engine, evolution, random).fill(connection);
                for (Table table : evolution.oldModel().tables()) {
                    before.put(table.name(), TableContents.read(engine, connection, table));
                }
            }
            lap("rows");
            write("evolve", evolution.oldModel(), evolution.newModel(), changes, evolution.renderOptions());
            migrate(db, "the generated migration");
            expectNoDrift(db, evolution.newModel(), "after the migration, the schema read back differs from the new model");
            try (Connection connection = db.connect()) {
                lap("connect");
                expectNone(DataChecks.preserved(engine, connection, evolution, before), "the migration did not keep the data");
                expectNone(DataChecks.danglingReferences(engine, connection, evolution.newModel()),
                        "after the migration, references point nowhere");
                expectNone(DataChecks.enumChecks(engine, connection, evolution.newModel()),
                        "after the migration, the enum checks are wrong");
                expectNone(DataChecks.checkConstraints(engine, connection, evolution),
                        "after the migration, the check constraints are wrong");
            }
            lap("data checks");
            Undo undo = undo(db, before);
            lap("undo");
            return new Outcome(changes, rows, undo, phases);
        } finally {
            lap("drop scratch database");
        }
    }

    /** Adds the time since the last lap to a phase. */
    private void lap(String phase) {
        long now = System.nanoTime();
        phases.merge(phase, now - mark, Long::sum);
        mark = now;
    }

    /**
     * The generator only makes evolutions the tool accepts with the options it declares.
     *
     * @return the changes, as {@code generate} computes them
     */
    private static List<SchemaChange> acceptedByTheTool(Evolution step) {
        PendingChanges pending = PendingChanges.of(new ProjectModels(step.oldModel(), step.newModel(), true), step.options());
        List<SchemaChange> changes = pending.changes();
        if (!pending.blockingHazards().isEmpty() || !pending.probableRenames().isEmpty()) {
            throw new AssertionError("generate would refuse this evolution (a generator slip, or a hazard the diff"
                    + " gets wrong): hazards " + pending.blockingHazards().stream().map(h -> h.describe()).toList()
                    + ", probable renames " + pending.probableRenames().stream().map(r -> r.describe()).toList()
                    + "\nchanges:" + lines(changes.stream().map(SchemaChange::describe).toList()));
        }
        return changes;
    }

    /**
     * Applies the undo script (the diff new -> old with inverted renames, without backfills, as
     * {@code generate} writes it) when it can be rendered, and expects the old model again.
     */
    private Undo undo(ScratchDatabase db, Map<String, TableContents> before) throws Exception {
        Renames inverted = evolution.options().renames().inverse();
        List<SchemaChange> back = SchemaDiff.compare(evolution.newModel(), evolution.oldModel(), inverted);
        try {
            write("undo", evolution.newModel(), evolution.oldModel(), back, RenderOptions.DEFAULTS);
        } catch (UnsupportedChangeException e) {
            transcript.append("\n-- no undo script: ").append(e.getMessage()).append('\n');
            List<String> lost = droppedWithoutValue();
            if (lost.isEmpty() || !e.getMessage().contains("new NOT NULL column")
                    || lost.stream().noneMatch(c -> e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(c.toLowerCase(java.util.Locale.ROOT)))) {
                throw new AssertionError("the undo script cannot be rendered, but not for the documented reason (a dropped"
                        + " NOT NULL column without default, here " + lost + "): " + e.getMessage(), e);
            }
            return Undo.NOT_RENDERED;
        }
        if (!droppedWithoutValue().isEmpty()) {
            throw new AssertionError("the undo script brings back " + droppedWithoutValue() + ", NOT NULL columns without a"
                    + " default whose values are gone, yet it was rendered instead of refused");
        }
        try {
            lap("render and write");
            MigrationReplay.migrate(db, FlywaySettings.folder(folder));
            lap("flyway migrate");
        } catch (ReplayException e) {
            if (!orphansLeft() || engine == EvolutionEngine.SQLITE && !e.getMessage().contains("jm_foreign_key_check")) {
                throw new AssertionError("Flyway could not apply the undo script: " + e.getMessage(), e);
            }
            if (engine == EvolutionEngine.SQLITE || engine == EvolutionEngine.POSTGRESQL) {
                expectNoDrift(db, evolution.newModel(), "the undo script stopped, rightly, on references to a dropped"
                        + " table, but did not leave the database as it was");
            }
            return Undo.REFUSED;
        }
        expectNoDrift(db, evolution.oldModel(), "after the undo script, the schema read back differs from the old model");
        try (Connection connection = db.connect()) {
            expectNone(DataChecks.danglingReferences(engine, connection, evolution.oldModel()),
                    "after the undo script, references point nowhere");
            for (Table old : evolution.oldModel().tables()) {
                Optional<Table> now = evolution.newTable(old);
                if (now.isPresent()) {
                    TableContents after = TableContents.read(engine, connection, old);
                    TableContents was = before.get(old.name());
                    if (!after.rows().keySet().equals(was.rows().keySet())) {
                        throw new AssertionError("after the undo script, table " + old.name() + " has rows "
                                + after.rows().keySet() + " instead of " + was.rows().keySet());
                    }
                    expectNone(keptValues(old, now.get(), was, after), "after the undo script, values the migration kept are gone");
                }
            }
        }
        return Undo.CHECKED;
    }

    /**
     * Columns (as {@code table.column}) of kept tables that the evolution drops although they are
     * NOT NULL without a default: the undo script would have to bring them back with no value,
     * so it cannot be written.
     */
    private List<String> droppedWithoutValue() {
        List<String> lost = new java.util.ArrayList<>();
        for (Table old : evolution.oldModel().tables()) {
            Optional<Table> now = evolution.newTable(old);
            if (now.isPresent()) {
                for (Column column : old.columns()) {
                    if (!column.nullable() && column.defaultValue() == null && !column.identity()
                            && evolution.newColumn(old, now.get(), column).isEmpty()) {
                        lost.add(old.name() + "." + column.name());
                    }
                }
            }
        }
        return lost;
    }

    /**
     * After the undo script, each column that the migration kept holds its value from before,
     * except a NULL that the migration replaced by a backfill or default (the value stays).
     */
    private List<String> keptValues(Table old, Table now, TableContents was, TableContents after) {
        List<String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < old.columns().size(); i++) {
            Optional<Column> kept = evolution.newColumn(old, now, old.columns().get(i));
            if (kept.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, List<String>> row : was.rows().entrySet()) {
                String before = row.getValue().get(i);
                String back = after.rows().get(row.getKey()).get(i);
                boolean refilled = before.equals("NULL") && !kept.get().nullable();
                if (!refilled && !before.equals(back)) {
                    problems.add(old.name() + "." + old.columns().get(i).name() + " of row " + row.getKey() + " was " + before
                            + ", after the undo script " + back);
                }
            }
        }
        return problems;
    }

    /** Whether a dropped table was referenced by a table that survives: undo brings it back empty. */
    private boolean orphansLeft() {
        return evolution.oldModel().tables().stream()
                .filter(t -> evolution.newTable(t).isPresent())
                .flatMap(t -> t.foreignKeys().stream())
                .anyMatch(k -> evolution.oldModel().table(k.referencedTable()).flatMap(evolution::newTable).isEmpty());
    }

    private void write(String title, SchemaModel from, SchemaModel to, List<SchemaChange> changes, RenderOptions options)
            throws Exception {
        int version = nextVersion++;
        RenderedMigration migration = engine.renderer().render(from, to, changes, options);
        String script = migration.script("V" + version + ": " + title, changes);
        Path file = folder.resolve("V" + version + "__" + title.replace(' ', '_') + ".sql");
        Files.writeString(file, script);
        if (!migration.transactional()) {
            Files.writeString(folder.resolve(file.getFileName() + ".conf"), "executeInTransaction=false\n");
        }
        transcript.append("\n-- ").append(file.getFileName()).append(migration.transactional() ? "" : " (+ .conf)")
                .append('\n').append(script);
        RenderedMigration next = migration.followUp();
        if (next != null) {
            // the online forms' follow-up: numbered next, outside a transaction, as generate writes it
            int followUp = nextVersion++;
            String text = next.script("V" + followUp + ": complete V" + version + " online", next.origins());
            Path nextFile = folder.resolve("V" + followUp + "__complete_V" + version + "_online.sql");
            Files.writeString(nextFile, text);
            Files.writeString(folder.resolve(nextFile.getFileName() + ".conf"), "executeInTransaction=false\n");
            transcript.append("\n-- ").append(nextFile.getFileName()).append(" (+ .conf)\n").append(text);
        }
    }

    private void migrate(ScratchDatabase db, String what) {
        lap("render and write");
        try {
            MigrationReplay.migrate(db, FlywaySettings.folder(folder));
            lap("flyway migrate");
        } catch (RuntimeException e) {
            throw new AssertionError("Flyway could not apply " + what + ": " + e.getMessage(), e);
        }
    }

    private void expectNoDrift(ScratchDatabase db, SchemaModel model, String message) throws Exception {
        try (Connection connection = db.connect()) {
            lap("connect");
            List<SchemaChange> drift = SchemaDrift.between(model, connection, engine.dialect, Set.of(FlywaySettings.DEFAULT_TABLE));
            lap("read schema back");
            expectNone(drift.stream().map(SchemaChange::describe).toList(), message + " (model -> database)");
        }
    }

    private static void expectNone(List<String> problems, String message) {
        if (!problems.isEmpty()) {
            throw new AssertionError(message + ":" + lines(problems));
        }
    }

    private static String lines(List<String> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(i -> out.append("\n  - ").append(i));
        return out.toString();
    }
}
