package io.github.jpamigrate.it.harness;

import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The outcome of one {@link MavenBuild}: exit code, log, and the files of the project it built. */
public final class BuildResult {

    /** How much of the log a failed assertion quotes; the full log is one click away. */
    private static final int QUOTED_LOG_LINES = 60;

    private final TestProject project;
    private final String command;
    private final int exitCode;
    private final Path logFile;

    BuildResult(TestProject project, String command, int exitCode, Path logFile) {
        this.project = project;
        this.command = command;
        this.exitCode = exitCode;
        this.logFile = logFile;
    }

    /** Fails the test, quoting the end of the log, unless Maven exited with 0. */
    public BuildResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(expectation("succeed"));
        }
        return this;
    }

    /** Fails the test unless Maven exited with an error. */
    public BuildResult assertFailure() {
        if (exitCode == 0) {
            throw new AssertionError(expectation("fail"));
        }
        return this;
    }

    public int exitCode() {
        return exitCode;
    }

    public Path logFile() {
        return logFile;
    }

    /** Everything Maven printed (standard output and error, interleaved as they arrived). */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the build log " + logFile, e);
        }
    }

    public List<String> logLines() {
        return log().lines().toList();
    }

    /** A path in the built project, e.g. {@code file("target/classes/app.properties")}. */
    public Path file(String relative) {
        return project.file(relative);
    }

    public TestProject project() {
        return project;
    }

    /**
     * The model descriptor the processor wrote during this build, read with the project's own reader.
     *
     * @throws AssertionError when the build wrote none
     */
    public SchemaModel descriptor() {
        Path file = project.file(TestProject.DESCRIPTOR);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("`" + command + "` wrote no descriptor at " + file + "; log: " + logFile);
        }
        try {
            return DescriptorJson.read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the descriptor " + file, e);
        }
    }

    private String expectation(String outcome) {
        List<String> lines = logLines();
        List<String> tail = lines.subList(Math.max(0, lines.size() - QUOTED_LOG_LINES), lines.size());
        return "Expected `" + command + "` in " + project.dir() + " to " + outcome + ", but it exited with "
                + exitCode + ".\nFull log: " + logFile + "\n---- last " + tail.size() + " lines ----\n"
                + String.join("\n", tail);
    }
}
