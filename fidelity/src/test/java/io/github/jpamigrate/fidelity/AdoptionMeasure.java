package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateResult;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.init.InitRequest;
import io.github.jpamigrate.plugin.init.InitResult;
import io.github.jpamigrate.plugin.init.InitWorkflow;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.live.CheckDbWorkflow;
import io.github.jpamigrate.plugin.live.LiveDatabase;
import io.github.jpamigrate.plugin.live.LiveDatabaseException;
import io.github.jpamigrate.plugin.live.LiveFinding;
import io.github.jpamigrate.plugin.live.LiveRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import io.github.jpamigrate.plugin.verify.VerifyWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Adopting one extracted project with the plugin's own workflows, as the goals run them (the
 * requests are built as the mojos build them, for {@code dialect=postgresql} in the plain
 * migration folder): {@code verify} before and after {@code init}, {@code init} itself, and
 * {@code check-db} on a database Flyway built from the project's folder; for a pair, {@code generate}
 * with the child's descriptor after {@code init} at the parent. The project is laid out as a Maven
 * project in a work folder (its classes with our descriptor in {@code target/classes}, its migrations
 * in {@code src/main/resources/db/migration}). Every goal gets a shadow database of its own, created
 * for it and dropped after it, listed before and after; one goal's failure is recorded and the next
 * one runs.
 */
final class AdoptionMeasure {

    static final String VERIFY_BEFORE = "verify (before init)";
    static final String INIT = "init";
    static final String VERIFY_AFTER = "verify (after init)";
    static final String CHECK_DB_BEFORE = "check-db (before init)";
    static final String CHECK_DB = "check-db (after init)";
    static final String GENERATE = "generate (child)";
    /** How init's pending changes are logged in the report, one line each. */
    static final String PENDING = "pending: ";

    /**
     * The options every goal gets when nothing is passed, as the mojos parse their parameters: the
     * online forms on, a 5 s lock timeout ({@code ChangeGoalMojo}); {@link ChangeOptions#defaults()}
     * has them off.
     */
    static ChangeOptions goalDefaults() {
        return ChangeOptions.parse(null, null, null);
    }

    /**
     * {@code generate}'s options at the child: the goal's defaults, plus what
     * {@code -Djpamigrate.fidelity.allowDestructive} and {@code -Djpamigrate.fidelity.backfill}
     * ({@code table.column=value[;...]}) pass on, as {@code -Djpamigrate.allowDestructive} and
     * {@code -Djpamigrate.backfill} would; to see the migration a refused pair writes once acknowledged.
     */
    static ChangeOptions generateOptions() {
        String allow = System.getProperty("jpamigrate.fidelity.allowDestructive", "");
        String backfills = System.getProperty("jpamigrate.fidelity.backfill", "");
        return ChangeOptions.parse(null, backfills.isBlank() ? null : List.of(backfills.split(";")),
                allow.isBlank() ? null : List.of(allow));
    }

    private final String server;
    private final KnownDifferences known;

    AdoptionMeasure(String server, KnownDifferences known) {
        this.server = server;
        this.known = known;
    }

    /** A goal run against a shadow server; returns its one-line summary. */
    private interface Goal {
        String run(ShadowDatabase shadow, WorkflowLog log) throws Exception;
    }

    AdoptionMeasurement measure(ExtractedProject project, ExtractedProject child, Path work) throws IOException {
        AdoptionMeasurement m = new AdoptionMeasurement(project, child);
        Path dir = work.resolve("project");
        ProjectLayout layout = ProjectLayout.standard(dir);
        if (!compile(project, layout.descriptor().getParent().getParent().getParent(), "", m)) {
            for (String name : List.of(VERIFY_BEFORE, CHECK_DB_BEFORE, INIT, VERIFY_AFTER, CHECK_DB)) {
                m.steps.add(AdoptionMeasurement.Step.skipped(name, "no descriptor (see the compile)"));
            }
            return m;
        }
        Path folder = project.dir().resolve("migrations");
        copyFolder(folder, layout.migrationDirectory());
        FlywaySettings flyway = new FlywaySettings(List.of("filesystem:" + layout.migrationDirectory().toAbsolutePath()),
                FlywaySettings.DEFAULT_TABLE, HandWrittenMigrations.placeholders(project.dir().resolve("migrate.args")));
        MigrationTargets postgresql = MigrationTargets.single(Dialect.POSTGRESQL);

        m.steps.add(withShadow(VERIFY_BEFORE, (shadow, log) -> verify(layout, flyway, shadow, postgresql, log)));
        m.steps.add(checkDb(CHECK_DB_BEFORE, project, layout, flyway, postgresql, m));
        m.steps.add(withShadow(INIT, (shadow, log) -> {
            InitResult r = new InitWorkflow(log, Prompter.BATCH, Clock.systemUTC()).run(new InitRequest(layout,
                    Dialect.POSTGRESQL, goalDefaults(), flyway, null, VersionScheme.SEQUENTIAL, false, false, shadow));
            r.pending().forEach(c -> log.info(PENDING + c.describe()));
            return "replayed " + r.replayed() + " migration(s); the model adds " + r.pending().size() + " change(s) to"
                    + " the schema they build; wrote " + r.written().stream().map(layout::show).toList();
        }));
        boolean adopted = Files.isRegularFile(layout.snapshot());
        m.steps.add(adopted ? withShadow(VERIFY_AFTER, (shadow, log) -> verify(layout, flyway, shadow, postgresql, log))
                : AdoptionMeasurement.Step.skipped(VERIFY_AFTER, "init wrote no snapshot"));
        m.steps.add(checkDb(CHECK_DB, project, layout, flyway, postgresql, m));
        if (child != null) {
            theirMigration(folder, child.dir().resolve("migrations"), m);
            m.steps.add(adopted ? generate(child, work, layout, postgresql, m)
                    : AdoptionMeasurement.Step.skipped(GENERATE, "init at the parent wrote no snapshot"));
        }
        return m;
    }

    /** Compiles with our processor into {@code classes}; false when there is no descriptor. */
    private static boolean compile(ExtractedProject project, Path classes, String who, AdoptionMeasurement m) {
        try {
            ProjectCompile c = ProjectCompile.run(project, HibernateSchema.ormLine(), true, classes);
            long errors = c.ourMessages().stream().filter(s -> s.startsWith("ERROR")).count();
            m.compile.add(who + project.name() + " at " + project.commit() + ": " + (c.descriptor() == null ? "no descriptor"
                    : c.descriptor().tables().size() + " tables") + ", " + errors + " JM errors, "
                    + (c.ourMessages().size() - errors) + " JM warnings, " + c.javacErrors().size() + " javac errors");
            c.ourMessages().stream().filter(s -> s.startsWith("ERROR")).forEach(s -> m.compile.add("  " + s));
            c.javacErrors().stream().limit(5).forEach(s -> m.compile.add("  javac: " + s));
            return c.descriptor() != null;
        } catch (Exception e) {
            m.compile.add(who + project.name() + ": the compile failed: " + Failures.chain(e));
            return false;
        }
    }

    private static String verify(ProjectLayout layout, FlywaySettings flyway, ShadowDatabase shadow,
                                 MigrationTargets postgresql, WorkflowLog log) throws Exception {
        new VerifyWorkflow(log).run(new VerifyRequest(layout, goalDefaults(), flyway, null, false, shadow, postgresql));
        return "every step passed";
    }

    /**
     * check-db on a fresh database Flyway built from the project's own folder (with its placeholders),
     * read with {@code failOn=none} so that every finding is listed; the exit status is the one the
     * default {@code failOn} would give. Before {@code init} it compares with the entity model alone;
     * after, through the snapshot and the drift baseline {@code init} wrote (accepted items are no findings).
     */
    private AdoptionMeasurement.Step checkDb(String name, ExtractedProject project, ProjectLayout layout, FlywaySettings flyway,
                                             MigrationTargets postgresql, AdoptionMeasurement m) {
        List<String> lines = new ArrayList<>();
        WorkflowLog log = capture(lines);
        long start = System.nanoTime();
        try (PostgresScratch database = PostgresScratch.create(server, "adopt_checkdb")) {
            try {
                m.checkDbDatabase.put(name, "Flyway applied " + HandWrittenMigrations.apply(project, database) + " migration(s) of "
                        + project.name() + "/migrations to " + database.name());
            } catch (RuntimeException e) {
                m.checkDbDatabase.put(name, "Flyway could not build it: " + Failures.chain(e));
                return new AdoptionMeasurement.Step(name, AdoptionMeasurement.Outcome.SKIPPED,
                        "no database: Flyway fails on the project's own folder", Failures.chain(e), lines, null);
            }
            try {
                List<LiveFinding> findings = new CheckDbWorkflow(log).run(
                        new LiveRequest(layout, LiveDatabase.of(database.url(), null, null), flyway, postgresql),
                        EnumSet.noneOf(LiveFinding.Kind.class));
                List<KnownDifferences.Classified> classified = known.classify(project, findings);
                m.findings.put(name, classified);
                Set<LiveFinding.Kind> failing = LiveFinding.Kind.defaults();
                long fails = findings.stream().filter(f -> failing.contains(f.kind())).count();
                String summary = findings.size() + " finding(s), " + AdoptionMeasurement.trueFindings(classified) + " true, "
                        + AdoptionMeasurement.falseFindings(classified) + " false, "
                        + AdoptionMeasurement.unclassifiedFindings(classified) + " unclassified; with the default failOn " + fails
                        + " fail the build"
                        + seconds(start);
                return new AdoptionMeasurement.Step(name, fails == 0 ? AdoptionMeasurement.Outcome.EXIT_0
                        : AdoptionMeasurement.Outcome.FAILED, summary, null, lines, null);
            } catch (Exception e) {
                String error = userFailure(e) ? e.getMessage() : e.getClass().getSimpleName() + ": " + Failures.chain(e);
                return new AdoptionMeasurement.Step(name, userFailure(e) ? AdoptionMeasurement.Outcome.FAILED
                        : AdoptionMeasurement.Outcome.ERROR, firstLine(error) + seconds(start), error, lines, null);
            }
        } catch (Exception e) {
            return new AdoptionMeasurement.Step(name, AdoptionMeasurement.Outcome.ERROR, "scratch database: "
                    + firstLine(Failures.chain(e)), Failures.chain(e), lines, null);
        }
    }

    /**
     * After {@code init} at the parent: the child's descriptor in place of the parent's, then
     * {@code generate}; its migration's statements against the authors' new files in the child.
     */
    private AdoptionMeasurement.Step generate(ExtractedProject child, Path work, ProjectLayout parentLayout,
                                              MigrationTargets postgresql, AdoptionMeasurement m) {
        Path childClasses = work.resolve("child-classes");
        if (!compile(child, childClasses, "child ", m)) {
            return AdoptionMeasurement.Step.skipped(GENERATE, "no descriptor for the child (see the compile)");
        }
        ProjectLayout layout = new ProjectLayout(parentLayout.projectDirectory(), childClasses.resolve(ProjectCompile.DESCRIPTOR),
                parentLayout.snapshot(), parentLayout.migrationDirectory(), parentLayout.undoDirectory(),
                parentLayout.workDirectory());
        return withShadow(GENERATE, (shadow, log) -> {
            ChangeOptions options = generateOptions();
            if (options.allowAll() || !options.allowedDestructive().isEmpty() || !options.render().backfills().isEmpty()) {
                log.info("acknowledged: allowDestructive=" + (options.allowAll() ? "true" : options.allowedDestructive())
                        + ", backfills=" + options.render().backfills());
            }
            GenerateResult r = new GenerateWorkflow(log, Prompter.BATCH, Clock.systemUTC()).run(new GenerateRequest(layout,
                    options, "child change", false, VersionScheme.SEQUENTIAL, shadow, postgresql));
            if (!r.wroteMigration()) {
                return "no migration: the model did not change";
            }
            // the migration, and the online forms' follow-up migration when there is one (V<n+1>__complete_v<n>_online.sql)
            List<String> files = new ArrayList<>();
            for (Path written : r.written()) {
                String name = written.getFileName().toString();
                if (written.toAbsolutePath().normalize().getParent().equals(layout.migrationDirectory().toAbsolutePath().normalize())
                        && name.endsWith(".sql") && !name.startsWith("U")) {
                    files.add(name);
                    m.ourStatements.addAll(MigrationStatements.of(Files.readString(written)));
                }
            }
            m.ourFile = String.join(", ", files);
            return "wrote " + m.ourFile + " (" + m.ourStatements.size() + " statements)";
        });
    }

    /** The child's migration files the parent lacks, and their statements. */
    private static void theirMigration(Path parentFolder, Path childFolder, AdoptionMeasurement m) throws IOException {
        Set<String> parent = names(parentFolder);
        for (String name : names(childFolder)) {
            if (!parent.contains(name)) {
                m.theirFiles.add(name);
                m.theirStatements.addAll(MigrationStatements.of(Files.readString(childFolder.resolve(name))));
            }
        }
    }

    private static TreeSet<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Runs one goal against a shadow database created for it alone: lists its objects (and the
     * server's scratch databases and roles) before and after, records the outcome, drops it.
     */
    private AdoptionMeasurement.Step withShadow(String name, Goal goal) {
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        PostgresScratch shadow;
        ServerObjects before;
        try {
            shadow = PostgresScratch.create(server, "adopt_shadow");
        } catch (Exception e) {
            return new AdoptionMeasurement.Step(name, AdoptionMeasurement.Outcome.ERROR, "no shadow database: "
                    + firstLine(Failures.chain(e)), Failures.chain(e), lines, null);
        }
        try (shadow) {
            before = ServerObjects.list(shadow);
            AdoptionMeasurement.Outcome outcome;
            String summary;
            String error = null;
            try {
                summary = goal.run(new ShadowDatabase(shadow.url(), null, null), capture(lines));
                outcome = AdoptionMeasurement.Outcome.EXIT_0;
            } catch (Exception e) {
                if (userFailure(e)) {
                    outcome = AdoptionMeasurement.Outcome.FAILED;
                    error = e.getMessage();
                    summary = firstLine(error);
                } else {
                    outcome = AdoptionMeasurement.Outcome.ERROR;
                    error = e.getClass().getSimpleName() + ": " + Failures.chain(e);
                    summary = firstLine(error);
                }
            }
            List<String> leftovers = before.newIn(ServerObjects.list(shadow));
            return new AdoptionMeasurement.Step(name, outcome, summary + seconds(start), error, lines, leftovers);
        } catch (Exception e) {
            return new AdoptionMeasurement.Step(name, AdoptionMeasurement.Outcome.ERROR, "listing or dropping the shadow"
                    + " database: " + firstLine(Failures.chain(e)), Failures.chain(e), lines, null);
        }
    }

    /**
     * What the mojos turn into a build failure with the message as the fix (MojoFailureException);
     * anything else is "failed unexpectedly" (MojoExecutionException).
     */
    private static boolean userFailure(Exception e) {
        return e instanceof WorkflowFailure || e instanceof ProjectFileException || e instanceof DescriptorException
                || e instanceof LiveDatabaseException;
    }

    private static WorkflowLog capture(List<String> lines) {
        return new WorkflowLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add("WARNING " + message);
            }
        };
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String seconds(long start) {
        return " (" + (System.nanoTime() - start) / 1_000_000_000 + " s)";
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
