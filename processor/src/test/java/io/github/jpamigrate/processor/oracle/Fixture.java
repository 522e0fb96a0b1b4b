package io.github.jpamigrate.processor.oracle;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * One fixture model: the entity sources in one folder under {@code src/test/resources/fixtures},
 * written against {@code jakarta.persistence}.
 *
 * @param name    the folder name, e.g. {@code relations}
 * @param sources source text by fully qualified class name
 */
record Fixture(String name, Map<String, String> sources) {

    /** A file in a fixture folder whose annotations exist on Hibernate 7 only. */
    static final String HIBERNATE_7_ONLY = "hibernate-7-only.txt";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /**
     * The names of all fixture folders, sorted; {@code -Doracle.fixtures=a,b} narrows a run to those
     * folders, so that one fixture can be checked without booting Hibernate for all of them.
     */
    static List<String> names() {
        // a fixture using annotations 6.6 does not have (@View) holds this file and runs on 7.x only
        List<String> only = List.of(System.getProperty("oracle.fixtures", "").split(",")).stream()
                .map(String::trim).filter(n -> !n.isEmpty()).toList();
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> only.isEmpty() || only.contains(n))
                    .filter(n -> HibernateModel.ormLine().equals("hibernate-7")
                            || !Files.exists(root().resolve(n).resolve(HIBERNATE_7_ONLY)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture load(String name) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(root().resolve(name))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                sources.put(qualifiedName(file, text), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("fixture folder " + name + " has no .java files");
        }
        return new Fixture(name, sources);
    }

    /**
     * The same sources with every {@code jakarta.persistence} and {@code jakarta.validation}
     * reference moved to {@code javax.persistence} and {@code javax.validation}.
     */
    Fixture inJavaxNamespace() {
        Map<String, String> moved = new TreeMap<>();
        sources.forEach((type, text) -> moved.put(type, text.replace("jakarta.persistence", "javax.persistence")
                .replace("jakarta.validation", "javax.validation")));
        return new Fixture(name, moved);
    }

    /** Whether the entities carry Bean Validation constraints, which Hibernate applies to the DDL. */
    boolean usesBeanValidation() {
        return sources.values().stream().anyMatch(text -> text.contains("jakarta.validation."));
    }

    List<JavaFileObject> javaFiles() {
        return sources.entrySet().stream()
                .map(e -> JavaFileObjects.forSourceString(e.getKey(), e.getValue()))
                .toList();
    }

    private static String qualifiedName(Path file, String text) {
        String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
        Matcher matcher = PACKAGE.matcher(text);
        return matcher.find() ? matcher.group(1) + "." + simple : simple;
    }

    private static Path root() {
        URL url = Fixture.class.getClassLoader().getResource("fixtures");
        if (url == null) {
            throw new IllegalStateException("fixtures folder is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
