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
 * hits all of them alike. Then the incremental case an IDE or a build hits after one edit: one
 * entity recompiled by a fresh {@code javac} into the output of the full compile (the other
 * entities' classes and our previous descriptor on the class path), once with a mapping change (a
 * new field) and once with a change that leaves the mapping as it was (a new method). Prints medians
 * of wall time, CPU time and peak resident memory; asserts only that each variant produced its output.
 */
class CompileBenchmark {

    private static final List<Integer> SIZES = Arrays.stream(
            System.getProperty("jpamigrate.benchmark.compile.sizes", "100,1000,3000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.compile.repetitions", 3);
    private static final long SEED = Long.getLong("jpamigrate.benchmark.seed", 20261121L);
    /** Variants to run (names of {@link Variant}); all by default. */
    private static final Set<String> VARIANTS = Set.of(System.getProperty("jpamigrate.benchmark.compile.variants",
            "PLAIN,NO_OP,OURS,HIBERNATE").split(","));

    /** What is compiled: every source into an empty output, or one edited entity into the full compile's output. */
    private enum Kind {
        FULL("all sources"),
        ONE_MAPPING("one entity, mapping changed"),
        ONE_BODY("one entity, mapping unchanged");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record Case(Kind kind, Variant variant) {
    }

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
                !System.getProperty("jpamigrate.benchmark.compile.processor", "").isBlank() ? ProcessorPaths.ours()
                        : ProcessorPaths.oursIsPackaged() ? "the shaded jar" : "target/classes (not packaged)", REPETITIONS);
        StringBuilder table = new StringBuilder("| entities | compiled | variant | wall ms (median) | CPU ms (median)"
                + " | wall × javac | CPU × javac | CPU × no-op | peak RSS MiB (median) |\n|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (int size : SIZES) {
            table.append(measure(size));
        }
        System.out.printf("%n%s%n", table);
    }

    private String measure(int size) throws Exception {
        Path root = directory.resolve("n" + size);
        EntitySources.Written sources = EntitySources.write(SEED, size, root.resolve("src"));
        Path argFile = JavacRun.argFile(sources.files(), root.resolve("sources.txt"));
        Map<Kind, Path> edits = edits(sources, root);
        List<Variant> variants = Arrays.stream(Variant.values()).filter(v -> VARIANTS.contains(v.name())).toList();
        Map<Case, List<JavacRun>> runs = new LinkedHashMap<>();
        for (int round = size == SIZES.get(0) ? -1 : 0; round < REPETITIONS; round++) {
            List<Variant> order = new ArrayList<>(variants);
            java.util.Collections.rotate(order, Math.max(round, 0));
            for (Variant variant : order) {
                Path output = root.resolve("out-" + variant.name().toLowerCase(Locale.ROOT));
                JavacRun run = JavacRun.compile(argFile, output, variant.options());
                check(variant, output, sources);
                record(runs, round, new Case(Kind.FULL, variant), run);
            }
            for (Variant variant : order) {
                if (variant == Variant.HIBERNATE) {
                    continue;
                }
                Path full = root.resolve("out-" + variant.name().toLowerCase(Locale.ROOT));
                for (Kind kind : List.of(Kind.ONE_MAPPING, Kind.ONE_BODY)) {
                    Path output = root.resolve("inc-" + variant.name().toLowerCase(Locale.ROOT));
                    JavacRun.deleteTree(output);
                    copyTree(full, output);
                    JavacRun run = JavacRun.recompile(List.of(edits.get(kind)), output, variant.options());
                    check(variant, output, sources);
                    record(runs, round, new Case(kind, variant), run);
                }
            }
        }
        StringBuilder rows = new StringBuilder();
        for (Kind kind : Kind.values()) {
            List<JavacRun> plain = runs.get(new Case(kind, Variant.PLAIN));
            List<JavacRun> noOp = runs.get(new Case(kind, Variant.NO_OP));
            for (Variant variant : variants) {
                List<JavacRun> these = runs.get(new Case(kind, variant));
                if (these == null) {
                    continue;
                }
                double wall = median(these, JavacRun::wallNanos) / 1e6;
                double cpu = median(these, JavacRun::cpuMillis);
                double rss = median(these, JavacRun::maxRssKib) / 1024.0;
                rows.append(String.format(Locale.ROOT, "| %,d | %s | %s | %,.0f | %,.0f | %s | %s | %s | %,.0f |%n", size,
                        kind.label, variant.label, wall, cpu, ratio(wall, plain, r -> r.wallNanos() / 1e6),
                        ratio(cpu, plain, JavacRun::cpuMillis), ratio(cpu, noOp, JavacRun::cpuMillis), rss));
            }
        }
        System.out.print(rows);
        return rows.toString();
    }

    private static void record(Map<Case, List<JavacRun>> runs, int round, Case key, JavacRun run) {
        if (round >= 0) {
            runs.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
    }

    private static String ratio(double value, List<JavacRun> yardstick, java.util.function.ToDoubleFunction<JavacRun> of) {
        if (yardstick == null) {
            return "";
        }
        double[] sorted = yardstick.stream().mapToDouble(of).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return String.format(Locale.ROOT, "%.3f", value / median);
    }

    /**
     * The edited copies of one entity in the middle of the model (neither an inheritance root nor a
     * subclass): with a new field, which changes the mapping, and with a new method, which does not.
     */
    private static Map<Kind, Path> edits(EntitySources.Written sources, Path root) throws Exception {
        int index = sources.entityClasses().size() / 2 / 20 * 20 + 6;
        String entity = sources.entityClasses().get(Math.min(index, sources.entityClasses().size() - 1));
        String relative = entity.replace('.', '/') + ".java";
        String text = Files.readString(sources.sourceRoot().resolve(relative));
        int body = text.indexOf('{', text.indexOf("public class ")) + 1;
        int end = text.lastIndexOf('}');
        Map<Kind, Path> edits = new LinkedHashMap<>();
        edits.put(Kind.ONE_MAPPING, write(root.resolve("edit-mapping").resolve(relative),
                text.substring(0, body) + "\n    private String benchmarkEdit;\n" + text.substring(body)));
        edits.put(Kind.ONE_BODY, write(root.resolve("edit-body").resolve(relative),
                text.substring(0, end) + "    public int benchmarkEdit() {\n        return 1;\n    }\n}\n"));
        return edits;
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
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
