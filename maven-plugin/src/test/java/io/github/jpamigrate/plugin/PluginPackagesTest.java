package io.github.jpamigrate.plugin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's house rules, read from its main sources so that a move that breaks them fails the
 * build: every package sits under {@code io.github.jpamigrate.plugin}, the packages import each
 * other without a loop (the goal families stand on the shared {@code project} package, which
 * stands on {@code replay}, {@code io} and the rest), and only {@code maven} sees Maven's API.
 */
class PluginPackagesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final String PREFIX = "io.github.jpamigrate.plugin";
    private static final Pattern PLUGIN_IMPORT = Pattern.compile(
            "^import (?:static )?(" + Pattern.quote(PREFIX) + "\\.[a-z0-9]+)\\.", Pattern.MULTILINE);
    private static final Pattern MAVEN_IMPORT = Pattern.compile("^import (?:static )?org\\.apache\\.maven\\.",
            Pattern.MULTILINE);

    @Test
    void everyPackageSitsUnderThePluginPrefix() throws IOException {
        assertThat(sources().keySet()).isNotEmpty()
                .allSatisfy(pkg -> assertThat(pkg).startsWith(PREFIX + "."));
    }

    @Test
    void packagesImportEachOtherWithoutALoop() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        sources().forEach((pkg, texts) -> texts.forEach(text -> {
            Matcher m = PLUGIN_IMPORT.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    imports.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
                }
            }
        }));
        List<String> loops = new ArrayList<>();
        for (String pkg : imports.keySet()) {
            loopBack(pkg, imports).ifPresent(loops::add);
        }
        assertThat(imports).as("the plugin's packages import each other").isNotEmpty();
        assertThat(loops).as("import loops between the plugin's packages").isEmpty();
    }

    @Test
    void onlyTheMavenPackageImportsMaven() throws IOException {
        Set<String> importing = new TreeSet<>();
        sources().forEach((pkg, texts) -> {
            if (texts.stream().anyMatch(text -> MAVEN_IMPORT.matcher(text).find())) {
                importing.add(pkg);
            }
        });
        assertThat(importing).containsExactly(PREFIX + ".maven");
    }

    /** A shortest chain of imports from {@code start} back to itself, written out, if there is one. */
    private static Optional<String> loopBack(String start, Map<String, Set<String>> imports) {
        Map<String, String> reachedFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : imports.getOrDefault(at, Set.of())) {
                if (next.equals(start)) {
                    StringBuilder chain = new StringBuilder(start);
                    for (String p = at; !p.equals(start); p = reachedFrom.get(p)) {
                        chain.insert(start.length(), " -> " + p);
                    }
                    return Optional.of(chain + " -> " + start);
                }
                if (reachedFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /** Package name -> the text of each of its main source files. */
    private static Map<String, List<String>> sources() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                out.computeIfAbsent(pkg, k -> new ArrayList<>()).add(Files.readString(file));
            }
        }
        return out;
    }
}
