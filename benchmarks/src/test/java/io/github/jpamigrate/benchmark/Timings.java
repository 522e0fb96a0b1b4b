package io.github.jpamigrate.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wall-clock samples per phase, and the table of medians the benchmark prints. */
final class Timings {

    /** A piece of work that is timed; may throw whatever the work throws. */
    interface Work {
        void run() throws Exception;
    }

    private final Map<String, List<Long>> samples = new LinkedHashMap<>();

    /** Runs the work and records how long it took under {@code phase}. */
    void time(String phase, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        record(phase, System.nanoTime() - start);
    }

    void record(String phase, long nanos) {
        samples.computeIfAbsent(phase, p -> new ArrayList<>()).add(nanos);
    }

    /** The median of a phase in milliseconds. */
    double medianMillis(String phase) {
        List<Long> sorted = samples.get(phase).stream().sorted().toList();
        int n = sorted.size();
        long middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return middle / 1e6;
    }

    /** A Markdown table: each phase's median, min and max, and its ratio to {@code reference}'s median. */
    String table(String reference) {
        StringBuilder out = new StringBuilder("| phase | median ms | min ms | max ms | × " + reference + " |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        double base = medianMillis(reference);
        samples.forEach((phase, values) -> out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2f |%n",
                phase, medianMillis(phase), values.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                values.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, medianMillis(phase) / base)));
        return out.toString();
    }
}
