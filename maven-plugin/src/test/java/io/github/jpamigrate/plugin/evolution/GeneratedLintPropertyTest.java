package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.generate.MigrationDraft;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.lint.LintFinding;
import io.github.jpamigrate.plugin.lint.MigrationLint;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Property: every migration {@code generate} writes on PostgreSQL and MariaDB, with the online
 * forms on (the default), passes the tool's own migration lint with no unaccepted finding. The
 * cases are {@link EvolutionGenerator}'s: the migration that builds the old model from nothing,
 * the prelude's migration when the case has one, then the migration under test, each with its
 * online follow-up ({@code V<n+1>__complete_v<n>_online.sql}) as {@code generate} writes it
 * ({@link MigrationDraft}). Each one is linted as {@code verify}'s migration lint step lints it,
 * through {@link MigrationLint} over the folder: as a new migration (newer than the base), the
 * step's old model as the previous release, its new model as the entities. No database is needed:
 * the lint only parses.
 *
 * <p>Switches (those of {@link EvolutionPropertyTest}): {@code -Djpamigrate.evolution.dialects=postgresql,mariadb}
 * (other dialects are ignored: the lint's rules are for the servers), {@code -Djpamigrate.lint.count=N}
 * (default 150 per dialect: 300 cases, about 20 s), {@code -Djpamigrate.evolution.baseSeed=S},
 * {@code -Djpamigrate.evolution.seed=S} for one case.
 */
class GeneratedLintPropertyTest {

    static final int DEFAULT_COUNT = 150;

    private static final Map<EvolutionEngine, Map<String, Integer>> ACCEPTED = new EnumMap<>(EvolutionEngine.class);
    private static final Map<EvolutionEngine, Map<String, Integer>> FAILING = new EnumMap<>(EvolutionEngine.class);
    private static final Map<EvolutionEngine, Map<String, Integer>> UNREAD = new EnumMap<>(EvolutionEngine.class);
    private static final Map<EvolutionEngine, Integer> LINTED = new EnumMap<>(EvolutionEngine.class);

    @TempDir
    static Path work;

    @AfterAll
    static synchronized void summary() {
        LINTED.forEach((engine, n) -> System.out.printf("%s: %d generated migrations linted, accepted findings by rule: %s%n",
                engine.id(), n, ACCEPTED.getOrDefault(engine, Map.of())));
        FAILING.forEach((engine, counts) -> System.out.printf("%s: unaccepted findings by rule: %s%n", engine.id(), counts));
        UNREAD.forEach((engine, counts) -> System.out.printf("%s: statements the lint could not read: %s%n", engine.id(), counts));
    }

    @TestFactory
    Stream<DynamicNode> generatedMigrationsPassTheLint() {
        return EvolutionPropertyTest.engines().stream().filter(EvolutionEngine::isServer)
                .map(engine -> DynamicContainer.dynamicContainer(engine.id(),
                        seeds().mapToObj(seed -> DynamicTest.dynamicTest(engine.id() + " seed " + seed,
                                () -> runCase(engine, seed)))));
    }

    private static java.util.stream.LongStream seeds() {
        String single = System.getProperty("jpamigrate.evolution.seed");
        if (single != null && !single.isBlank()) {
            return java.util.stream.LongStream.of(Long.parseLong(single.trim()));
        }
        int count = Integer.getInteger("jpamigrate.lint.count", DEFAULT_COUNT);
        long base = Long.getLong("jpamigrate.evolution.baseSeed", EvolutionPropertyTest.DEFAULT_BASE_SEED);
        return java.util.stream.LongStream.range(0, count).map(i -> base + i);
    }

    /** One step of a case: a model change, as {@code generate} would be asked for it. */
    private record Step(String title, SchemaModel from, SchemaModel to, ChangeOptions options) {
    }

    private static void runCase(EvolutionEngine engine, long seed) throws Exception {
        Evolution evolution = EvolutionGenerator.generate(seed, new SplittableRandom(seed), engine);
        List<Step> steps = new ArrayList<>();
        Evolution prelude = evolution.prelude();
        SchemaModel first = prelude != null ? prelude.oldModel() : evolution.oldModel();
        steps.add(new Step("old model", EMPTY, first, ChangeOptions.parse(List.of(), List.of(), List.of())));
        if (prelude != null) {
            steps.add(new Step("prelude", prelude.oldModel(), prelude.newModel(), prelude.options()));
        }
        steps.add(new Step("evolve", evolution.oldModel(), evolution.newModel(), evolution.options()));

        Path folder = Files.createDirectories(work.resolve(engine.id() + "-" + seed));
        StringBuilder transcript = new StringBuilder();
        List<String> failing = new ArrayList<>();
        long version = 0;
        try {
            for (Step step : steps) {
                MigrationVersion released = version == 0 ? null : MigrationVersion.of(version);
                PendingChanges pending = PendingChanges.of(new ProjectModels(step.from(), step.to(), true), step.options());
                MigrationFile file = MigrationFile.versioned(MigrationVersion.of(++version), step.title().replace(' ', '_'));
                MigrationVersion next = MigrationVersion.of(version + 1);
                MigrationDraft draft = MigrationDraft.render(pending, engine.dialect, file, "V" + version + ": " + step.title(),
                        MigrationFile.versioned(next, GenerateWorkflow.followUpSlug(file.version())));
                Files.writeString(folder.resolve(file.fileName()), draft.script());
                transcript.append("\n-- ").append(file.fileName()).append('\n').append(draft.script());
                if (draft.followUpFile() != null) {
                    version++;
                    Files.writeString(folder.resolve(draft.followUpFile().fileName()), draft.followUpScript());
                    transcript.append("\n-- ").append(draft.followUpFile().fileName()).append('\n').append(draft.followUpScript());
                }
                MigrationLint lint = new MigrationLint(new MigrationLint.Context(engine.dialect, step.to(), step.from(), released));
                MigrationLint.Result result = lint.run(new MigrationDirectory(folder), "");
                for (LintFinding finding : result.findings()) {
                    if (finding.failing()) {
                        failing.add(finding.describe());
                        tally(FAILING, engine, finding.rule().code());
                    } else if (!finding.baseline()) {
                        tally(ACCEPTED, engine, finding.rule().code());
                    }
                }
                // a statement the parser cannot read is no finding (verify notes it, as here); counted for the summary
                result.unread().forEach(u -> tally(UNREAD, engine, u.replaceFirst("^[^:]*:\\d+: ", "").replaceFirst(" \\(.*", "")));
                result.problems().forEach(p -> failing.add("lint problem: " + p));
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(header(engine, seed) + e + "\n\nthe case:" + evolution.describe() + "\n" + transcript, e);
        }
        synchronized (GeneratedLintPropertyTest.class) {
            LINTED.merge(engine, (int) version, Integer::sum);
        }
        if (!failing.isEmpty()) {
            throw new AssertionError(header(engine, seed) + "the generated migrations have lint findings nobody accepted:\n  - "
                    + String.join("\n  - ", failing) + "\n\nthe case:" + evolution.describe() + "\n" + transcript);
        }
        deleteTree(folder);
    }

    private static synchronized void tally(Map<EvolutionEngine, Map<String, Integer>> counts, EvolutionEngine engine, String code) {
        counts.computeIfAbsent(engine, e -> new TreeMap<>()).merge(code, 1, Integer::sum);
    }

    private static final SchemaModel EMPTY = new SchemaModel("jpa", "hibernate-7", "generated-lint-property-test",
            List.of(), List.of(), List.of(), List.of());

    /** The failure's first lines: which case, and the one command that replays exactly it. */
    static String header(EvolutionEngine engine, long seed) {
        return "generated-migration lint, seed " + seed + " on " + engine.id() + " failed. Replay just this case with:\n"
                + "  mvn -B -pl maven-plugin -am test -Dtest=GeneratedLintPropertyTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Djpamigrate.evolution.dialects=" + engine.id() + " -Djpamigrate.evolution.seed=" + seed + "\n";
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
