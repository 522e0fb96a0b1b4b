package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.diff.SchemaChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for many generated (old, new) model pairs, the migration from old to new that
 * {@code generate} would write for a dialect, applied by Flyway to a database of that engine
 * holding rows, gives exactly the new schema, keeps every row and every kept value, leaves no
 * dangling reference, and its undo script gives the old schema back (or, where none can be
 * written or it must refuse, says so).
 *
 * <p>Each case is generated from its own seed (seeds {@code baseSeed .. baseSeed+count-1}) and its
 * dialect; a failure prints the seed and the command that replays just that case. Switches:
 * <ul>
 *   <li>{@code -Djpamigrate.evolution.dialects=sqlite,h2,postgresql,mariadb} (default all four;
 *       PostgreSQL and MariaDB are the local servers, skipped with a message when absent, a
 *       failure under {@code JPAMIGRATE_REQUIRE_DATABASES=true});</li>
 *   <li>{@code -Djpamigrate.evolution.count=N} for every dialect, or
 *       {@code -Djpamigrate.evolution.count.<dialect>=N} for one (defaults: SQLite 1000, the others
 *       200 each);</li>
 *   <li>{@code -Djpamigrate.evolution.baseSeed=S} (default {@value #DEFAULT_BASE_SEED});</li>
 *   <li>{@code -Djpamigrate.evolution.seed=S}: that one case (on each chosen dialect).</li>
 * </ul>
 */
class EvolutionPropertyTest {

    static final long DEFAULT_BASE_SEED = 1;

    /** Held so that the level set on it is not lost to garbage collection. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
    private static Level flywayLevel;

    /** What one engine's trials did, for the summary. */
    private static final class Tally {
        int passed;
        int rows;
        long nanos;
        final Map<EvolutionTrial.Undo, Integer> undos = new TreeMap<>();
        final Map<String, Integer> changeKinds = new TreeMap<>();
        final Map<String, Integer> edits = new TreeMap<>();
        final Map<String, Long> phases = new TreeMap<>();
    }

    private static final Map<EvolutionEngine, Tally> TALLIES = new EnumMap<>(EvolutionEngine.class);

    @TempDir
    static Path work;

    @BeforeAll
    static void quietFlyway() {
        flywayLevel = FLYWAY.getLevel();
        FLYWAY.setLevel(Level.WARNING);
    }

    @AfterAll
    static synchronized void summary() {
        FLYWAY.setLevel(flywayLevel);
        TALLIES.forEach((engine, t) -> System.out.printf("%s evolutions: %d passed in %.1f s (%.0f ms each), %d rows inserted,"
                + " undo scripts: %s%n  changes exercised: %s%n  edits generated: %s%n  seconds per phase: %s%n", engine.id(), t.passed,
                t.nanos / 1e9, t.passed == 0 ? 0 : t.nanos / 1e6 / t.passed, t.rows, t.undos, t.changeKinds, t.edits,
                t.phases.entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e9)).toList()));
    }

    @Test
    void aSeedAlwaysGivesTheSameCase() {
        for (EvolutionEngine engine : EvolutionEngine.values()) {
            for (long seed = 1; seed <= 20; seed++) {
                assertThat(EvolutionGenerator.generate(seed, new SplittableRandom(seed), engine))
                        .as("seed %d", seed).isEqualTo(EvolutionGenerator.generate(seed, new SplittableRandom(seed), engine));
            }
        }
        assertThat(EvolutionGenerator.generate(1, new SplittableRandom(1), EvolutionEngine.SQLITE).oldModel())
                .isNotEqualTo(EvolutionGenerator.generate(2, new SplittableRandom(2), EvolutionEngine.SQLITE).oldModel());
    }

    @TestFactory
    Stream<DynamicNode> migrationsKeepTheDataAndGiveTheNewSchema() {
        return engines().stream().map(engine -> DynamicContainer.dynamicContainer(engine.id(),
                seeds(engine).mapToObj(seed -> DynamicTest.dynamicTest(engine.id() + " seed " + seed,
                        () -> runCase(engine, seed)))));
    }

    static List<EvolutionEngine> engines() {
        String chosen = System.getProperty("jpamigrate.evolution.dialects", "");
        return chosen.isBlank() ? List.of(EvolutionEngine.values())
                : Arrays.stream(chosen.split(",")).filter(s -> !s.isBlank()).map(EvolutionEngine::of).distinct().toList();
    }

    static LongStream seeds(EvolutionEngine engine) {
        String single = System.getProperty("jpamigrate.evolution.seed");
        if (single != null && !single.isBlank()) {
            return LongStream.of(Long.parseLong(single.trim()));
        }
        int count = Integer.getInteger("jpamigrate.evolution.count." + engine.id(),
                Integer.getInteger("jpamigrate.evolution.count", engine.defaultCount));
        long base = Long.getLong("jpamigrate.evolution.baseSeed", DEFAULT_BASE_SEED);
        return LongStream.range(0, count).map(i -> base + i);
    }

    private static void runCase(EvolutionEngine engine, long seed) throws Exception {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Evolution evolution;
        try {
            evolution = EvolutionGenerator.generate(seed, random, engine);
        } catch (RuntimeException e) {
            throw new AssertionError(header(engine, seed) + "generating the case failed: " + e, e);
        }
        Path folder = Files.createDirectories(work.resolve(engine.id() + "-" + seed).resolve("migrations"));
        EvolutionTrial trial = new EvolutionTrial(engine, evolution, folder);
        EvolutionTrial.Outcome outcome;
        try {
            outcome = trial.run(random, work.resolve("scratch"));
        } catch (AssertionError | Exception e) {
            throw new AssertionError(header(engine, seed) + e.getMessage() + "\n\nthe case:" + evolution.describe()
                    + "\n" + trial.transcript(), e);
        }
        record(engine, evolution, outcome, System.nanoTime() - started);
        deleteTree(folder.getParent());
    }

    /** The failure's first lines: which case, and the one command that replays exactly it. */
    static String header(EvolutionEngine engine, long seed) {
        return "evolution seed " + seed + " on " + engine.id() + " failed. Replay just this case with:\n"
                + "  mvn -B -pl maven-plugin -am test -Dtest=EvolutionPropertyTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Djpamigrate.evolution.dialects=" + engine.id() + " -Djpamigrate.evolution.seed=" + seed + "\n";
    }

    private static synchronized void record(EvolutionEngine engine, Evolution evolution, EvolutionTrial.Outcome outcome,
                                            long nanos) {
        Tally tally = TALLIES.computeIfAbsent(engine, e -> new Tally());
        tally.passed++;
        tally.rows += outcome.rows();
        tally.nanos += nanos;
        tally.undos.merge(outcome.undo(), 1, Integer::sum);
        outcome.phases().forEach((phase, n) -> tally.phases.merge(phase, n, Long::sum));
        for (SchemaChange change : outcome.changes()) {
            tally.changeKinds.merge(change.getClass().getSimpleName(), 1, Integer::sum);
        }
        for (String edit : evolution.edits()) {
            tally.edits.merge(edit, 1, Integer::sum);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
