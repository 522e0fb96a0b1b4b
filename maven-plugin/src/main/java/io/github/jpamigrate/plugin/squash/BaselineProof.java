package io.github.jpamigrate.plugin.squash;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.generate.SelfCheck;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;
import io.github.jpamigrate.plugin.replay.SeedRows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Proves a baseline migration before it is written, on scratch databases of its target's engine:
 * Flyway applying the folder plus the {@code B} file to an empty database runs only the {@code B}
 * file, and the schema read back is the snapshot's; for a squash, a second database replays the
 * {@code V} chain up to the version, and must have the same schema, the same id generator state
 * and no rows of its own (a baseline holds the schema, not the chain's data changes); then both
 * get the same seeded rows and every migration above the version, and must end alike, rows kept.
 */
final class BaselineProof {

    private final BaselinePlan plan;
    private final Target target;
    private final ProjectLayout layout;
    private final String engine;

    BaselineProof(BaselinePlan plan) {
        this.plan = plan;
        this.target = plan.target();
        this.layout = target.layout();
        this.engine = SelfCheck.engine(target.dialect());
    }

    /** What the proof did, for the goal's output. */
    record Outcome(int later, int seededTables) {
    }

    /** @throws WorkflowFailure saying what differs; nothing is written then */
    Outcome run(String script, SchemaModel latest) throws IOException, SQLException {
        Path staging = layout.workDirectory().resolve("baseline").resolve(UUID.randomUUID().toString());
        Files.createDirectories(staging);
        try {
            Files.write(staging.resolve(plan.file().fileName()), script.getBytes(StandardCharsets.UTF_8));
            FlywaySettings withBaseline = target.flyway().withLocations(locations(staging));
            Set<String> ignored = ScratchReplay.ignoredTables(target.flyway().table(), plan.model(), latest);
            try (ScratchDatabase fromBaseline = scratch()) {
                migrate(fromBaseline, withBaseline, plan.version().toString(), "the folder with the new " + plan.file().fileName());
                List<SchemaChange> drift = ScratchReplay.drift(fromBaseline, plan.model(), ignored);
                if (!drift.isEmpty()) {
                    throw new WorkflowFailure(fail("Flyway applying " + plan.file().fileName() + " to an empty " + engine
                            + " database does not give the snapshot's schema at V" + plan.version()
                            + ". Differences (snapshot -> database):" + ScratchReplay.lines(drift))
                            + " Please report this as a JPA Migrate bug, with the snapshot.");
                }
                if (plan.kind() != BaselinePlan.Kind.SQUASH) {
                    return new Outcome(0, 0);
                }
                try (ScratchDatabase fromChain = scratch()) {
                    return againstChain(fromBaseline, fromChain, withBaseline, latest, ignored);
                }
            }
        } finally {
            ScratchReplay.deleteTree(staging);
        }
    }

    private Outcome againstChain(ScratchDatabase fromBaseline, ScratchDatabase fromChain, FlywaySettings withBaseline,
                                 SchemaModel latest, Set<String> ignored) throws SQLException {
        String upTo = "V" + plan.version();
        migrate(fromChain, target.flyway(), plan.version().toString(), "the migrations up to " + upTo);
        List<SchemaChange> drift = ScratchReplay.drift(fromChain, plan.model(), ignored);
        if (!drift.isEmpty()) {
            throw new WorkflowFailure(fail("replaying " + layout.show(layout.migrationDirectory()) + " up to " + upTo
                    + " on a scratch " + engine + " database does not give the snapshot at " + upTo + ", so a baseline"
                    + " made from the snapshot would build another schema than the chain. Differences (snapshot ->"
                    + " database):" + ScratchReplay.lines(drift)) + " If a migration was edited by hand, restore it;"
                    + " run mvn jpa-migrate:verify to see the whole picture.");
        }
        Map<String, String> chainState = GeneratorState.read(fromChain, plan.model());
        Map<String, String> baselineState = GeneratorState.read(fromBaseline, plan.model());
        if (!chainState.equals(baselineState)) {
            List<String> lines = new ArrayList<>();
            chainState.forEach((name, value) -> {
                if (!value.equals(baselineState.get(name))) {
                    lines.add(name + ": " + value + " after the chain, " + baselineState.get(name) + " after the baseline");
                }
            });
            throw new WorkflowFailure(fail("the id generators do not stand where the chain leaves them on a fresh"
                    + " database:\n  - " + String.join("\n  - ", lines)) + " A migration up to " + upTo
                    + " moves them (a data migration that draws ids), and a baseline made from the snapshot starts them"
                    + " at the model's initial values. Baseline at a version before that migration, or keep the chain.");
        }
        Map<String, Long> rows = rowsOf(fromChain, plan.model());
        if (!rows.isEmpty()) {
            throw new WorkflowFailure(fail("replaying the migrations up to " + upTo + " leaves rows in " + rows
                    + " on a fresh database: a data migration inserts them, and a baseline made from the snapshot holds"
                    + " the schema only, so a database started from it would lack them.") + " Baseline at a version"
                    + " before that data migration, or keep the chain.");
        }
        return nextMigrations(fromBaseline, fromChain, withBaseline, latest, ignored);
    }

    /** Both databases get the same rows, then every migration above the version: they must end alike. */
    private Outcome nextMigrations(ScratchDatabase fromBaseline, ScratchDatabase fromChain, FlywaySettings withBaseline,
                                   SchemaModel latest, Set<String> ignored) throws SQLException {
        List<Table> tables;
        try (Connection connection = fromChain.connect()) {
            tables = new SchemaReader(fromChain.dialect(), ignored).read(connection, null).tables();
        }
        Map<String, Integer> seeded = seed(fromChain, tables);
        seed(fromBaseline, tables);
        int later = migrate(fromChain, target.flyway(), null, "the migrations above V" + plan.version()
                + " on the database replayed through the chain");
        int laterOnBaseline = migrate(fromBaseline, withBaseline, null, "the migrations above V" + plan.version()
                + " on the database started from " + plan.file().fileName());
        List<String> chainDrift = ScratchReplay.drift(fromChain, latest, ignored).stream().map(SchemaChange::describe).toList();
        List<String> baselineDrift = ScratchReplay.drift(fromBaseline, latest, ignored).stream().map(SchemaChange::describe).toList();
        if (later != laterOnBaseline || !chainDrift.equals(baselineDrift)) {
            throw new WorkflowFailure(fail("after the migrations above V" + plan.version() + " (" + later + " on the chain's"
                    + " database, " + laterOnBaseline + " on the baseline's) the two databases differ from the snapshot"
                    + " differently: chain " + chainDrift + ", baseline " + baselineDrift)
                    + " Please report this as a JPA Migrate bug, with the snapshot and the migrations.");
        }
        Map<String, Long> chainRows = rowsOf(fromChain, latest);
        Map<String, Long> baselineRows = rowsOf(fromBaseline, latest);
        if (!chainRows.equals(baselineRows)) {
            throw new WorkflowFailure(fail("after the migrations above V" + plan.version() + " the rows differ: "
                    + chainRows + " on the chain's database, " + baselineRows + " on the baseline's.")
                    + " Please report this as a JPA Migrate bug, with the snapshot and the migrations.");
        }
        return new Outcome(later, seeded.size());
    }

    private Map<String, Integer> seed(ScratchDatabase db, List<Table> tables) throws SQLException {
        try (Connection connection = db.connect()) {
            return new SeedRows(plan.model(), db.dialect()).seed(connection, tables);
        }
    }

    /**
     * The tables that hold rows, with their counts, under the names the database gives them (H2
     * folds unquoted names to upper case); Flyway's history and the generator tables left out.
     */
    private Map<String, Long> rowsOf(ScratchDatabase db, SchemaModel model) throws SQLException {
        Set<String> generators = ScratchReplay.ignoredTables(target.flyway().table(), model);
        model.tableGenerators().forEach(g -> generators.add(g.table()));
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            List<String> tables = new SchemaReader(db.dialect(), generators).tableNames(connection, null);
            SeedRows.counts(sql, db.dialect(), tables).forEach((table, count) -> {
                if (count > 0) {
                    rows.put(table, count);
                }
            });
        }
        return rows;
    }

    private List<String> locations(Path staging) {
        List<String> locations = new ArrayList<>();
        if (Files.isDirectory(layout.migrationDirectory())) {
            locations.add("filesystem:" + layout.migrationDirectory().toAbsolutePath());
        }
        locations.add("filesystem:" + staging.toAbsolutePath());
        return locations;
    }

    private int migrate(ScratchDatabase db, FlywaySettings settings, String version, String what) {
        try {
            return ScratchReplay.migrate(db, settings, version);
        } catch (ReplayException e) {
            throw new WorkflowFailure(fail("Flyway could not apply " + what + ": " + e.getMessage()), e);
        }
    }

    private ScratchDatabase scratch() {
        try {
            return target.scratch();
        } catch (ReplayException e) {
            throw new WorkflowFailure("baseline" + target.label() + " needs a scratch " + engine + " database to prove "
                    + plan.file().fileName() + " and " + e.getMessage() + ". Nothing was written.", e);
        }
    }

    private String fail(String what) {
        return "baseline" + target.label() + " failed its proof: " + what + (what.endsWith(".") ? "" : ".")
                + " Nothing was written.";
    }
}
