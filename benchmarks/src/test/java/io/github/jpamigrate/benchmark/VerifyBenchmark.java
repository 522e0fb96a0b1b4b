package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.SchemaNormalForm;
import io.github.jpamigrate.core.sql.sqlite.SqliteRenderer;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import io.github.jpamigrate.plugin.verify.VerifyWorkflow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much {@code verify} costs next to Flyway applying the same folder, on a synthetic project
 * (default: 1,000 entities, 200 migrations). A benchmark, not a timed test: it asserts only that
 * the work is right and prints a table of medians; the module runs only on demand (the command
 * is in docs/performance.md).
 */
class VerifyBenchmark {

    private static final int ENTITIES = Integer.getInteger("jpamigrate.benchmark.entities", 1000);
    private static final int MIGRATIONS = Integer.getInteger("jpamigrate.benchmark.migrations", 200);
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.repetitions", 3);
    private static final long SEED = Long.getLong("jpamigrate.benchmark.seed", 20261121L);
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
    private static final WorkflowLog QUIET = new WorkflowLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            System.out.println("[verify warning] " + message);
        }
    };

    @TempDir
    Path directory;

    @Test
    void verifyNextToFlyway() throws Exception {
        FLYWAY.setLevel(Level.WARNING);
        long start = System.nanoTime();
        SyntheticSchema schema = SchemaGenerator.generate(SEED, ENTITIES, MIGRATIONS);
        ProjectLayout layout = SyntheticProject.write(schema, directory.resolve("project"));
        SchemaModel model = schema.model();
        System.out.printf("%nSynthetic project: %d tables, %d columns, %d migrations (%d KiB of SQL, %d tables rebuilt),"
                        + " generated in %d ms%n", model.tables().size(),
                model.tables().stream().mapToInt(t -> t.columns().size()).sum(), schema.migrations(),
                SyntheticProject.migrationBytes(layout) / 1024, schema.rebuilds(), (System.nanoTime() - start) / 1_000_000);
        SchemaModel changed = withFiftyChanges(model);
        Timings warmUp = new Timings();
        measure(warmUp, layout, model, changed);
        Timings timings = new Timings();
        for (int i = 0; i < REPETITIONS; i++) {
            measure(timings, layout, model, changed);
        }
        System.out.printf("%nMedians of %d runs (after one warm-up run):%n%n%s%n", REPETITIONS, timings.table("flyway migrate"));
    }

    /**
     * Heap use of one {@code verify} run at 3,000 entities (property
     * {@code jpamigrate.benchmark.memory.entities}), same history length; with the wall and CPU
     * time of that run and of bare Flyway on the same folder, to show how both scale.
     */
    @Test
    void verifyHeapAtThreeThousandEntities() throws Exception {
        FLYWAY.setLevel(Level.WARNING);
        int entities = Integer.getInteger("jpamigrate.benchmark.memory.entities", 3000);
        SyntheticSchema schema = SchemaGenerator.generate(SEED, entities, MIGRATIONS);
        ProjectLayout layout = SyntheticProject.write(schema, directory.resolve("large"));
        Timings timings = new Timings();
        timings.time("flyway migrate", () -> bareFlyway(layout));
        HeapWatch.Use[] use = new HeapWatch.Use[1];
        try (HeapWatch watch = new HeapWatch()) {
            timings.time("verify workflow (no git)", () -> new VerifyWorkflow(QUIET).run(new VerifyRequest(layout,
                    ChangeOptions.defaults(), MigrationTargets.defaultFlyway(layout), null, false)));
            use[0] = watch.use();
        }
        System.out.printf(Locale.ROOT, "%nverify at %,d tables, %d migrations: heap peak (with garbage) %,d MiB,"
                        + " largest heap after a collection %,d MiB (max heap %,d MiB); one run each:%n%n%s%n", entities,
                MIGRATIONS, use[0].peakBytes() >> 20, use[0].maxAfterCollectionBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, timings.table("flyway migrate"));
    }

    private void measure(Timings timings, ProjectLayout layout, SchemaModel model, SchemaModel changed) throws Exception {
        timings.time("flyway migrate", () -> bareFlyway(layout));
        replayAndDrift(timings, layout, model);
        timings.time("verify workflow (no git)", () -> new VerifyWorkflow(QUIET).run(
                new VerifyRequest(layout, ChangeOptions.defaults(), MigrationTargets.defaultFlyway(layout), null, false)));
        timings.time("check workflow", () -> assertThat(new CheckWorkflow(QUIET).run(layout)).isEmpty());
        timings.time("diff + render, 50 changes", () -> {
            List<SchemaChange> changes = SchemaDiff.compare(model, changed);
            assertThat(changes).hasSize(50);
            assertThat(new SqliteRenderer().render(model, changed, changes, RenderOptions.DEFAULTS).statements()).isNotEmpty();
        });
    }

    /** Flyway alone, as the application would run it at start-up: the yardstick. */
    private void bareFlyway(ProjectLayout layout) {
        try (ScratchDatabase db = ScratchDatabase.sqlite(directory.resolve("flyway"))) {
            int applied = Flyway.configure().dataSource(db.url(), null, null)
                    .locations("filesystem:" + layout.migrationDirectory().toAbsolutePath())
                    .load().migrate().migrationsExecuted;
            assertThat(applied).isEqualTo(MIGRATIONS);
        }
    }

    /**
     * The replay step of verify, phase by phase: Flyway, reading the schema back, normal forms, diff;
     * and, outside the total, the schema read the way it was before the fix, which must agree.
     */
    private void replayAndDrift(Timings timings, ProjectLayout layout, SchemaModel model) throws Exception {
        long start = System.nanoTime();
        long startCpu = Timings.cpuNow();
        try (ScratchDatabase db = ScratchDatabase.sqlite(directory.resolve("replay"))) {
            timings.time("replay: flyway", () -> assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(
                    layout.migrationDirectory()))).isEqualTo(MIGRATIONS));
            SchemaModel[] read = new SchemaModel[1];
            timings.time("replay: read schema (JDBC)", () -> {
                try (Connection connection = db.connect()) {
                    read[0] = new SchemaReader(Dialect.SQLITE, Set.of(FlywaySettings.DEFAULT_TABLE)).read(connection, null);
                }
            });
            Timings.Sample beforeFix = timings.time("replay: read schema, DatabaseMetaData per table (before the fix)",
                    () -> {
                        try (Connection connection = db.connect()) {
                            assertThat(perTableReader().read(connection, null)).isEqualTo(read[0]);
                        }
                    });
            start += beforeFix.wall();
            startCpu += beforeFix.cpu();
            SchemaModel[] normal = new SchemaModel[2];
            timings.time("replay: normal forms", () -> {
                normal[0] = SchemaNormalForm.of(model, Dialect.SQLITE);
                normal[1] = SchemaNormalForm.of(read[0], Dialect.SQLITE);
            });
            timings.time("replay: diff", () -> assertThat(SchemaDiff.compare(normal[0], normal[1])).isEmpty());
        }
        timings.record("replay + drift (total)", new Timings.Sample(System.nanoTime() - start, Timings.cpuNow() - startCpu));
    }

    /**
     * The reader as it was before SQLite's catalogue was read with set-wide queries: the same class
     * with those queries switched off (a package-private constructor, hence reflection), so that
     * before and after are timed in the same run and their results compared.
     */
    private static SchemaReader perTableReader() throws ReflectiveOperationException {
        Constructor<SchemaReader> constructor = SchemaReader.class.getDeclaredConstructor(Dialect.class, Set.class,
                boolean.class);
        constructor.setAccessible(true);
        return constructor.newInstance(Dialect.SQLITE, Set.of(FlywaySettings.DEFAULT_TABLE), false);
    }

    /** The model with 50 changes: 10 new tables, 30 new columns, 10 new indexes. */
    static SchemaModel withFiftyChanges(SchemaModel model) {
        List<Table> tables = new ArrayList<>(model.tables());
        for (int i = 0; i < 40; i++) {
            int at = i * (tables.size() / 40);
            Table t = tables.get(at);
            if (i < 30) {
                List<Column> columns = new ArrayList<>(t.columns());
                columns.add(Column.of("added_" + i, ColumnType.withLength(TypeKind.VARCHAR, 80), true));
                tables.set(at, new Table(t.name(), null, columns, t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(),
                        t.indexes(), t.checks(), t.comment(), t.entities()));
            } else {
                List<Index> indexes = new ArrayList<>(t.indexes());
                List<String> key = List.of(t.columns().get(t.columns().size() - 1).name(), "id");
                indexes.add(new Index(Identifiers.indexName(t.name(), key), key, false));
                tables.set(at, new Table(t.name(), null, t.columns(), t.primaryKey(), t.foreignKeys(),
                        t.uniqueConstraints(), indexes, t.checks(), t.comment(), t.entities()));
            }
        }
        for (int i = 0; i < 10; i++) {
            tables.add(new Table("new_table_" + i, null, List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                    Column.of("label", ColumnType.withLength(TypeKind.VARCHAR, 255), true)),
                    new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null,
                    List.of("com.acme.NewTable" + i)));
        }
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, model.sequences(),
                model.tableGenerators(), model.enums());
    }
}
