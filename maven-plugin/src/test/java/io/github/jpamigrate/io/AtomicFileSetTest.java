package io.github.jpamigrate.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** All files or none, never an overwrite, the same bytes on every platform. */
class AtomicFileSetTest {

    @TempDir
    Path dir;

    @Test
    void writesNewFilesAsUtf8WithLfEndingsAndReplacesTheSnapshotLast() throws Exception {
        Path snapshot = Files.writeString(dir.resolve("model.json"), "old");
        Path migration = dir.resolve("db").resolve("migration").resolve("V1__café.sql");

        var written = new AtomicFileSet()
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

        assertThatThrownBy(() -> new AtomicFileSet()
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

        assertThatThrownBy(() -> new AtomicFileSet()
                .create(migration, "select 1;\n")
                .replace(blocked, "new".getBytes(StandardCharsets.UTF_8))
                .commit())
                .isInstanceOf(java.io.IOException.class);

        assertThat(migration).doesNotExist();
        assertThat(blocked.resolve("keep")).exists();
        assertThat(leftovers()).isZero();
    }

    private long leftovers() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jm-tmp")).count();
        }
    }
}
