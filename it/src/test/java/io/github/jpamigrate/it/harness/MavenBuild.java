package io.github.jpamigrate.it.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * One {@code mvn} invocation on a {@link TestProject}: goals, {@code -D} properties and the JDK,
 * then {@link #run()}. The build runs in batch mode with the isolated repository and the
 * generated settings of {@link BuildEnvironment}, and writes everything it prints to its own log.
 */
public final class MavenBuild {

    /** Invoked builds are short: a JIT that stops at C1 starts Maven noticeably faster. */
    private static final String FAST_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private static final int TIMEOUT_SECONDS = 600;

    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

    private final BuildEnvironment environment;
    private final TestProject project;
    private final List<String> goals = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> shellEnvironment = new LinkedHashMap<>();
    private Path javaHome = Path.of(System.getProperty("java.home"));

    MavenBuild(BuildEnvironment environment, TestProject project) {
        this.environment = environment;
        this.project = project;
    }

    /** Adds goals or phases, e.g. {@code compile} or {@code jpa-migrate:check}. */
    public MavenBuild goals(String... more) {
        goals.addAll(List.of(more));
        return this;
    }

    /** Adds {@code -Dname=value}. */
    public MavenBuild property(String name, String value) {
        properties.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    /** Sets an environment variable of the Maven process, e.g. {@code GIT_CEILING_DIRECTORIES}. */
    public MavenBuild environment(String name, String value) {
        shellEnvironment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    /** Runs Maven on another JDK (default: the JDK running the tests). */
    public MavenBuild javaHome(Path jdk) {
        javaHome = Objects.requireNonNull(jdk);
        return this;
    }

    /** Runs the build to completion; a failing build is a result to assert on, not an exception. */
    public BuildResult run() {
        if (goals.isEmpty()) {
            throw new IllegalStateException("No goals given for the build of " + project.dir());
        }
        Path log = project.nextLogFile();
        String command = commandLine();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            out.println("# " + command);
            out.println("# in " + project.dir() + " with JDK " + javaHome);
            InvocationRequest request = request();
            request.setOutputHandler(line -> out.println(withoutColors(line)));
            request.setErrorHandler(line -> out.println(withoutColors(line)));
            InvocationResult result = new DefaultInvoker().execute(request);
            if (result.getExecutionException() != null) {
                // A timeout or a Maven that could not be started; the log has what it printed.
                throw new IllegalStateException("`" + command + "` did not complete (Maven "
                        + environment.mavenHome + "): " + result.getExecutionException().getMessage()
                        + "; log: " + log, result.getExecutionException());
            }
            return new BuildResult(project, command, result.getExitCode(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the build log " + log, e);
        } catch (MavenInvocationException e) {
            throw new IllegalStateException("Could not start Maven from " + environment.mavenHome, e);
        }
    }

    private InvocationRequest request() {
        Properties userProperties = new Properties();
        userProperties.putAll(properties);
        // Template POMs refer to this build's artifacts as ${jpa-migrate.version}.
        userProperties.setProperty("jpa-migrate.version", environment.version);
        if (environment.offline) {
            // Offline Maven still may read the outer repository: it is a file:// URL.
            userProperties.setProperty("aether.offline.protocols", "file");
        }
        InvocationRequest request = new DefaultInvocationRequest()
                .setMavenHome(environment.mavenHome.toFile())
                .setBaseDirectory(project.dir().toFile())
                .setBatchMode(true)
                .setNoTransferProgress(true)
                .setOffline(environment.offline)
                .addArgs(goals)
                .setProperties(userProperties)
                .setUserSettingsFile(environment.settingsFile.toFile())
                .setLocalRepositoryDirectory(environment.repository.toFile())
                .setJavaHome(javaHome.toFile())
                .setMavenOpts(mavenOpts());
        shellEnvironment.forEach(request::addShellEnvironment);
        request.setTimeoutInSeconds(TIMEOUT_SECONDS);
        return request;
    }

    /** Maven 3.8 writes an ANSI reset even in batch mode; logs are for reading and matching. */
    private static String withoutColors(String line) {
        return ANSI_ESCAPE.matcher(line).replaceAll("");
    }

    private static String mavenOpts() {
        String inherited = System.getenv("MAVEN_OPTS");
        return inherited == null || inherited.isBlank() ? FAST_START : inherited + " " + FAST_START;
    }

    private String commandLine() {
        StringBuilder command = new StringBuilder("mvn -B");
        goals.forEach(goal -> command.append(' ').append(goal));
        properties.forEach((name, value) -> command.append(" -D").append(name).append('=').append(value));
        return command.toString();
    }
}
