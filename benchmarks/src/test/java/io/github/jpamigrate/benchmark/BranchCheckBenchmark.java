package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.branches.BranchCheck;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code check} on a folder that a merge of two generating branches left with a duplicate version,
 * in-process, at 1,000 tables and 200 migrations (the synthetic project of {@link VerifyBenchmark}
 * with a second {@code V200} beside the first and a snapshot that records {@code V200}): the
 * branch check (which fails, naming both files) and the model check, CPU time of the thread.
 */
class BranchCheckBenchmark {

    private static final int ENTITIES = Integer.getInteger("jpamigrate.benchmark.entities", 1000);
    private static final int MIGRATIONS = Integer.getInteger("jpamigrate.benchmark.migrations", 200);
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.repetitions", 3);
    private static final long SEED = Long.getLong("jpamigrate.benchmark.seed", 20261121L);
    private static final WorkflowLog QUIET = new WorkflowLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    @TempDir
    Path directory;

    @Test
    void checkWithADuplicateVersion() throws Exception {
        SyntheticSchema schema = SchemaGenerator.generate(SEED, ENTITIES, MIGRATIONS);
        ProjectLayout layout = SyntheticProject.write(schema, directory.resolve("project"));
        MigrationFile newest = MigrationFile.versioned(MigrationVersion.of(MIGRATIONS), "step_" + MIGRATIONS);
        Path script = layout.migrationDirectory().resolve(newest.fileName());
        Files.write(layout.snapshot(), SnapshotFile.content(schema.model(), List.of(new MigrationStamp("", newest,
                FlywayChecksum.of(Files.readAllBytes(script)), MigrationVersion.of(MIGRATIONS - 1L)))));
        Files.copy(script, script.resolveSibling("V" + MIGRATIONS + "__other_branch.sql"));
        MigrationTargets sqlite = MigrationTargets.single(Dialect.SQLITE);

        Timings timings = new Timings();
        for (int i = 0; i <= REPETITIONS; i++) {
            Timings into = i == 0 ? new Timings() : timings;
            into.time("check: branch check (fails on the duplicate)", () -> assertThatThrownBy(
                    () -> new BranchCheck(QUIET).run(layout, sqlite)).isInstanceOf(WorkflowFailure.class)
                    .hasMessageContaining("version " + MIGRATIONS + " has 2 migrations"));
            into.time("check: model against snapshot", () -> assertThat(new CheckWorkflow(QUIET).run(layout)).isEmpty());
        }
        System.out.printf("%ncheck with a duplicate version, %d tables, %d migrations; medians of %d runs after one"
                + " warm-up run:%n%n%s%n", ENTITIES, MIGRATIONS + 1, REPETITIONS,
                timings.table("check: model against snapshot"));
    }
}
