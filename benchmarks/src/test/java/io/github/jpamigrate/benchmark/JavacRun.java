package io.github.jpamigrate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One {@code javac} run in a fresh process, timed from outside: wall time, CPU time (user + system,
 * all threads: less sensitive than wall time to other work on the machine) and peak resident set
 * size, the last two from GNU {@code /usr/bin/time}.
 *
 * @param wallNanos  elapsed time of the whole process
 * @param cpuMillis  user + system CPU time, or -1 without {@code /usr/bin/time}
 * @param maxRssKib  peak resident set size, or -1 without {@code /usr/bin/time}
 */
record JavacRun(long wallNanos, long cpuMillis, long maxRssKib) {

    private static final Path TIME = Path.of("/usr/bin/time");

    /** Whether CPU time and peak memory can be measured here. */
    static boolean measuresCpu() {
        return Files.isExecutable(TIME);
    }

    /**
     * Compiles the sources listed in {@code argFile} into a fresh {@code output} folder.
     *
     * @param options the processor options ({@code -proc:none}, or a processor path and name)
     */
    static JavacRun compile(Path argFile, Path output, List<String> options) throws IOException, InterruptedException {
        deleteTree(output);
        Files.createDirectories(output);
        return run(argFile, output, ProcessorPaths.persistenceApi(), options);
    }

    private static JavacRun run(Path argFile, Path output, String classPath, List<String> options)
            throws IOException, InterruptedException {
        Path timeFile = output.resolveSibling(output.getFileName() + ".time");
        Path log = output.resolveSibling(output.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        if (measuresCpu()) {
            command.addAll(List.of(TIME.toString(), "-f", "%e %U %S %M", "-o", timeFile.toString()));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        command.addAll(List.of("--release", "17", "-encoding", "UTF-8", "-implicit:none", "-d", output.toString(),
                "-cp", classPath));
        command.addAll(options);
        command.add("@" + argFile);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        long wall = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("javac failed (exit " + exit + "): " + String.join(" ", command) + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        if (!measuresCpu()) {
            return new JavacRun(wall, -1, -1);
        }
        String[] fields = Files.readString(timeFile).trim().split("\\s+");
        long cpu = Math.round((Double.parseDouble(fields[1]) + Double.parseDouble(fields[2])) * 1000);
        return new JavacRun(wall, cpu, Long.parseLong(fields[3]));
    }

    /**
     * Recompiles {@code sources} into an {@code output} folder that a full compile filled, with that
     * folder on the class path: what an IDE or an incremental build does after an edit.
     */
    static JavacRun recompile(List<Path> sources, Path output, List<String> options)
            throws IOException, InterruptedException {
        Path argFile = argFile(sources, output.resolveSibling(output.getFileName() + ".sources"));
        return run(argFile, output, output + java.io.File.pathSeparator + ProcessorPaths.persistenceApi(), options);
    }

    /** Writes the argument file listing every source. */
    static Path argFile(List<Path> sources, Path file) throws IOException {
        Files.write(file, sources.stream().map(p -> p.toAbsolutePath().toString().replace('\\', '/')).toList());
        return file;
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
