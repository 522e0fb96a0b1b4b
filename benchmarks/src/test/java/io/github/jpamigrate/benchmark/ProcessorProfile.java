package io.github.jpamigrate.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile benchmark's variants run in one JVM through {@code javax.tools}, many times: steadier
 * figures than fresh processes (no JVM start-up, javac's own code compiled by the JIT after the
 * warm-up), and one process to profile, e.g. with
 * {@code -Djpamigrate.benchmark.jvmArgs=-XX:StartFlightRecording=filename=compile.jfr,settings=profile}.
 * Not part of the {@code *Benchmark} run; on its own:
 * {@code mvn -B -Pbenchmarks -pl benchmarks -am package -Dtest=ProcessorProfile -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Djpamigrate.benchmark.profile.baseline=<jar>} adds another build of the processor (before/after),
 * {@code -Djpamigrate.benchmark.profile.variants} picks variants by name.
 * The figure is the CPU time of the compiling thread (javac compiles and runs the processors on it; the
 * garbage collector and the JIT compiler are not counted), median of the repetitions.
 */
class ProcessorProfile {

    private static final String TIMED = "javac + JPA Migrate (timed, from the class path)";
    private static final int ENTITIES = Integer.getInteger("jpamigrate.benchmark.profile.entities", 1000);
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.profile.repetitions", 5);
    /** The variants to run, by name; all by default. */
    private static final List<String> ONLY = Arrays.stream(
            System.getProperty("jpamigrate.benchmark.profile.variants", "").split(","))
            .filter(s -> !s.isBlank()).toList();

    @TempDir
    Path directory;

    @Test
    void compileInOneJvm() throws Exception {
        EntitySources.Written sources = EntitySources.write(20261121L, ENTITIES, directory.resolve("src"));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("javac -proc:none", List.of("-proc:none"));
        variants.put("javac + no-op processor", List.of("-processorpath", ProcessorPaths.noOp(), "-processor",
                NoOpProcessor.class.getName()));
        variants.put("no-op processor, -proc:only", List.of("-proc:only", "-processorpath", ProcessorPaths.noOp(),
                "-processor", NoOpProcessor.class.getName()));
        variants.put("javac + JPA Migrate", List.of("-processorpath", ProcessorPaths.ours(), "-processor",
                ProcessorPaths.OUR_PROCESSOR, "-Ajpamigrate.naming=jpa"));
        variants.put("javac + JPA Migrate, no schema class", List.of("-processorpath", ProcessorPaths.ours(),
                "-processor", ProcessorPaths.OUR_PROCESSOR, "-Ajpamigrate.naming=jpa", "-Ajpamigrate.schemaClass=none"));
        variants.put("JPA Migrate, -proc:only", List.of("-proc:only", "-processorpath", ProcessorPaths.ours(),
                "-processor", ProcessorPaths.OUR_PROCESSOR, "-Ajpamigrate.naming=jpa"));
        String baseline = System.getProperty("jpamigrate.benchmark.profile.baseline", "");
        if (!baseline.isBlank()) {
            // another build of the processor (a jar of an earlier commit), for before/after in one run
            variants.put("javac + JPA Migrate, baseline jar", List.of("-processorpath", baseline, "-processor",
                    ProcessorPaths.OUR_PROCESSOR, "-Ajpamigrate.naming=jpa"));
        }
        // our processor from this class path (and the baseline jar), wrapped to time its own calls
        Map<String, ClassLoader> timedLoaders = new LinkedHashMap<>();
        timedLoaders.put(TIMED, getClass().getClassLoader());
        if (!baseline.isBlank()) {
            timedLoaders.put(TIMED + ", baseline jar", new URLClassLoader(new URL[] {Path.of(baseline).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader()));
        }
        timedLoaders.keySet().forEach(name -> variants.put(name, List.of("-Ajpamigrate.naming=jpa")));
        if (!ONLY.isEmpty()) {
            variants.keySet().retainAll(ONLY);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        Map<String, List<Long>> own = new LinkedHashMap<>();
        for (int round = -1; round < REPETITIONS; round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                Path output = directory.resolve("out");
                JavacRun.deleteTree(output);
                Files.createDirectories(output);
                List<String> args = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-implicit:none",
                        "-d", output.toString(), "-cp", ProcessorPaths.persistenceApi()));
                args.addAll(variant.getValue());
                sources.files().forEach(f -> args.add(f.toString()));
                long start = threads.getCurrentThreadCpuTime();
                boolean ok;
                TimedProcessor timed = null;
                ClassLoader loader = timedLoaders.get(variant.getKey());
                if (loader != null) {
                    List<String> options = args.subList(0, args.size() - sources.files().size());
                    JavaCompiler.CompilationTask task = javac.getTask(null, null, null, options, null,
                            javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromPaths(sources.files()));
                    timed = new TimedProcessor((Processor) Class.forName(ProcessorPaths.OUR_PROCESSOR, true, loader)
                            .getDeclaredConstructor().newInstance());
                    task.setProcessors(List.of(timed));
                    ok = task.call();
                } else {
                    ok = javac.run(null, null, null, args.toArray(String[]::new)) == 0;
                }
                long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
                assertThat(ok).as(variant.getKey()).isTrue();
                if (variant.getKey().contains("JPA Migrate")) {
                    assertThat(output.resolve("META-INF/jpa-migrate/model.json")).as(variant.getKey()).isRegularFile();
                }
                if (round >= 0) {
                    cpu.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(millis);
                    if (timed != null) {
                        own.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(timed.cpuMillis());
                    }
                }
            }
        }
        double plain = cpu.containsKey("javac -proc:none") ? median(cpu.get("javac -proc:none")) : Double.NaN;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nIn-process compile of %,d entities, %d repetitions after one warm-up round (thread CPU time)%n"
                        + "| variant | CPU ms (median) | CPU × javac | all runs |%n|---|---:|---:|---|%n", ENTITIES,
                REPETITIONS));
        cpu.forEach((name, runs) -> table.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %s |%n", name,
                median(runs), median(runs) / plain, runs)));
        own.forEach((name, runs) -> table.append(String.format(Locale.ROOT, "| %s: the processor's own calls | %,.0f | %.2f | %s |%n",
                name, median(runs), median(runs) / plain, runs)));
        System.out.println(table);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
