package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.lint.LintWorkflow;
import io.github.jpamigrate.plugin.live.CheckDbWorkflow;
import io.github.jpamigrate.plugin.live.FlywayHistory;
import io.github.jpamigrate.plugin.live.LiveDatabase;
import io.github.jpamigrate.plugin.live.LiveFinding;
import io.github.jpamigrate.plugin.live.LiveRequest;
import io.github.jpamigrate.plugin.live.MigrationScan;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;
import io.github.jpamigrate.plugin.replay.SeedRows;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import io.github.jpamigrate.plugin.verify.VerifyWorkflow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a server's schema at 1,000 tables (PostgreSQL, MariaDB): the set-wide catalogue queries
 * next to {@code DatabaseMetaData} table by table (both readings compared in every repetition),
 * and {@code check-db} on the same database, which Flyway built from the synthetic project's
 * migrations rendered for that server. Needs the servers of the test setup; creates and drops its
 * own database on each ({@code jpamigrate.benchmark.servers.database}).
 */
class ServerReadBenchmark {

    private static final int ENTITIES = Integer.getInteger("jpamigrate.benchmark.entities", 1000);
    private static final int MIGRATIONS = Integer.getInteger("jpamigrate.benchmark.migrations", 200);
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.repetitions", 3);
    private static final long SEED = Long.getLong("jpamigrate.benchmark.seed", 20261121L);
    private static final String DATABASE = System.getProperty("jpamigrate.benchmark.servers.database", "jpamigrate_reads");
    private static final List<String> SERVERS = Arrays.asList(
            System.getProperty("jpamigrate.benchmark.servers", "postgresql,mariadb").split(","));
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
    private static final WorkflowLog QUIET = new WorkflowLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            System.out.println("[warning] " + message);
        }
    };

    /**
     * A log that keeps when each line came (ms since it was made) and counts the warnings (verify's
     * lints warn about every unindexed foreign key of the synthetic schema): the lines of the last
     * verify run are printed, a coarse profile of where its time went.
     */
    private static final class TimedLog implements WorkflowLog {
        private final long start = System.nanoTime();
        private final List<String> lines = new java.util.ArrayList<>();
        private int warnings;

        @Override
        public void info(String message) {
            lines.add(String.format(Locale.ROOT, "%,8d ms  %s", (System.nanoTime() - start) / 1_000_000,
                    message.lines().findFirst().orElse("")));
        }

        @Override
        public void warn(String message) {
            warnings++;
        }
    }

    @TempDir
    Path directory;

    @Test
    void schemaReadsAndCheckDb() throws Exception {
        FLYWAY.setLevel(Level.WARNING);
        SyntheticSchema schema = SchemaGenerator.generate(SEED, ENTITIES, MIGRATIONS);
        for (String server : SERVERS) {
            Dialect dialect = Dialect.valueOf(server.trim().toUpperCase(Locale.ROOT));
            String[] connection = server(dialect);
            ProjectLayout layout = SyntheticProject.write(schema, directory.resolve(dialect.id()), dialect);
            recreate(connection);
            String url = connection[0] + DATABASE + connection[2];
            Timings setup = new Timings();
            setup.time("flyway migrate", () -> assertThat(Flyway.configure().dataSource(url, connection[1], "")
                    .locations("filesystem:" + layout.migrationDirectory().toAbsolutePath()).load().migrate()
                    .migrationsExecuted).isEqualTo(MIGRATIONS));
            Timings timings = new Timings();
            for (int i = 0; i <= REPETITIONS; i++) {
                measure(i == 0 ? new Timings() : timings, dialect, url, connection[1], layout);
            }
            System.out.printf(Locale.ROOT, "%n%s, %d tables (Flyway applied %d migrations in %,.0f ms); medians of %d runs"
                            + " after one warm-up run:%n%n%s%n", dialect.displayName(), schema.model().tables().size(), MIGRATIONS,
                    setup.medianMillis("flyway migrate"), REPETITIONS, timings.table("read: DatabaseMetaData per table"));
            drop(connection);
        }
    }

    /**
     * {@code verify} on PostgreSQL (its replay in a scratch database the shadow server makes) next to
     * Flyway applying the same folder to a fresh database of the same server, as an application's
     * start-up would: the synthetic project (1,000 tables, 200 migrations) rendered for PostgreSQL.
     */
    @Test
    void verifyNextToFlywayOnPostgresql() throws Exception {
        FLYWAY.setLevel(Level.WARNING);
        SyntheticSchema schema = SchemaGenerator.generate(SEED, ENTITIES, MIGRATIONS);
        ProjectLayout layout = SyntheticProject.write(schema, directory.resolve("verify"), Dialect.POSTGRESQL);
        String[] server = server(Dialect.POSTGRESQL);
        String url = server[0] + DATABASE + server[2];
        ShadowDatabase shadow = new ShadowDatabase(server[0] + server[3], server[1], "");
        Timings timings = new Timings();
        Timings process = new Timings();
        Timings parts = new Timings();
        TimedLog[] log = new TimedLog[1];
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i <= REPETITIONS; i++) {
            boolean warmUp = i == 0;
            recreate(server);
            Timings.Sample flyway = timeBoth(warmUp ? new Timings() : timings, warmUp ? new Timings() : process,
                    "flyway migrate (fresh database)", () -> assertThat(Flyway.configure().dataSource(url, server[1], "")
                            .locations("filesystem:" + layout.migrationDirectory().toAbsolutePath()).load().migrate()
                            .migrationsExecuted).isEqualTo(MIGRATIONS));
            Timings.Sample verify = timeBoth(warmUp ? new Timings() : timings, warmUp ? new Timings() : process,
                    "verify workflow (no git), PostgreSQL shadow", () -> {
                        log[0] = new TimedLog();
                        new VerifyWorkflow(log[0]).run(new VerifyRequest(layout, ChangeOptions.defaults(),
                                MigrationTargets.defaultFlyway(layout), null, false, shadow,
                                MigrationTargets.single(Dialect.POSTGRESQL)));
                    });
            if (!warmUp) {
                // the two ran one after the other: their ratio is less at the mercy of the load than the medians'
                paired.add((double) verify.wall() / flyway.wall());
            }
            VerifyParts.measure(warmUp ? new Timings() : parts, layout, shadow, directory.resolve("parts"));
        }
        drop(server);
        System.out.printf(Locale.ROOT, "%nverify on PostgreSQL, %d tables, %d migrations; medians of %d runs after one"
                + " warm-up run:%n%n%s%n", schema.model().tables().size(), MIGRATIONS, REPETITIONS,
                timings.table("flyway migrate (fresh database)"));
        System.out.printf(Locale.ROOT, "verify's wall time over Flyway's just before it, per run: %s (median %.2f)%n%n",
                String.join(", ", paired.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                paired.stream().sorted().toList().get(paired.size() / 2));
        System.out.printf(Locale.ROOT, "The same runs, CPU of the whole JVM (every thread: parser threads, the"
                + " collector, the JIT compiler):%n%n%s%n", process.table("flyway migrate (fresh database)"));
        System.out.printf(Locale.ROOT, "verify's steps one by one, as the workflow runs them (one thread; medians of"
                + " %d runs):%n%n%s%n", REPETITIONS, parts.table("verify part: replay up to the newest (Flyway)"));
        System.out.printf(Locale.ROOT, "The last verify run's log (%d warnings not shown):%n%s%n", log[0].warnings,
                String.join("\n", log[0].lines));
    }

    /** Times the work into {@code thread} (the calling thread's CPU) and {@code process} (the whole JVM's CPU). */
    private static Timings.Sample timeBoth(Timings thread, Timings process, String phase, Timings.Work work)
            throws Exception {
        long cpu = VerifyParts.processCpuNow();
        Timings.Sample sample = thread.time(phase, work);
        process.record(phase, new Timings.Sample(sample.wall(), VerifyParts.processCpuNow() - cpu));
        return sample;
    }

    private static void measure(Timings timings, Dialect dialect, String url, String user, ProjectLayout layout)
            throws Exception {
        Set<String> ignored = Set.of(FlywaySettings.DEFAULT_TABLE);
        SchemaModel[] read = new SchemaModel[1];
        timings.time("read: set-wide queries", () -> {
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                read[0] = new SchemaReader(dialect, ignored).read(c, null);
            }
        });
        assertThat(read[0].tables()).hasSize(ENTITIES);
        timings.time("read: DatabaseMetaData per table", () -> {
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                assertThat(perTableReader(dialect, ignored).read(c, null)).isEqualTo(read[0]);
            }
        });
        // check-db's parts, to see where its time goes
        LiveDatabase database = LiveDatabase.of(url, user, "");
        FlywaySettings flyway = FlywaySettings.folder(layout.migrationDirectory());
        timings.time("check-db part: scan the migration files", () -> MigrationScan.of(
                List.of(new MigrationDirectory(layout.migrationDirectory())), dialect));
        timings.time("check-db part: Flyway history (info + validate)", () -> FlywayHistory.read(database, flyway));
        timings.time("check-db workflow", () -> {
            LiveRequest request = new LiveRequest(layout, LiveDatabase.of(url, user, ""),
                    FlywaySettings.folder(layout.migrationDirectory()), MigrationTargets.single(dialect));
            assertThat(new CheckDbWorkflow(QUIET).run(request, LiveFinding.Kind.parse(List.of("all")))).isEmpty();
        });
    }

    /** The reader with the set-wide queries switched off (a package-private constructor, hence reflection). */
    private static SchemaReader perTableReader(Dialect dialect, Set<String> ignored) throws ReflectiveOperationException {
        Constructor<SchemaReader> constructor = SchemaReader.class.getDeclaredConstructor(Dialect.class, Set.class,
                boolean.class);
        constructor.setAccessible(true);
        return constructor.newInstance(dialect, ignored, false);
    }

    /** The server URL without a database, the user, the URL's tail, and the maintenance database. */
    private static String[] server(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new String[] {System.getProperty("jpamigrate.benchmark.postgresql.server",
                    "jdbc:postgresql://127.0.0.1:5432/"), "postgres", "", "postgres"};
            case MARIADB -> new String[] {System.getProperty("jpamigrate.benchmark.mariadb.server",
                    "jdbc:mariadb://127.0.0.1:3306/"), "root", "", ""};
            default -> throw new IllegalArgumentException("no server for " + dialect.id());
        };
    }

    private static void recreate(String[] server) throws Exception {
        drop(server);
        try (Connection c = DriverManager.getConnection(server[0] + server[3], server[1], ""); Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE);
        }
    }

    private static void drop(String[] server) throws Exception {
        try (Connection c = DriverManager.getConnection(server[0] + server[3], server[1], ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + (server[0].contains("postgresql") ? " with (force)" : ""));
        }
    }

    /**
     * The steps of {@code verify} on PostgreSQL one at a time, through the same public pieces the
     * workflow calls, so that the whole run's time can be split: the check, the scratch database,
     * Flyway up to the migration before the newest, the schema read for the seeding, the seeding,
     * Flyway for the newest, the row count, the replay verdict (schema read + diff), the migration
     * lint, and the drop. Sequential, on the calling thread: the sum of the parts is what a run
     * costs when nothing overlaps.
     */
    static final class VerifyParts {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        private VerifyParts() {
        }

        /** The CPU time of every thread of this JVM so far, in nanoseconds. */
        static long processCpuNow() {
            return OS.getProcessCpuTime();
        }

        static void measure(Timings timings, ProjectLayout layout, ShadowDatabase shadow, Path scratchDirectory)
                throws Exception {
            ProjectModels[] models = new ProjectModels[1];
            timings.time("verify part: read the descriptor, snapshot and drift baseline", () -> models[0] =
                    AcceptedDrift.read(layout, ProjectModels.read(layout)).compared());
            SchemaModel model = models[0].model();
            timings.time("verify part: check", () -> assertThat(new CheckWorkflow(QUIET).run(layout)).isEmpty());
            FlywaySettings flyway = FlywaySettings.folder(layout.migrationDirectory());
            List<MigrationVersion> versions = new MigrationDirectory(layout.migrationDirectory()).versions();
            String beforeNewest = versions.get(versions.size() - 2).toString();
            Set<String> ignored = ScratchReplay.ignoredTables(flyway.table(), model);
            ScratchDatabase[] scratch = new ScratchDatabase[1];
            timings.time("verify part: create the scratch database", () -> scratch[0] = ScratchDatabase.of(
                    Dialect.POSTGRESQL, scratchDirectory, shadow));
            try (ScratchDatabase db = scratch[0]) {
                timings.time("verify part: replay up to the newest (Flyway)", () -> assertThat(ScratchReplay.migrate(db,
                        flyway, beforeNewest)).isEqualTo(MIGRATIONS - 1));
                List<Table> tables = new ArrayList<>();
                Map<String, Integer> seeded = new java.util.LinkedHashMap<>();
                try (Connection connection = db.connect()) {
                    timings.time("verify part: data, read the schema to seed", () -> tables.addAll(
                            new SchemaReader(db.dialect(), ignored).read(connection, null).tables()));
                    timings.time("verify part: data, seed the rows", () -> seeded.putAll(
                            new SeedRows(model, db.dialect()).seed(connection, tables)));
                }
                timings.time("verify part: data, the newest migration (Flyway)", () -> assertThat(ScratchReplay.migrate(
                        db, flyway, null)).isEqualTo(1));
                timings.time("verify part: data, count the rows", () -> {
                    try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
                        new SchemaReader(db.dialect(), ignored).tableNames(connection, null);
                        for (String table : seeded.keySet()) {
                            assertThat(SeedRows.count(sql, db.dialect(), table)).isEqualTo(SeedRows.ROWS);
                        }
                    }
                });
                timings.time("verify part: replay verdict, read the schema and diff", () -> assertThat(
                        ScratchReplay.driftRead(db, model, ScratchReplay.ignoredTables(flyway.table(), model,
                                models[0].snapshot())).changes()).isEmpty());
                timings.time("verify part: drop the scratch database", db::close);
            }
            timings.time("verify part: migration lint", () -> new LintWorkflow(new TimedLog(), Map.of()).run(layout,
                    List.of(new LintWorkflow.Folder(Dialect.POSTGRESQL, layout.migrationDirectory())), model, null));
        }
    }
}
