package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.generate.DiffWorkflow;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * JMH measurements of the two database-free workflows on a large project: {@code check} (read the
 * descriptor and the snapshot, compare) and {@code diff} (the same, plus the SQL {@code generate}
 * would write: {@code generate} without its scratch-database self-check and without writing
 * files). The project: the synthetic model of {@code entities} tables as the snapshot, and the
 * same model with 50 changes as the compiled descriptor. Run by {@link WorkflowBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkflowJmh {

    private static final WorkflowLog QUIET = new WorkflowLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    @Param("1000")
    public int entities;

    private Path directory;
    private ProjectLayout layout;

    @Setup(Level.Trial)
    public void writeProject() throws IOException {
        SchemaModel model = SchemaGenerator.generate(Long.getLong("jpamigrate.benchmark.seed", 20261121L), entities, 200)
                .model();
        directory = Files.createTempDirectory("jpamigrate-jmh");
        layout = ProjectLayout.standard(directory);
        Files.createDirectories(layout.snapshot().getParent());
        Files.write(layout.snapshot(), SnapshotFile.content(model));
        Files.createDirectories(layout.descriptor().getParent());
        Files.write(layout.descriptor(), DescriptorJson.writeBytes(VerifyBenchmark.withFiftyChanges(model)));
        String verdict = runCheck();
        if (!verdict.contains("no migration was generated")) {
            throw new IllegalStateException("check did not find the 50 pending changes: " + verdict);
        }
        if (runDiff().changes().size() != 50) {
            throw new IllegalStateException("diff did not find 50 pending changes");
        }
    }

    @TearDown(Level.Trial)
    public void deleteProject() throws IOException {
        JavacRun.deleteTree(directory);
    }

    /** Check finds the 50 changes and fails, as the build would: its message, listing them, is the result. */
    @Benchmark
    public String check(CpuTime cpu) throws IOException {
        long start = Timings.cpuNow();
        try {
            return runCheck();
        } finally {
            cpu.add(Timings.cpuNow() - start);
        }
    }

    @Benchmark
    public PendingChanges diffAndRender(CpuTime cpu) throws IOException {
        long start = Timings.cpuNow();
        try {
            return runDiff();
        } finally {
            cpu.add(Timings.cpuNow() - start);
        }
    }

    private String runCheck() throws IOException {
        try {
            return "no failure: " + new CheckWorkflow(QUIET).run(layout);
        } catch (WorkflowFailure expected) {
            return expected.getMessage();
        }
    }

    private PendingChanges runDiff() throws IOException {
        return new DiffWorkflow(QUIET).run(layout, ChangeOptions.defaults());
    }

    /**
     * The benchmark thread's CPU time, next to JMH's wall-clock score: on a shared machine the wall
     * time includes waiting for a core. Reported per iteration as two counters, whose ratio is the
     * CPU time per call.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public long cpuNanos;
        public long calls;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            calls = 0;
        }

        void add(long nanos) {
            cpuNanos += nanos;
            calls++;
        }
    }
}
