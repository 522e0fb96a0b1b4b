package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online forms on a populated PostgreSQL table (issue 17): a table of a million rows, made by
 * the generated first migration and filled with {@code generate_series}, then the generated
 * migration of one change applied by Flyway while a writer inserts and updates rows of that table
 * on its own connection, timing every statement. Three changes: (a) a new index, (b) a new foreign
 * key, (c) a column becoming NOT NULL; each once in the online forms ({@code <online>}'s default:
 * {@code create index concurrently} in a follow-up migration run outside a transaction, {@code NOT
 * VALID} then {@code VALIDATE CONSTRAINT}, NOT NULL through a validated check, {@code lock_timeout}
 * 5 s) and once in the plain forms, the contrast. In the online forms no writer statement may wait
 * as long as the lock timeout; the plain forms' figures are reported, not asserted (they hold the
 * writer for the whole build). Needs the PostgreSQL server of the test setup; creates and drops its
 * own database {@code jpamigrate_locks}. On demand only (profile {@code benchmarks},
 * docs/performance.md).
 */
class OnlineLockBenchmark {

    private static final String SERVER = System.getProperty("jpamigrate.benchmark.locks.server",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("jpamigrate.benchmark.locks.user", "postgres");
    private static final String DATABASE = "jpamigrate_locks";
    private static final int ROWS = Integer.getInteger("jpamigrate.benchmark.locks.rows", 1_000_000);
    private static final int PARENTS = 1_000;
    /** The writer runs this long before the migration starts, and again after it ended. */
    private static final long SETTLE_MILLIS = 500;

    @TempDir
    Path dir;

    /** One change to the populated {@code item} table. */
    enum Change {
        INDEX("(a) new index on item(code)", t -> with(t, t.columns(), t.foreignKeys(),
                List.of(new Index("ix_item_code", List.of("code"), false)))),
        FOREIGN_KEY("(b) new foreign key item(parent_id) -> parent", t -> with(t, t.columns(),
                List.of(new ForeignKey("fk_item_parent", List.of("parent_id"), "parent", List.of("id"), ReferentialAction.NO_ACTION)),
                t.indexes())),
        NOT_NULL("(c) item.status becomes NOT NULL, no NULL rows", Change::statusNotNull),
        NOT_NULL_BACKFILL("(c') item.status becomes NOT NULL, 2 % NULL rows backfilled", Change::statusNotNull);

        final String title;
        final UnaryOperator<Table> onItem;

        Change(String title, UnaryOperator<Table> onItem) {
            this.title = title;
            this.onItem = onItem;
        }

        private static Table statusNotNull(Table t) {
            return with(t, t.columns().stream().map(c -> c.name().equals("status") ? c.withNullable(false) : c).toList(),
                    t.foreignKeys(), t.indexes());
        }
    }

    /** What one run measured. */
    record Run(Change change, boolean online, long fillMillis, long migrateMillis, int statements,
               double maxMillis, double p99Millis, double medianMillis, List<String> errors, String migrationError,
               List<String> files) {
    }

    @Test
    void onlineFormsNeverHoldTheWriterAsLongAsTheLockTimeout() throws Exception {
        long lockTimeout = RenderOptions.Online.millis(RenderOptions.Online.DEFAULT.lockTimeout(), "lockTimeout");
        List<Run> runs = new ArrayList<>();
        for (Change change : changes()) {
            for (boolean online : new boolean[] {true, false}) {
                runs.add(run(change, online));
            }
        }
        print(runs, lockTimeout);
        for (Run run : runs) {
            if (run.online()) {
                assertThat(run.maxMillis()).as("longest writer statement during %s, online forms (ms)", run.change().title)
                        .isLessThan(lockTimeout);
                assertThat(run.statements()).as("writer statements during %s", run.change().title).isPositive();
                assertThat(run.errors()).as("writer statements that failed during %s, online forms", run.change().title)
                        .isEmpty();
                assertThat(run.migrationError()).as("the migration of %s, online forms", run.change().title).isNull();
            }
        }
    }

    /** All changes, or those named in {@code -Djpamigrate.benchmark.locks.changes=INDEX,NOT_NULL_BACKFILL}. */
    private static List<Change> changes() {
        String names = System.getProperty("jpamigrate.benchmark.locks.changes", "");
        return names.isBlank() ? List.of(Change.values())
                : Arrays.stream(names.split(",")).map(n -> Change.valueOf(n.strip().toUpperCase(Locale.ROOT))).toList();
    }

    private Run run(Change change, boolean online) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(change.name().toLowerCase(Locale.ROOT) + (online ? "-online" : "-plain")));
        SchemaModel before = model(UnaryOperator.identity());
        SchemaModel after = model(change.onItem);
        List<String> files = new ArrayList<>();
        write(folder, 1, "create", new SchemaModel("jpa", "hibernate-7", "jpa-migrate benchmark", List.of(), List.of(), List.of(), List.of()), before, RenderOptions.DEFAULTS, files);
        RenderOptions options = RenderOptions.withBackfills(List.of("item.status='NEW'"));
        write(folder, 2, change.name().toLowerCase(Locale.ROOT), before, after,
                online ? options.withOnline(RenderOptions.Online.DEFAULT) : options, files);

        recreateDatabase();
        flyway(folder).target("1").load().migrate();
        long fillStart = System.nanoTime();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into parent (id, name) select g, 'p' || g from generate_series(1, " + PARENTS + ") g");
            // (c') every 50th status NULL: rows to backfill
            String status = change == Change.NOT_NULL_BACKFILL ? "case when g % 50 = 0 then null else 'OPEN' end" : "'OPEN'";
            s.execute("insert into item (id, parent_id, code, status, amount) select g, 1 + g % " + PARENTS
                    + ", 'c' || (g::bigint * 7919 % 1000003), " + status + ", g % 100"
                    + " from generate_series(1, " + ROWS + ") g");
            s.execute("vacuum analyze parent");
            s.execute("vacuum analyze item");
        }
        long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;

        Writer writer = new Writer();
        Thread thread = new Thread(writer, "writer");
        thread.start();
        Thread.sleep(SETTLE_MILLIS);
        long start = System.nanoTime();
        String migrationError = null;
        try {
            flyway(folder).load().migrate();
        } catch (FlywayException failed) {
            // the plain forms may lose a deadlock against the writer: reported, not thrown
            migrationError = failed.getMessage().lines().filter(l -> l.startsWith("Message")).findFirst()
                    .orElse(failed.getMessage().lines().findFirst().orElse("")).replaceFirst("^Message\\s*:\\s*", "");
        }
        long migrateMillis = (System.nanoTime() - start) / 1_000_000;
        Thread.sleep(SETTLE_MILLIS);
        writer.stop.set(true);
        thread.join();
        if (writer.failure != null) {
            throw new AssertionError("the writer could not run during " + change.title, writer.failure);
        }
        double[] sorted = writer.latencies();
        Arrays.sort(sorted);
        return new Run(change, online, fillMillis, migrateMillis, sorted.length,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], percentile(sorted, 0.99), percentile(sorted, 0.5),
                writer.errors(), migrationError, files);
    }

    /**
     * Inserts and updates rows of {@code item} in a loop, one statement per transaction, timing each;
     * a statement the server refuses (a deadlock) is timed too and its message kept.
     */
    private static final class Writer implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        private final List<Double> millis = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        volatile Exception failure;

        @Override
        public void run() {
            SplittableRandom random = new SplittableRandom(17);
            long nextId = ROWS + 1L;
            try (Connection c = connect();
                 PreparedStatement insert = c.prepareStatement(
                         "insert into item (id, parent_id, code, status, amount) values (?, ?, ?, 'OPEN', 1)");
                 PreparedStatement update = c.prepareStatement("update item set amount = amount + 1 where id = ?")) {
                boolean inserting = true;
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        if (inserting) {
                            insert.setLong(1, nextId);
                            insert.setLong(2, 1 + random.nextInt(PARENTS));
                            insert.setString(3, "w" + nextId++);
                            insert.executeUpdate();
                        } else {
                            // rows whose id is a multiple of 50: those (c') backfills, where a writer meets the backfill's row locks
                            update.setLong(1, 50L * (1 + random.nextInt(ROWS / 50)));
                            update.executeUpdate();
                        }
                    } catch (SQLException refused) {
                        synchronized (millis) {
                            errors.add((inserting ? "insert: " : "update: ") + refused.getMessage().lines().findFirst().orElse(""));
                        }
                    }
                    synchronized (millis) {
                        millis.add((System.nanoTime() - t0) / 1e6);
                    }
                    inserting = !inserting;
                }
            } catch (SQLException e) {
                failure = e;
            }
        }

        List<String> errors() {
            synchronized (millis) {
                return List.copyOf(errors);
            }
        }

        double[] latencies() {
            synchronized (millis) {
                return millis.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
    }

    /** {@code parent(id, name)} and {@code item(id, parent_id, code, status, amount)}, with {@code change} applied to item. */
    private static SchemaModel model(UnaryOperator<Table> change) {
        Table parent = new Table("parent", null, List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 64), true)),
                new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null, List.of("com.acme.Parent"));
        Table item = new Table("item", null, List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("parent_id", ColumnType.of(TypeKind.BIGINT), true),
                Column.of("code", ColumnType.withLength(TypeKind.VARCHAR, 32), true),
                Column.of("status", ColumnType.withLength(TypeKind.VARCHAR, 20), true),
                Column.of("amount", ColumnType.of(TypeKind.INTEGER), false)),
                new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null, List.of("com.acme.Item"));
        return new SchemaModel("jpa", "hibernate-7", "jpa-migrate benchmark", List.of(parent, change.apply(item)),
                List.of(), List.of(), List.of());
    }

    private static Table with(Table t, List<Column> columns, List<ForeignKey> keys, List<Index> indexes) {
        return new Table(t.name(), t.schema(), columns, t.primaryKey(), keys, t.uniqueConstraints(), indexes, t.checks(),
                t.comment(), t.entities());
    }

    /** Migration {@code version} (and its follow-up, numbered next) as generate renders it for PostgreSQL. */
    private static void write(Path folder, int version, String slug, SchemaModel from, SchemaModel to, RenderOptions options,
                              List<String> files) throws Exception {
        MigrationRenderer renderer = Dialect.POSTGRESQL.renderer();
        List<SchemaChange> changes = SchemaDiff.compare(from, to);
        RenderedMigration migration = renderer.render(from, to, changes, options);
        String name = "V" + version + "__" + slug + ".sql";
        String script = migration.script("V" + version + ": " + slug, changes, renderer.words(from, to));
        Files.writeString(folder.resolve(name), script, StandardCharsets.UTF_8);
        files.add(name + "\n" + script);
        RenderedMigration next = migration.followUp();
        if (next != null) {
            String nextName = "V" + (version + 1) + "__complete_v" + version + "_online.sql";
            String nextScript = next.script("V" + (version + 1) + ": complete V" + version + " online", next.origins(),
                    renderer.words(from, to));
            Files.writeString(folder.resolve(nextName), nextScript, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(nextName + ".conf"), "executeInTransaction=false\n", StandardCharsets.UTF_8);
            files.add(nextName + "\n" + nextScript);
        }
    }

    /** Flyway as a project configures it for the online forms: its session-level lock on PostgreSQL. */
    private static FluentConfiguration flyway(Path folder) {
        FluentConfiguration config = Flyway.configure().dataSource(SERVER + DATABASE, USER, "")
                .locations("filesystem:" + folder);
        config.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return config;
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new SQLException("cannot reach PostgreSQL at " + SERVER + " as " + USER + " (" + e.getMessage()
                    + "); start it, or point -Djpamigrate.benchmark.locks.server at one", e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, USER, "");
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void print(List<Run> runs, long lockTimeout) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nOnline forms on a populated PostgreSQL table: %,d rows in item, %,d in parent;"
                + " lock_timeout %,d ms; load average %s%n", ROWS, PARENTS, lockTimeout, loadAverage()));
        out.append("| change | forms | fill ms | migration ms | writer statements | writer max ms | writer p99 ms"
                + " | writer median ms | writer statements refused | migration |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Run run : runs) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,.1f | %,.1f | %,.2f | %s | %s |%n",
                    run.change().title, run.online() ? "online" : "plain", run.fillMillis(), run.migrateMillis(),
                    run.statements(), run.maxMillis(), run.p99Millis(), run.medianMillis(),
                    run.errors().isEmpty() ? "0" : run.errors().size() + ": " + run.errors().get(0),
                    run.migrationError() == null ? "applied" : "failed: " + run.migrationError()));
        }
        for (Run run : runs) {
            out.append(String.format("%n-- %s, %s forms:%n", run.change().title, run.online() ? "online" : "plain"));
            run.files().stream().skip(1).forEach(f -> out.append("---- ").append(f).append('\n'));
        }
        System.out.println(out);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
