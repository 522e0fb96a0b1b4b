package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.plugin.io.AtomicFileSet;
import io.github.jpamigrate.plugin.io.PausingGenerate;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code generate} in a real child JVM, killed ({@code SIGKILL}) at every step of its file write:
 * the project shows the old files or, after the commit point, a set that check and verify refuse
 * to read until the next {@code generate} finishes it; either way the next {@code generate} ends
 * with exactly the files of an uninterrupted run. And two processes generating at once write one
 * version.
 */
class GenerateInterruptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aGenerateKilledAtAnyStepIsFinishedOrRedoneByTheNextOne() throws Exception {
        ProjectFixture reference = prepared("reference");
        reference.generate("add phone");
        Map<String, String> complete = sources(reference);

        List<String> killedAt = new ArrayList<>();
        for (int step = 1; ; step++) {
            ProjectFixture project = prepared("kill-" + step);
            Map<String, String> old = sources(project);
            Path signals = Files.createDirectories(dir.resolve("signals-" + step));
            Process child = start(project, step, signals);
            String paused = awaitPause(child, signals);
            if (paused == null) {
                // The write has fewer steps than this: the child ran to its end.
                assertThat(child.exitValue()).as(log(signals)).isZero();
                assertThat(sources(project)).isEqualTo(complete);
                break;
            }
            child.destroyForcibly();
            assertThat(child.waitFor(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            killedAt.add(paused);

            Path journal = project.layout.writeJournal();
            if (AtomicFileSet.interrupted(journal)) {
                assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                        .as("check after a kill at " + paused).isInstanceOf(WorkflowFailure.class)
                        .hasMessageContaining("a jpa-migrate:generate was interrupted while putting its migration and snapshot in place")
                        .hasMessageContaining("Run mvn jpa-migrate:generate: it finishes that set first");
            } else {
                assertThat(visible(sources(project))).as("files after a kill at " + paused).isEqualTo(old);
            }

            project.generate("add phone");
            assertThat(sources(project)).as("files after the generate that followed a kill at " + paused).isEqualTo(complete);
            assertThat(project.warnings).as(paused).singleElement().asString()
                    .startsWith("An earlier jpa-migrate:generate was interrupted");
            assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
        }
        assertThat(killedAt).containsExactly("prepared", "temp U2__add_phone.sql", "temp V2__add_phone.sql",
                "temp model.json", "committed", "moved U2__add_phone.sql", "moved V2__add_phone.sql", "moved model.json");
    }

    @Test
    void twoProcessesGeneratingAtOnceWriteOneVersionAndTheOtherSaysWhy() throws Exception {
        ProjectFixture project = prepared("project");
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));

        Process writer = start(project, 1, first);
        assertThat(awaitPause(writer, first)).isEqualTo("prepared");
        Process other = start(project, 0, second);
        assertThat(other.waitFor(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).as(log(second)).isEqualTo(2);
        assertThat(Files.readString(second.resolve("err.log")))
                .contains("[ERROR] another jpa-migrate:generate of this project is writing migrations right now")
                .contains("Wait for it to finish, then run generate again")
                .doesNotContain("\tat ");

        Files.writeString(first.resolve("go"), "");
        assertThat(writer.waitFor(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as(log(first)).isZero();
        Process again = start(project, 0, second);
        assertThat(again.waitFor(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(log(second)).isZero();
        assertThat(Files.readString(second.resolve("out.log"))).contains("No model change");

        assertThat(project.sourceFiles()).filteredOn(f -> f.contains("/db/migration/"))
                .containsExactly("src/main/resources/db/migration/V1__initial.sql",
                        "src/main/resources/db/migration/V2__add_phone.sql");
    }

    @Test
    void mvnCleanDuringAGenerateDoesNotLetASecondOneInAndANormalRunLeavesNoLockBehind() throws Exception {
        ProjectFixture project = prepared("project");
        Path first = Files.createDirectories(dir.resolve("first"));

        Process writer = start(project, 1, first);
        assertThat(awaitPause(writer, first)).isEqualTo("prepared");
        assertThat(project.layout.lockFile()).exists();
        // mvn clean: target/ goes, and the next build compiles again.
        try (var files = Files.walk(project.layout.projectDirectory().resolve("target"))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        project.compile(withPhone(shop()));
        assertThatThrownBy(() -> project.generate("add phone"))
                .hasMessageContaining("another jpa-migrate:generate of this project is writing migrations right now");

        Files.writeString(first.resolve("go"), "");
        assertThat(writer.waitFor(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as(log(first)).isZero();
        assertThat(project.layout.lockFile()).doesNotExist();
        assertThat(project.sourceFiles()).noneMatch(f -> f.contains(".generate-"));
    }

    /** A project with its first migration generated and an entity change compiled, not yet generated. */
    private ProjectFixture prepared(String name) throws Exception {
        ProjectFixture project = new ProjectFixture(dir.resolve(name)).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.info.clear();
        project.warnings.clear();
        return project;
    }

    private static Process start(ProjectFixture project, int pauseAt, Path signals) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.deleteIfExists(signals.resolve("paused"));
        // Quick-starting flags: the child lives for seconds and is mostly killed.
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                PausingGenerate.class.getName(), project.layout.projectDirectory().toString(), "add phone",
                Integer.toString(pauseAt), signals.toString())
                .redirectOutput(signals.resolve("out.log").toFile())
                .redirectError(signals.resolve("err.log").toFile())
                .start();
    }

    /** The step the child paused at, or null when it ended without pausing. Waits on files, not on time. */
    private static String awaitPause(Process child, Path signals) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Path paused = signals.resolve("paused");
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(paused)) {
                return Files.readString(paused, StandardCharsets.UTF_8);
            }
            if (!child.isAlive()) {
                return Files.exists(paused) ? Files.readString(paused, StandardCharsets.UTF_8) : null;
            }
            Thread.sleep(20);
        }
        child.destroyForcibly();
        throw new AssertionError("the child JVM neither paused nor ended within " + PATIENCE + ": " + log(signals));
    }

    private static String log(Path signals) {
        try {
            return Files.readString(signals.resolve("out.log")) + Files.readString(signals.resolve("err.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Every file under src/ with its content (the snapshot, migrations, undo scripts, and any journal or temporary file). */
    private static Map<String, String> sources(ProjectFixture project) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String file : project.sourceFiles()) {
            files.put(file, Files.readString(project.layout.projectDirectory().resolve(file), StandardCharsets.UTF_8));
        }
        return files;
    }

    /** What Flyway, git and the other goals look at: without the journal, lock and temporary files of an interrupted write. */
    private static Map<String, String> visible(Map<String, String> files) {
        Map<String, String> shown = new TreeMap<>(files);
        shown.keySet().removeIf(f -> f.endsWith(".jm-tmp") || f.contains("/.generate-journal") || f.contains("/.generate-lock"));
        return shown;
    }
}
