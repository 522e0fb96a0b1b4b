package io.github.jpamigrate.plugin.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** All files or none, never an overwrite, the same bytes on every platform. */
class AtomicFileSetTest {

    @TempDir
    Path dir;

    @Test
    void writesNewFilesAsUtf8WithLfEndingsAndReplacesTheSnapshotLast() throws Exception {
        Path snapshot = Files.writeString(dir.resolve("model.json"), "old");
        Path migration = dir.resolve("db").resolve("migration").resolve("V1__café.sql");

        var written = new AtomicFileSet(journal())
                .replace(snapshot, "new".getBytes(StandardCharsets.UTF_8))
                .create(migration, "-- crème\r\nselect 1;\r\n")
                .commit();

        assertThat(written).containsExactly(migration, snapshot);
        assertThat(Files.readAllBytes(migration)).isEqualTo("-- crème\nselect 1;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(snapshot)).isEqualTo("new");
        assertThat(leftovers()).isZero();
    }

    @Test
    void anExistingFileStopsEverythingBeforeAnyWrite() throws Exception {
        Path existing = Files.writeString(dir.resolve("V2__a.sql"), "mine");
        Path snapshot = Files.writeString(dir.resolve("model.json"), "old");

        assertThatThrownBy(() -> new AtomicFileSet(journal())
                .create(dir.resolve("U2__a.sql"), "undo")
                .create(existing, "theirs")
                .replace(snapshot, "new".getBytes(StandardCharsets.UTF_8))
                .commit())
                .isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith(existing + " already exists and JPA Migrate never overwrites a migration")
                .hasMessageContaining("Nothing was written");

        assertThat(Files.readString(existing)).isEqualTo("mine");
        assertThat(Files.readString(snapshot)).isEqualTo("old");
        assertThat(dir.resolve("U2__a.sql")).doesNotExist();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aFailureWhileMovingRemovesTheNewFilesAlreadyInPlace() throws Exception {
        Path migration = dir.resolve("V3__b.sql");
        // A non-empty directory where the snapshot should go: the last move fails.
        Path blocked = Files.createDirectories(dir.resolve("model.json"));
        Files.writeString(blocked.resolve("keep"), "x");

        assertThatThrownBy(() -> new AtomicFileSet(journal())
                .create(migration, "select 1;\n")
                .replace(blocked, "new".getBytes(StandardCharsets.UTF_8))
                .commit())
                .isInstanceOf(java.io.IOException.class);

        assertThat(migration).doesNotExist();
        assertThat(blocked.resolve("keep")).exists();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aCrashAtAnyStepLeavesTheOldFilesOrASetThatRecoveryFinishes() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path snapshot = Files.writeString(project.resolve("model.json"), "old");
        Path journal = project.resolve(".generate-journal");
        Path migrations = project.resolve("db").resolve("migration");
        Map<String, String> before = tree(project);
        List<String> steps = new ArrayList<>();
        // Each step's directory state is what a kill at that moment leaves behind (the data is flushed before each step).
        AtomicFileSet.steps = step -> {
            steps.add(step);
            copyTree(project, dir.resolve("at-" + steps.size()));
        };
        try {
            new AtomicFileSet(journal)
                    .create(project.resolve("undo").resolve("U2__a.sql"), "drop table a;\n")
                    .create(migrations.resolve("V2__a.sql"), "create table a (id int);\n")
                    .replace(snapshot, "new".getBytes(StandardCharsets.UTF_8))
                    .commit();
        } finally {
            AtomicFileSet.steps = step -> {
            };
        }
        Map<String, String> after = tree(project);
        assertThat(steps).containsExactly("prepared", "temp U2__a.sql", "temp V2__a.sql", "temp model.json", "committed",
                "moved U2__a.sql", "moved V2__a.sql", "moved model.json");
        assertThat(after).containsEntry("model.json", "new").containsEntry("db/migration/V2__a.sql", "create table a (id int);\n")
                .containsEntry("undo/U2__a.sql", "drop table a;\n").hasSize(3);

        for (int i = 1; i <= steps.size(); i++) {
            Path copy = dir.resolve("at-" + i);
            boolean committed = i >= steps.indexOf("committed") + 1;
            assertThat(AtomicFileSet.interrupted(copy.resolve(".generate-journal"))).as(steps.get(i - 1)).isEqualTo(committed);
            assertThat(AtomicFileSet.recover(copy.resolve(".generate-journal"))).as(steps.get(i - 1)).get(STRING)
                    .contains(committed ? "finished it" : "its temporary files were removed");
            assertThat(tree(copy)).as("after recovering a crash at " + steps.get(i - 1)).isEqualTo(committed ? after : before);
            assertThat(AtomicFileSet.recover(copy.resolve(".generate-journal"))).isEmpty();
        }
    }

    @Test
    void aRenumberingSetRemovesTheOldNameOnlyOnceTheNewOneIsInPlaceAndACrashAtAnyStepIsUndoneOrFinished()
            throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path snapshot = Files.writeString(project.resolve("model.json"), "old");
        Path migrations = Files.createDirectories(project.resolve("db").resolve("migration"));
        Path old = Files.writeString(migrations.resolve("V2__a.sql"), "create table a (id int);\n");
        Map<String, String> before = tree(project);
        List<String> steps = new ArrayList<>();
        AtomicFileSet.steps = step -> {
            steps.add(step);
            copyTree(project, dir.resolve("renumber-" + steps.size()));
        };
        try {
            new AtomicFileSet(project.resolve(".generate-journal"))
                    .create(migrations.resolve("V3__a.sql"), "create table a (id int);\n")
                    .delete(old)
                    .replace(snapshot, "new".getBytes(StandardCharsets.UTF_8))
                    .commit();
        } finally {
            AtomicFileSet.steps = step -> {
            };
        }
        Map<String, String> after = tree(project);
        assertThat(steps).containsExactly("prepared", "temp V3__a.sql", "temp model.json", "committed",
                "moved V3__a.sql", "moved V2__a.sql", "moved model.json");
        assertThat(after).containsOnlyKeys("model.json", "db/migration/V3__a.sql").containsEntry("model.json", "new");

        for (int i = 1; i <= steps.size(); i++) {
            Path copy = dir.resolve("renumber-" + i);
            boolean committed = i >= steps.indexOf("committed") + 1;
            assertThat(AtomicFileSet.recover(copy.resolve(".generate-journal"))).as(steps.get(i - 1)).isPresent();
            assertThat(tree(copy)).as("after recovering a crash at " + steps.get(i - 1)).isEqualTo(committed ? after : before);
        }
    }

    @Test
    void aFileToRemoveThatChangedMeanwhileStopsTheSetBeforeAnyWrite() throws Exception {
        Path old = Files.writeString(dir.resolve("V2__a.sql"), "mine");
        AtomicFileSet set = new AtomicFileSet(journal()).create(dir.resolve("V3__a.sql"), "mine").delete(old);
        Files.writeString(old, "edited meanwhile");

        assertThatThrownBy(set::commit).isInstanceOf(ProjectFileException.class).hasMessageContaining("Nothing was written");
        assertThat(dir.resolve("V3__a.sql")).doesNotExist();
        assertThat(Files.readString(old)).isEqualTo("edited meanwhile");
    }

    @Test
    void recoveryRefusesToFinishASetWhoseFileWasChangedSince() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path journal = project.resolve(".generate-journal");
        Path stopped = dir.resolve("stopped");
        AtomicFileSet.steps = step -> {
            if (step.equals("moved V2__a.sql")) {
                copyTree(project, stopped);
            }
        };
        try {
            new AtomicFileSet(journal).create(project.resolve("V2__a.sql"), "create table a (id int);\n")
                    .replace(project.resolve("model.json"), "new".getBytes(StandardCharsets.UTF_8)).commit();
        } finally {
            AtomicFileSet.steps = step -> {
            };
        }
        Files.writeString(stopped.resolve("V2__a.sql"), "edited by hand");

        assertThatThrownBy(() -> AtomicFileSet.recover(stopped.resolve(".generate-journal")))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("was interrupted while putting its files in place")
                .hasMessageContaining(stopped.resolve("V2__a.sql") + " is missing or was changed")
                .hasMessageContaining("Nothing was changed");
        assertThat(Files.readString(stopped.resolve("V2__a.sql"))).isEqualTo("edited by hand");
        assertThat(stopped.resolve("model.json")).doesNotExist();
        assertThat(AtomicFileSet.interrupted(stopped.resolve(".generate-journal"))).isTrue();
    }

    @Test
    void aDamagedJournalIsNamedAndNothingIsTouched() throws Exception {
        Path journal = Files.writeString(dir.resolve(".generate-journal"), "jpa-migrate write journal 1\ncreate\tab");
        assertThatThrownBy(() -> AtomicFileSet.recover(journal))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith(journal + " (the journal of an interrupted jpa-migrate:generate) is damaged")
                .hasMessageContaining("run generate again");
        assertThatThrownBy(() -> new AtomicFileSet(journal).create(dir.resolve("V1__a.sql"), "x").commit())
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("interrupted and not recovered. Nothing was written");
        assertThat(dir.resolve("V1__a.sql")).doesNotExist();
    }

    /** Every file under a folder, by relative path, with its text. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path journal() {
        return dir.resolve(".generate-journal");
    }

    private long leftovers() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jm-tmp")
                    || p.getFileName().toString().startsWith(".generate-journal")).count();
        }
    }
}
