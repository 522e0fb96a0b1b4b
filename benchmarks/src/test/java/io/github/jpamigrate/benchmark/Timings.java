package io.github.jpamigrate.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Samples per phase, each with its wall-clock time and the CPU time of the thread that did the
 * work (JDBC, SQLite's native code and Flyway all run on it; the collector and the JIT compiler do
 * not). On a machine other work shares, wall time grows with the queue for the cores; CPU time
 * much less, so ratios are given for both.
 */
final class Timings {

    /** A piece of work that is timed; may throw whatever the work throws. */
    interface Work {
        void run() throws Exception;
    }

    /** One measurement, in nanoseconds. */
    record Sample(long wall, long cpu) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    /** The current thread's CPU time so far, in nanoseconds. */
    static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Runs the work and records how long it took under {@code phase}. */
    Sample time(String phase, Work work) throws Exception {
        long cpu = cpuNow();
        long start = System.nanoTime();
        work.run();
        Sample sample = new Sample(System.nanoTime() - start, cpuNow() - cpu);
        record(phase, sample);
        return sample;
    }

    void record(String phase, Sample sample) {
        samples.computeIfAbsent(phase, p -> new ArrayList<>()).add(sample);
    }

    /** The median wall time of a phase in milliseconds. */
    double medianMillis(String phase) {
        return median(phase, Sample::wall) / 1e6;
    }

    private double median(String phase, ToLongFunction<Sample> value) {
        long[] sorted = samples.get(phase).stream().mapToLong(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * A Markdown table: each phase's median and minimum wall time, median CPU time, and the ratios
     * of both medians to {@code reference}'s.
     */
    String table(String reference) {
        StringBuilder out = new StringBuilder("| phase | wall ms (median) | wall ms (min) | CPU ms (median) | wall × "
                + reference + " | CPU × " + reference + " |\n|---|---:|---:|---:|---:|---:|\n");
        double baseWall = median(reference, Sample::wall);
        double baseCpu = median(reference, Sample::cpu);
        samples.forEach((phase, values) -> out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n",
                phase, median(phase, Sample::wall) / 1e6,
                values.stream().mapToLong(Sample::wall).min().orElse(0) / 1e6, median(phase, Sample::cpu) / 1e6,
                median(phase, Sample::wall) / baseWall, median(phase, Sample::cpu) / baseCpu)));
        return out.toString();
    }
}
