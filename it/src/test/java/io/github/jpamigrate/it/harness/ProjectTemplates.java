package io.github.jpamigrate.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The template projects under {@code it/src/test/projects/}, one folder per scenario, and the
 * work folder of the current test they are copied into. Obtain one as a test method parameter
 * in an {@link EndToEnd} class.
 */
public final class ProjectTemplates {

    private final BuildEnvironment environment;
    private final Path testFolder;
    private boolean emptied;

    ProjectTemplates(BuildEnvironment environment, Path testFolder) {
        this.environment = environment;
        this.testFolder = testFolder;
    }

    /**
     * Copies the template {@code scenario} into {@code <test folder>/<scenario>/}, removing what
     * an earlier run of the same test left there.
     *
     * @throws IllegalArgumentException when there is no such template folder
     */
    public TestProject copy(String scenario) {
        return copy(environment.projects.resolve(scenario), "it/src/test/projects/");
    }

    /**
     * Copies the example project {@code examples/<name>} the same way, so that the examples the
     * README points to are built by the tests too.
     */
    public TestProject copyExample(String name) {
        return copy(environment.examples.resolve(name), "examples/");
    }

    private TestProject copy(Path template, String home) {
        String name = template.getFileName().toString();
        if (!Files.isRegularFile(template.resolve("pom.xml"))) {
            throw new IllegalArgumentException("No template project '" + name + "': expected "
                    + template.resolve("pom.xml") + ". Add the folder under " + home + ".");
        }
        Path target = testFolder.resolve(name);
        try {
            if (!emptied) {
                deleteRecursively(testFolder);
                emptied = true;
            }
            if (Files.exists(target)) {
                throw new IllegalStateException("Project " + name + " was already copied in this test;"
                        + " keep using the TestProject the first copy returned.");
            }
            copyRecursively(template, target);
            // An empty .mvn folder makes the copy its own multi-module root, so Maven's upward
            // search never picks up a .mvn/ configuration of the enclosing checkout.
            Files.createDirectories(target.resolve(".mvn"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + template + " to " + target, e);
        }
        return new TestProject(environment, target, testFolder);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(from)) {
            sources = walk.toList();
        }
        for (Path source : sources) {
            Path destination = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(destination);
            } else {
                Files.copy(source, destination);
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
