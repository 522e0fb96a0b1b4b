package io.github.jpamigrate.evolution;

import io.github.jpamigrate.core.diff.SchemaChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for many generated (old, new) model pairs, the SQLite migration from old to new,
 * applied by Flyway to a database holding rows, gives exactly the new schema, keeps every row and
 * every kept value, leaves no dangling reference, and its undo script gives the old schema back.
 *
 * <p>Each case is generated from its own seed (seeds {@code baseSeed .. baseSeed+count-1}); a
 * failure prints the seed and the command that replays just that case. Switches:
 * {@code -Djpamigrate.evolution.count=N} (default {@value #DEFAULT_COUNT}),
 * {@code -Djpamigrate.evolution.baseSeed=S} (default {@value #DEFAULT_BASE_SEED}) and
 * {@code -Djpamigrate.evolution.seed=S} (one case).
 */
class SqliteEvolutionPropertyTest {

    static final int DEFAULT_COUNT = 300;
    static final long DEFAULT_BASE_SEED = 1;

    /** Held so that the level set on it is not lost to garbage collection. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
    private static Level flywayLevel;

    private static final AtomicInteger passed = new AtomicInteger();
    private static final AtomicInteger rows = new AtomicInteger();
    private static final Map<EvolutionTrial.Undo, Integer> undos = new TreeMap<>();
    private static final Map<String, Integer> changeKinds = new TreeMap<>();
    private static long started;

    @TempDir
    static Path work;

    @BeforeAll
    static void quietFlyway() {
        flywayLevel = FLYWAY.getLevel();
        FLYWAY.setLevel(Level.WARNING);
        started = System.nanoTime();
    }

    @AfterAll
    static void summary() {
        FLYWAY.setLevel(flywayLevel);
        System.out.printf("SQLite evolutions: %d passed in %.1f s, %d rows inserted, undo scripts: %s%n"
                + "  changes exercised: %s%n", passed.get(), (System.nanoTime() - started) / 1e9, rows.get(), undos,
                changeKinds);
    }

    @Test
    void aSeedAlwaysGivesTheSameCase() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(EvolutionGenerator.generate(seed, new SplittableRandom(seed)))
                    .as("seed %d", seed).isEqualTo(EvolutionGenerator.generate(seed, new SplittableRandom(seed)));
        }
        assertThat(EvolutionGenerator.generate(1, new SplittableRandom(1)).oldModel())
                .isNotEqualTo(EvolutionGenerator.generate(2, new SplittableRandom(2)).oldModel());
    }

    @TestFactory
    Stream<DynamicTest> migrationsKeepTheDataAndGiveTheNewSchema() {
        String single = System.getProperty("jpamigrate.evolution.seed");
        LongStream seeds = single != null && !single.isBlank() ? LongStream.of(Long.parseLong(single.trim()))
                : LongStream.range(0, Integer.getInteger("jpamigrate.evolution.count", DEFAULT_COUNT))
                        .map(i -> Long.getLong("jpamigrate.evolution.baseSeed", DEFAULT_BASE_SEED) + i);
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runCase(seed)));
    }

    private static void runCase(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Evolution evolution;
        try {
            evolution = EvolutionGenerator.generate(seed, random);
        } catch (RuntimeException e) {
            throw new AssertionError(header(seed) + "generating the case failed: " + e, e);
        }
        Path folder = Files.createDirectories(work.resolve("case-" + seed).resolve("migrations"));
        EvolutionTrial trial = new EvolutionTrial(evolution, folder);
        try {
            EvolutionTrial.Outcome outcome = trial.run(random, work.resolve("scratch"));
            record(outcome);
        } catch (AssertionError | Exception e) {
            throw new AssertionError(header(seed) + e.getMessage() + "\n\nthe case:" + evolution.describe()
                    + "\n" + trial.transcript(), e);
        }
        deleteTree(folder.getParent());
    }

    private static String header(long seed) {
        return "evolution seed " + seed + " failed. Replay just this case with:\n  mvn -B -pl maven-plugin -am test"
                + " -Dtest=SqliteEvolutionPropertyTest -Djpamigrate.evolution.seed=" + seed
                + " -Dsurefire.failIfNoSpecifiedTests=false\n";
    }

    private static synchronized void record(EvolutionTrial.Outcome outcome) {
        passed.incrementAndGet();
        rows.addAndGet(outcome.rows());
        undos.merge(outcome.undo(), 1, Integer::sum);
        for (SchemaChange change : outcome.changes()) {
            changeKinds.merge(change.getClass().getSimpleName(), 1, Integer::sum);
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
