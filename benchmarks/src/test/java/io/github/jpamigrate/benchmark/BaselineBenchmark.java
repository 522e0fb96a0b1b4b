package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.squash.BaselineRequest;
import io.github.jpamigrate.plugin.squash.BaselineWorkflow;
import org.eclipse.jgit.api.Git;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code baseline} at version 150 of a 200-migration synthetic history (issue 18), on SQLite, H2,
 * PostgreSQL and MariaDB (the servers when they answer on 127.0.0.1): the goal's own proof (the
 * {@code B} file's schema is the chain's, id generators alike, the 50 migrations above apply to
 * both with rows), and how much faster a fresh database is built from {@code B150} than from
 * {@code V1..V150}. The history is rendered per dialect by the real renderers and committed in
 * git with the snapshot at V150, as {@code generate} would have left it.
 */
class BaselineBenchmark {

    /** 100 entities: 83 tables at V200 with the generator's seed. */
    private static final int ENTITIES = Integer.getInteger("jpamigrate.benchmark.baseline.entities", 100);
    private static final int MIGRATIONS = 200;
    private static final int AT = 150;
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.repetitions", 3);
    private static final long SEED = Long.getLong("jpamigrate.benchmark.seed", 20261121L);
    /** The engines to run, by dialect id (e.g. {@code mariadb,postgresql}); all four when not given. */
    private static final String ENGINES = System.getProperty("jpamigrate.benchmark.baseline.engines", "sqlite,h2,postgresql,mariadb");
    /** A folder to write the projects into and keep (to read the SQL); the test's temporary folder otherwise. */
    private static final String KEEP = System.getProperty("jpamigrate.benchmark.baseline.keep");
    private static final WorkflowLog OUT = new WorkflowLog() {
        @Override
        public void info(String message) {
            System.out.println("  " + message);
        }

        @Override
        public void warn(String message) {
            System.out.println("  [warning] " + message);
        }
    };

    @TempDir
    Path directory;

    @Test
    void baselineAt150Of200() throws Exception {
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
        SyntheticSchema schema = SchemaGenerator.generate(SEED, ENTITIES, MIGRATIONS);
        List<String> rows = new ArrayList<>();
        for (Dialect dialect : List.of(Dialect.SQLITE, Dialect.H2, Dialect.POSTGRESQL, Dialect.MARIADB)) {
            if (!List.of(ENGINES.split(",")).contains(dialect.id())) {
                continue;
            }
            ShadowDatabase shadow = shadow(dialect);
            if (ScratchDatabase.needsShadow(dialect) && shadow == null) {
                System.out.println("[skipped] no " + dialect.displayName() + " server on 127.0.0.1");
                continue;
            }
            System.out.println("\n" + dialect.displayName() + ":");
            Path root = KEEP == null ? directory : Path.of(KEEP);
            ProjectLayout layout = write(schema, root.resolve(dialect.id()), dialect);
            MigrationTargets targets = MigrationTargets.single(dialect);
            Target target = targets.resolve(layout, MigrationTargets.defaultFlyway(layout), ShadowServers.of(shadow)).get(0);
            Timings timings = new Timings();
            timings.time("baseline goal (render + proof)", () -> new BaselineWorkflow(OUT).run(new BaselineRequest(layout,
                    String.valueOf(AT), null, ShadowServers.of(shadow), targets, null)));
            assertThat(layout.migrationDirectory().resolve("B150__baseline.sql")).exists();
            // The goal's proof has built a database both ways (the JVM is warm for both); then the
            // two alternate, so that neither gets the warmer JVM or the quieter moment of a shared machine.
            for (int i = 0; i < REPETITIONS; i++) {
                fresh(timings, "chain V1..V150", target, layout, false);
                fresh(timings, "B150 alone", target, layout, true);
            }
            anatomy(timings, target, layout, root.resolve(dialect.id() + "-anatomy"));
            System.out.printf("%n%s%n", timings.table("chain V1..V150"));
            rows.add(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f× | %,.0f |", dialect.displayName(),
                    timings.medianMillis("chain V1..V150"), timings.medianMillis("B150 alone"),
                    timings.medianMillis("chain V1..V150") / timings.medianMillis("B150 alone"),
                    timings.medianMillis("baseline goal (render + proof)")));
        }
        System.out.printf("%n%d entities, %d migrations, baseline at V%d (medians of %d runs, ms):%n%n"
                + "| engine | fresh database from V1..V150 | from B150 | faster | baseline goal |%n|---|---:|---:|---:|---:|%n%s%n",
                ENTITIES, MIGRATIONS, AT, REPETITIONS, String.join("\n", rows));
    }

    /**
     * A fresh scratch database migrated to V150: through the chain (the {@code B} file set aside
     * for the run, as before {@code baseline}), or from the {@code B} file alone. Only Flyway's
     * migrate is timed, as the application runs it: creating and dropping the scratch database on a
     * server costs the same either way.
     */
    private static void fresh(Timings timings, String phase, Target target, ProjectLayout layout, boolean baseline)
            throws Exception {
        Path file = layout.migrationDirectory().resolve("B150__baseline.sql");
        Path aside = file.resolveSibling("B150__baseline.sql.aside");
        if (!baseline) {
            Files.move(file, aside);
        }
        try (ScratchDatabase db = target.scratch()) {
            int[] applied = new int[1];
            timings.time(phase, () -> applied[0] = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                    .locations(target.flyway().locations().toArray(String[]::new)).target(String.valueOf(AT))
                    .load().migrate().migrationsExecuted);
            assertThat(applied[0]).isEqualTo(baseline ? 1 : AT);
        } finally {
            if (!baseline) {
                Files.move(aside, file);
            }
        }
    }

    /**
     * Where the time goes: Flyway's fixed cost (an empty folder), its cost per migration (150
     * migrations of {@code select 1}) and the {@code B} file's statements run over plain JDBC in
     * one transaction, without Flyway, each on a fresh scratch database.
     */
    private static void anatomy(Timings timings, Target target, ProjectLayout layout, Path folder) throws Exception {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Path noOps = Files.createDirectories(folder.resolve("select-1"));
        for (int k = 1; k <= AT; k++) {
            Files.writeString(noOps.resolve("V" + k + "__select_1.sql"), "select 1;\n");
        }
        List<String> statements = new ArrayList<>();
        for (String part : Files.readString(layout.migrationDirectory().resolve("B150__baseline.sql")).split(";\n")) {
            String sql = part.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip();
            if (!sql.isEmpty()) {
                statements.add(sql);
            }
        }
        for (int i = 0; i < REPETITIONS; i++) {
            flyway(timings, "Flyway, empty folder", target, empty, 0);
            flyway(timings, "Flyway, 150 × select 1", target, noOps, AT);
            try (ScratchDatabase db = target.scratch(); Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                timings.time("B150 statements over JDBC", () -> {
                    try (var statement = connection.createStatement()) {
                        for (String sql : statements) {
                            statement.execute(sql);
                        }
                    }
                    connection.commit();
                });
            }
        }
    }

    private static void flyway(Timings timings, String phase, Target target, Path folder, int migrations) throws Exception {
        try (ScratchDatabase db = target.scratch()) {
            int[] applied = new int[1];
            timings.time(phase, () -> applied[0] = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                    .locations("filesystem:" + folder).load().migrate().migrationsExecuted);
            assertThat(applied[0]).isEqualTo(migrations);
        }
    }

    private static ShadowDatabase shadow(Dialect dialect) {
        String url = switch (dialect) {
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";
            case MARIADB -> "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000";
            default -> null;
        };
        if (url == null) {
            return null;
        }
        String user = dialect == Dialect.POSTGRESQL ? "postgres" : "root";
        try (var connection = DriverManager.getConnection(url, user, "")) {
            return new ShadowDatabase(url, user, "");
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    /**
     * The history rendered for {@code dialect}, committed in git as generate leaves it: V1..V150
     * with the snapshot at V150, then V151..V200 with the snapshot at V200.
     */
    private static ProjectLayout write(SyntheticSchema schema, Path dir, Dialect dialect) throws Exception {
        ProjectLayout layout = ProjectLayout.standard(dir);
        Files.createDirectories(layout.migrationDirectory());
        Files.createDirectories(layout.snapshot().getParent());
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            SchemaModel before = schema.state(0);
            for (int k = 1; k <= MIGRATIONS; k++) {
                SchemaModel after = schema.state(k);
                List<SchemaChange> changes = SchemaDiff.compare(before, after);
                RenderedMigration rendered = dialect.renderer().render(before, after, changes, RenderOptions.DEFAULTS);
                MigrationFile file = MigrationFile.versioned(MigrationVersion.of(k), k == 1 ? "initial_schema" : "step_" + k);
                String script = rendered.script("V" + k + ": step " + k, changes);
                Files.writeString(layout.migrationDirectory().resolve(file.fileName()), script, StandardCharsets.UTF_8);
                if (!rendered.transactional()) {
                    Files.writeString(layout.migrationDirectory().resolve(file.fileName() + ".conf"), "executeInTransaction=false\n");
                }
                if (k == AT || k == MIGRATIONS) {
                    MigrationStamp stamp = new MigrationStamp("", file, FlywayChecksum.of(script),
                            k == 1 ? null : MigrationVersion.of(k - 1));
                    Files.write(layout.snapshot(), SnapshotFile.content(after, List.of(stamp), List.of(dialect.id())));
                    git.add().addFilepattern("src").call();
                    git.commit().setMessage("V" + k).setAuthor("b", "b@example.com").setCommitter("b", "b@example.com")
                            .setSign(false).call();
                }
                before = after;
            }
        }
        Files.createDirectories(layout.descriptor().getParent());
        Files.write(layout.descriptor(), DescriptorJson.writeBytes(schema.model()));
        return layout;
    }
}
