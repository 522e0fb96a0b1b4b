package io.github.jpamigrate.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh copy of a template project that a test builds, possibly several times. */
public final class TestProject {

    /** Where the processor writes the model descriptor of a compiled project. */
    public static final String DESCRIPTOR = "target/classes/META-INF/jpa-migrate/model.json";

    private final BuildEnvironment environment;
    private final Path dir;
    private final Path logFolder;
    private int builds;

    TestProject(BuildEnvironment environment, Path dir, Path logFolder) {
        this.environment = environment;
        this.dir = dir;
        this.logFolder = logFolder;
    }

    /** The project folder (holds {@code pom.xml}). */
    public Path dir() {
        return dir;
    }

    /** A path relative to the project folder, e.g. {@code target/classes/...}. */
    public Path file(String relative) {
        return dir.resolve(relative);
    }

    /**
     * Edits a file of the project as a developer would between two builds: replaces the one
     * occurrence of {@code before} with {@code after}.
     *
     * @throws AssertionError when {@code before} does not occur exactly once
     */
    public TestProject edit(String relative, String before, String after) {
        Path path = file(relative);
        try {
            String text = Files.readString(path);
            int at = text.indexOf(before);
            if (at < 0 || text.indexOf(before, at + 1) >= 0) {
                throw new AssertionError("Expected exactly one `" + before + "` in " + path);
            }
            Files.writeString(path, text.substring(0, at) + after + text.substring(at + before.length()));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot edit " + path, e);
        }
    }

    /** A build of this project to configure further before {@link MavenBuild#run()}. */
    public MavenBuild maven(String... goals) {
        return new MavenBuild(environment, this).goals(goals);
    }

    /** Runs {@code mvn -B <goals>} on this project; assert on the result. */
    public BuildResult build(String... goals) {
        return maven(goals).run();
    }

    /** One log per invocation, beside (not inside) the project so the build never sees its own logs. */
    synchronized Path nextLogFile() {
        builds++;
        return logFolder.resolve(dir.getFileName() + "-" + builds + ".log");
    }
}
