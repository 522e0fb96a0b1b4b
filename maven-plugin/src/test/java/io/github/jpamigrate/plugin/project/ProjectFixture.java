package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateResult;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project on disk for workflow tests: the descriptor a compile would leave in
 * {@code target/classes}, the snapshot and migration folders, and a log that keeps every line.
 */
public final class ProjectFixture {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);

    public final ProjectLayout layout;
    public final List<String> info = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final WorkflowLog log = new WorkflowLog() {
        @Override
        public synchronized void info(String message) {
            info.add(message);
        }

        @Override
        public synchronized void warn(String message) {
            warnings.add(message);
        }
    };

    public ProjectFixture(Path directory) {
        this.layout = ProjectLayout.standard(directory);
    }

    /** What compiling the entities of {@code model} would leave in target/classes. */
    public ProjectFixture compile(SchemaModel model) {
        try {
            Files.createDirectories(layout.descriptor().getParent());
            Files.write(layout.descriptor(), DescriptorJson.writeBytes(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public GenerateResult generate(String message) throws IOException, SQLException {
        return generate(ChangeOptions.defaults(), message, Prompter.BATCH);
    }

    public GenerateResult generate(ChangeOptions options, String message, Prompter prompter) throws IOException, SQLException {
        return new GenerateWorkflow(log, prompter, CLOCK)
                .run(new GenerateRequest(layout, options, message, false, VersionScheme.SEQUENTIAL));
    }

    /** Generates for {@code targets}, with nothing declared and no shadow server. */
    public GenerateResult generate(MigrationTargets targets, String message) throws IOException, SQLException {
        return new GenerateWorkflow(log, Prompter.BATCH, CLOCK).run(new GenerateRequest(layout, ChangeOptions.defaults(),
                message, false, VersionScheme.SEQUENTIAL, ShadowServers.NONE, targets));
    }

    public GenerateResult run(GenerateRequest request) throws IOException, SQLException {
        return new GenerateWorkflow(log, Prompter.BATCH, CLOCK).run(request);
    }

    /** The version this build gives the plugin (the parent POM's): what its messages must name. */
    public static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        java.util.regex.Matcher version = java.util.regex.Pattern
                .compile("<artifactId>jpa-migrate-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        if (!version.find()) {
            throw new IllegalStateException("no <version> after jpa-migrate-parent in ../pom.xml");
        }
        return version.group(1);
    }

    public static ChangeOptions options(List<String> renames, List<String> backfills, List<String> allow) {
        return ChangeOptions.parse(renames, backfills, allow);
    }

    public Path migration(String name) {
        return layout.migrationDirectory().resolve(name);
    }

    public Path undo(String name) {
        return layout.undoDirectory().resolve(name);
    }

    public String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Every file under src/, relative to the project, sorted: what a generate left in the sources. */
    public List<String> sourceFiles() throws IOException {
        Path src = layout.projectDirectory().resolve("src");
        if (!Files.exists(src)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(Files::isRegularFile).map(layout::show).sorted().toList();
        }
    }

    public SchemaModel snapshot() throws IOException {
        return DescriptorJson.read(layout.snapshot());
    }

    public static Prompter answering(boolean yes, List<String> questions) {
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                questions.add(question);
                return yes;
            }
        };
    }
}
