package io.github.jpamigrate.plugin;

import io.github.jpamigrate.core.testing.PackageImports;
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
    private static final Pattern MAVEN_IMPORT = Pattern.compile("^import (?:static )?org\\.apache\\.maven\\.",
            Pattern.MULTILINE);

    @Test
    void everyPackageSitsUnderThePluginPrefix() throws IOException {
        assertThat(sources().keySet()).isNotEmpty()
                .allSatisfy(pkg -> assertThat(pkg).startsWith(PREFIX + "."));
    }

    @Test
    void packagesImportEachOtherWithoutALoop() throws IOException {
        Map<String, Set<String>> imports = PackageImports.read(SOURCES, PREFIX);
        assertThat(imports).as("the plugin's packages import each other").isNotEmpty();
        assertThat(PackageImports.loops(imports)).as("import loops between the plugin's packages").isEmpty();
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
