package io.github.jpamigrate.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's packages form layers: no package reaches itself through the packages it imports from.
 * In particular the dialect packages depend on {@code sql}, never the other way round, and the
 * registry ({@code dialect}) sits above them all. Read from the sources, so a cycle fails the build.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.github\\.jpamigrate\\.core(?:\\.[a-z0-9]+)*)\\.(?:[A-Z]|\\*)",
            Pattern.MULTILINE);

    @Test
    void corePackagesHaveNoCycle() throws IOException {
        Map<String, Set<String>> imports = imports();
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            List<String> path = pathBack(start, start, imports, new TreeSet<>());
            if (path != null) {
                cycles.add(start + " -> " + String.join(" -> ", path));
            }
        }
        assertThat(cycles).as("package cycles in core").isEmpty();
    }

    /** A path of imports from {@code from} back to {@code target}, or null. */
    private static List<String> pathBack(String target, String from, Map<String, Set<String>> imports, Set<String> seen) {
        for (String next : imports.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return new ArrayList<>(List.of(next));
            }
            if (seen.add(next)) {
                List<String> rest = pathBack(target, next, imports, seen);
                if (rest != null) {
                    rest.add(0, next);
                    return rest;
                }
            }
        }
        return null;
    }

    /** Package -> the other core packages its files import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        return out;
    }
}
