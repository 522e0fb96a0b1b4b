package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.git.GitRepository;
import io.github.jpamigrate.plugin.git.RevisionFiles;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lint as a workflow: lints each migration folder, writes
 * {@code target/jpa-migrate/lint-report.json}, logs the findings, and on GitHub Actions prints
 * annotations and appends the job summary. Run by the {@code lint} goal and by {@code verify}.
 */
public final class LintWorkflow {

    /** One folder to lint and the database its migrations are written for. */
    public record Folder(Dialect dialect, Path directory) {
    }

    /**
     * The released state the lint compares with: findings in versioned migrations up to
     * {@code released}, and in the baseline migrations ({@code B} files) {@code baselines} lists,
     * are the baseline; {@code previous} is the model the released version maps.
     *
     * @param baselines the baseline migrations in the migration folder(s) at {@code ref}, as paths in the project
     */
    public record Base(String ref, MigrationVersion released, SchemaModel previous, Set<Path> baselines) {

        public Base {
            baselines = Set.copyOf(baselines);
        }
    }

    private final WorkflowLog log;
    private final Map<String, String> env;

    public LintWorkflow(WorkflowLog log, Map<String, String> env) {
        this.log = log;
        this.env = env;
    }

    /**
     * @param current the entity model, null when the project is not compiled (the rename rules then assume mapped)
     * @param base    null without {@code jpamigrate.base}: then every finding is new
     */
    public LintReport run(ProjectLayout layout, List<Folder> folders, SchemaModel current, Base base) throws IOException {
        return publish(layout, lint(layout, folders, current, base));
    }

    /**
     * The findings of every folder, read and checked, with nothing written or logged yet: only
     * reads the migration files, so {@code verify} runs it on a thread of its own while the
     * database replays, and {@link #publish} reports it where the lint step comes.
     *
     * @throws io.github.jpamigrate.plugin.io.ProjectFileException when a folder cannot be read
     */
    public static LintReport lint(ProjectLayout layout, List<Folder> folders, SchemaModel current, Base base)
            throws IOException {
        List<MigrationLint.Result> results = new ArrayList<>();
        for (Folder folder : folders) {
            MigrationLint lint = new MigrationLint(new MigrationLint.Context(folder.dialect(), current,
                    base == null ? null : base.previous(), base == null ? null : base.released(),
                    base == null ? Set.of() : base.baselines()));
            results.add(lint.run(new MigrationDirectory(folder.directory()), layout.show(folder.directory())));
        }
        return new LintReport(MigrationLint.Result.merge(results));
    }

    /** Writes the JSON report, logs the summary and the failing findings, and annotates for GitHub Actions. */
    public LintReport publish(ProjectLayout layout, LintReport report) throws IOException {
        Path file = layout.workDirectory().resolve(LintReport.FILE_NAME);
        report.write(file);
        log.info("Migration lint: " + report.summary());
        report.coveredLines().forEach(log::info);
        for (LintFinding finding : report.result().findings()) {
            if (finding.failing()) {
                log.warn(finding.describe());
            }
        }
        report.result().problems().forEach(log::warn);
        log.info("Lint report: " + layout.show(file));
        report.github(env, System.out::println);
        return report;
    }

    /** The current model when the project is compiled, else null (said in the log). */
    public SchemaModel currentModel(ProjectLayout layout) {
        if (!Files.exists(layout.descriptor())) {
            log.info("No model descriptor (" + layout.show(layout.descriptor()) + "): the rename rules cannot tell which"
                    + " names the entities map and report every rename; compile first to use the model");
            return null;
        }
        try {
            return ProjectModels.descriptor(layout);
        } catch (IOException | RuntimeException e) {
            log.warn("The model descriptor cannot be read (" + e.getMessage() + "): linting without the model");
            return null;
        }
    }

    /**
     * The base from git: the newest migration version and the snapshot at {@code ref}.
     *
     * @throws IOException when git cannot read the ref (the message says why and what to do)
     */
    public static Base base(ProjectLayout layout, String ref) throws IOException {
        try (GitRepository repository = GitRepository.open(layout.projectDirectory(), "lint", "jpamigrate.base")) {
            RevisionFiles at = repository.at("jpamigrate.base", ref);
            Set<Path> files = at.readAll(layout.migrationDirectory()).keySet();
            MigrationVersion newest = files.stream()
                    .map(p -> MigrationFile.parse(p.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .filter(f -> f.kind() == MigrationFile.Kind.VERSIONED)
                    .map(MigrationFile::version)
                    .max(Comparator.naturalOrder()).orElse(null);
            Set<Path> baselines = files.stream().filter(p -> MigrationFile.parse(p.getFileName().toString())
                    .filter(f -> f.kind() == MigrationFile.Kind.BASELINE).isPresent()).collect(Collectors.toSet());
            SchemaModel previous = null;
            Optional<byte[]> snapshot = at.read(layout.snapshot());
            if (snapshot.isPresent()) {
                try {
                    previous = DescriptorJson.read(snapshot.get(), layout.show(layout.snapshot()) + " at " + ref);
                } catch (DescriptorException e) {
                    throw new WorkflowFailure("the snapshot " + layout.show(layout.snapshot()) + " at " + ref + " cannot be"
                            + " read (" + ProjectModels.sentence(e.getMessage()) + ") Lint against a base whose snapshot"
                            + " this version reads.");
                }
            }
            return new Base(ref, newest, previous, baselines);
        }
    }
}
