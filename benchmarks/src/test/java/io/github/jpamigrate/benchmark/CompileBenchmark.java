package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the processor adds to a compile: the same generated entities compiled by a fresh
 * {@code javac} process without processors, with a processor that does nothing (javac's own cost
 * of annotation processing), with ours, and with Hibernate's metamodel processor, at several model
 * sizes. The variants take turns within each repetition, so a burst of other work on the machine
 * hits all of them alike. Prints medians of wall time, CPU time and peak
 * resident memory; asserts only that each variant produced its output.
 */
class CompileBenchmark {

    private static final List<Integer> SIZES = Arrays.stream(
            System.getProperty("jpamigrate.benchmark.compile.sizes", "100,1000,3000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.compile.repetitions", 3);
    private static final long SEED = Long.getLong("jpamigrate.benchmark.seed", 20261121L);

    private enum Variant {
        PLAIN("javac"),
        NO_OP("javac + no-op processor"),
        OURS("javac + JPA Migrate"),
        HIBERNATE("javac + Hibernate metamodel");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        List<String> options() {
            return switch (this) {
                case PLAIN -> List.of("-proc:none");
                case NO_OP -> List.of("-processorpath", ProcessorPaths.noOp(), "-processor", NoOpProcessor.class.getName());
                case OURS -> List.of("-processorpath", ProcessorPaths.ours(), "-processor", ProcessorPaths.OUR_PROCESSOR,
                        "-Ajpamigrate.naming=jpa");
                case HIBERNATE -> List.of("-processorpath", ProcessorPaths.hibernate(), "-processor",
                        ProcessorPaths.HIBERNATE_PROCESSOR);
            };
        }
    }

    @TempDir
    Path directory;

    @Test
    void compileNextToJavacAndHibernatesProcessor() throws Exception {
        System.out.printf("%nCompile benchmark: fresh javac %s per run, our processor from %s, %d repetitions"
                        + " (one warm-up round, not counted, before the first size)%n", System.getProperty("java.version"),
                ProcessorPaths.oursIsPackaged() ? "the shaded jar" : "target/classes (not packaged)", REPETITIONS);
        StringBuilder table = new StringBuilder("| entities | variant | wall ms (median) | CPU ms (median) | wall × javac"
                + " | CPU × javac | peak RSS MiB (median) |\n|---:|---|---:|---:|---:|---:|---:|\n");
        for (int size : SIZES) {
            table.append(measure(size));
        }
        System.out.printf("%n%s%n", table);
    }

    private String measure(int size) throws Exception {
        Path root = directory.resolve("n" + size);
        EntitySources.Written sources = EntitySources.write(SEED, size, root.resolve("src"));
        Path argFile = JavacRun.argFile(sources.files(), root.resolve("sources.txt"));
        Map<Variant, List<JavacRun>> runs = new LinkedHashMap<>();
        for (int round = size == SIZES.get(0) ? -1 : 0; round < REPETITIONS; round++) {
            List<Variant> order = new ArrayList<>(List.of(Variant.values()));
            java.util.Collections.rotate(order, Math.max(round, 0));
            for (Variant variant : order) {
                Path output = root.resolve("out-" + variant.name().toLowerCase(Locale.ROOT));
                JavacRun run = JavacRun.compile(argFile, output, variant.options());
                check(variant, output, sources);
                if (round >= 0) {
                    runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(run);
                }
            }
        }
        StringBuilder rows = new StringBuilder();
        double plainWall = median(runs.get(Variant.PLAIN), JavacRun::wallNanos) / 1e6;
        double plainCpu = median(runs.get(Variant.PLAIN), JavacRun::cpuMillis);
        for (Variant variant : Variant.values()) {
            double wall = median(runs.get(variant), JavacRun::wallNanos) / 1e6;
            double cpu = median(runs.get(variant), JavacRun::cpuMillis);
            double rss = median(runs.get(variant), JavacRun::maxRssKib) / 1024.0;
            rows.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %,.0f | %.3f | %.3f | %,.0f |%n", size,
                    variant.label, wall, cpu, wall / plainWall, cpu / plainCpu, rss));
        }
        System.out.print(rows);
        return rows.toString();
    }

    /** Each variant did its job: class files; our descriptor naming every entity; Hibernate's metamodel classes. */
    private static void check(Variant variant, Path output, EntitySources.Written sources) throws Exception {
        Path pkg = output.resolve(EntitySources.PACKAGE.replace('.', '/'));
        for (String entity : sources.entityClasses()) {
            assertThat(output.resolve(entity.replace('.', '/') + ".class")).exists();
        }
        switch (variant) {
            case PLAIN, NO_OP -> assertThat(output.resolve("META-INF")).doesNotExist();
            case OURS -> {
                SchemaModel model = DescriptorJson.read(output.resolve("META-INF/jpa-migrate/model.json"));
                Set<String> mapped = new TreeSet<>();
                model.tables().forEach(t -> mapped.addAll(t.entities()));
                assertThat(mapped).containsAll(sources.entityClasses());
            }
            case HIBERNATE -> {
                try (Stream<Path> files = Files.list(pkg)) {
                    assertThat(files.filter(f -> f.getFileName().toString().endsWith("_.class")).count())
                            .isGreaterThanOrEqualTo(sources.entityClasses().size());
                }
            }
        }
    }

    private static double median(List<JavacRun> runs, java.util.function.ToLongFunction<JavacRun> value) {
        long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
