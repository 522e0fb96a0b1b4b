package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.sql.RendererScenarios.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario of {@link RendererScenarios#all()} rendered by every dialect and compared with the
 * committed script {@code golden/<dialect>/<scenario>.sql}, byte for byte: a change to any
 * renderer is a reviewed change to those files, and one folder shows what each dialect writes.
 *
 * <p>After an intended change, regenerate the files and review their diff:
 * <pre>
 * mvn -B -q -pl core test -Dtest=GoldenSqlTest -Djpamigrate.regenerateGolden=true
 * git diff core/src/test/resources/golden/
 * </pre>
 * A scenario a dialect refuses is recorded as the refusal's message.
 */
class GoldenSqlTest {

    /** The golden scripts, relative to the core module directory (Surefire's working directory). */
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    private static final boolean REGENERATE = Boolean.getBoolean("jpamigrate.regenerateGolden");

    static Stream<Arguments> scenariosByDialect() {
        return RendererScenarios.all().keySet().stream()
                .flatMap(name -> Arrays.stream(Dialect.values()).map(dialect -> Arguments.of(name, dialect)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("scenariosByDialect")
    void scriptIsTheGoldenFile(String name, Dialect dialect) throws IOException {
        String script = script(name, RendererScenarios.all().get(name).get(), dialect.renderer());
        Path golden = GOLDEN.resolve(dialect.id()).resolve(name + ".sql");
        if (REGENERATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, script, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Djpamigrate.regenerateGolden=true").exists();
        assertThat(script).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static Stream<Arguments> scenariosByServerDialect() {
        return scenariosByDialect().filter(a -> ((Dialect) a.get()[1]).renderer() instanceof AlterTableRenderer
                && a.get()[1] != Dialect.H2);
    }

    /**
     * The same scenarios in the online forms ({@link RenderOptions.Online#DEFAULT}), in
     * {@code golden/online/<dialect>/}: the migration, then its follow-up migration if it has one.
     */
    @ParameterizedTest(name = "online {0} on {1}")
    @MethodSource("scenariosByServerDialect")
    void onlineScriptIsTheGoldenFile(String name, Dialect dialect) throws IOException {
        Scenario scenario = RendererScenarios.all().get(name).get();
        Scenario online = new Scenario(scenario.from(), scenario.to(), scenario.renames(),
                scenario.options().withOnline(RenderOptions.Online.DEFAULT));
        String script = script(name, online, dialect.renderer());
        Path golden = GOLDEN.resolve("online").resolve(dialect.id()).resolve(name + ".sql");
        if (REGENERATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, script, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Djpamigrate.regenerateGolden=true").exists();
        assertThat(script).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** H2 and SQLite have no online forms: their scripts are the same with the switch on. */
    @ParameterizedTest(name = "online {0} on {1} is the plain script")
    @MethodSource("scenariosByDialect")
    void embeddedDialectsIgnoreTheOnlineForms(String name, Dialect dialect) {
        if (dialect != Dialect.H2 && dialect != Dialect.SQLITE) {
            return;
        }
        Scenario scenario = RendererScenarios.all().get(name).get();
        Scenario online = new Scenario(scenario.from(), scenario.to(), scenario.renames(),
                scenario.options().withOnline(RenderOptions.Online.DEFAULT));
        assertThat(script(name, online, dialect.renderer())).isEqualTo(script(name, scenario, dialect.renderer()));
    }

    /** The migration file {@code generate} would write for the scenario, or the refusal in its place. */
    private static String script(String name, Scenario scenario, MigrationRenderer renderer) {
        List<SchemaChange> changes = scenario.changes();
        try {
            RenderedMigration migration = renderer.render(scenario.from(), scenario.to(), changes, scenario.options());
            String script = migration.script(name, changes, renderer.words(scenario.from(), scenario.to()));
            RenderedMigration next = migration.followUp();
            return next == null ? script : script + "\n-- ==== follow-up migration (executeInTransaction=false) ====\n"
                    + next.script(name + " (follow-up)", next.origins(), renderer.words(scenario.from(), scenario.to()));
        } catch (UnsupportedChangeException refused) {
            return "-- refused: " + refused.getMessage() + "\n";
        }
    }
}
