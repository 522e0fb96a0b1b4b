package io.github.jpamigrate.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A folder written by {@code ../shared/corpus/extract.sh}: the project's own sources, its compile
 * class path ({@code cp.txt}), the processors it needs besides ours ({@code processor.txt}), its
 * naming ({@code oracle.args}) and where it came from ({@code info.txt}). Missing optional files
 * mean "none" (a hand-made folder of our own needs only {@code src/}).
 *
 * @param dir        the folder
 * @param name       the folder's name, used as the project's name in the report
 * @param info       the {@code key: value} lines of {@code info.txt}
 * @param sources    every {@code .java} file under {@code src/}
 * @param classpath  the compile class path
 * @param processors annotation processors besides ours (Lombok), may be empty
 * @param naming     {@code jpa} or {@code spring}
 */
record ExtractedProject(Path dir, String name, Map<String, String> info, List<Path> sources, List<Path> classpath,
                        List<Path> processors, String naming) {

    /**
     * @throws IllegalArgumentException naming the folder and what it lacks
     */
    static ExtractedProject read(Path dir) {
        Path src = dir.resolve("src");
        if (!Files.isDirectory(src)) {
            throw new IllegalArgumentException(dir + " has no src/ folder: is it an output folder of"
                    + " ../shared/corpus/extract.sh -o " + dir + " <repository>?");
        }
        try (Stream<Path> files = Files.walk(src)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            return new ExtractedProject(dir, dir.getFileName().toString(), info(dir), sources,
                    pathList(dir.resolve("cp.txt")), pathList(dir.resolve("processor.txt")), naming(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commit the sources come from, or {@code -} for a folder without {@code info.txt}. */
    String commit() {
        return info.getOrDefault("commit", "-");
    }

    /** Where the sources come from, or the folder's name. */
    String repository() {
        return info.getOrDefault("repository", name);
    }

    private static Map<String, String> info(Path dir) throws IOException {
        Path file = dir.resolve("info.txt");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return Files.readAllLines(file).stream().filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2),
                        (a, b) -> b));
    }

    private static List<Path> pathList(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Arrays.stream(Files.readString(file).trim().split(":")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** {@code --naming spring} in {@code oracle.args}; JPA's default naming without it. */
    private static String naming(Path dir) throws IOException {
        Path file = dir.resolve("oracle.args");
        if (!Files.isRegularFile(file)) {
            return "jpa";
        }
        List<String> words = Arrays.asList(Files.readString(file).trim().split("\\s+"));
        int at = words.indexOf("--naming");
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : "jpa";
    }
}
