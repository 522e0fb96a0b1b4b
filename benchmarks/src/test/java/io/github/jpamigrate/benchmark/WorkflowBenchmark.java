package io.github.jpamigrate.benchmark;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link WorkflowJmh} through JMH (one forked JVM, 5 warm-up and 10 measured iterations of
 * one second) and prints each workflow's mean time per call with its 99.9% confidence interval,
 * and the CPU time per call of the benchmark thread.
 * {@code -Djpamigrate.benchmark.jmh.profiler=stack:lines=8} (or {@code gc}, ...) adds a JMH profiler.
 */
class WorkflowBenchmark {

    private static final int ENTITIES = Integer.getInteger("jpamigrate.benchmark.entities", 1000);

    @Test
    void checkAndDiffWithFiftyChanges() throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().include(WorkflowJmh.class.getName() + "\\.")
                .param("entities", String.valueOf(ENTITIES))
                .forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(10).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx2g");
        String profiler = System.getProperty("jpamigrate.benchmark.jmh.profiler");
        if (profiler != null && !profiler.isBlank()) {
            int colon = profiler.indexOf(':');
            if (colon < 0) {
                options.addProfiler(profiler);
            } else {
                options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
            }
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        assertThat(results).hasSize(2);
        StringBuilder table = new StringBuilder("| workflow (" + ENTITIES + " tables, 50 changes) | wall ms/op (mean)"
                + " | ± 99.9% | CPU ms/op |\n|---|---:|---:|---:|\n");
        for (RunResult result : results) {
            var score = result.getPrimaryResult();
            var secondary = result.getSecondaryResults();
            double cpu = secondary.get("cpuNanos").getScore() / secondary.get("calls").getScore() / 1e6;
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", result.getParams().getBenchmark()
                    .replace(WorkflowJmh.class.getName() + ".", ""), score.getScore(), score.getScoreError(), cpu));
        }
        System.out.printf("%nJMH, check and diff (generate without self-check):%n%n%s%n", table);
    }
}
