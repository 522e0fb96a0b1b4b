package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.model.SchemaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The committed snapshot: absent before the first migration, canonical bytes, a clear message when broken. */
class SnapshotFileTest {

    @TempDir
    Path dir;

    @Test
    void isEmptyBeforeTheFirstMigration() throws Exception {
        assertThat(new SnapshotFile(dir.resolve("model.json")).read()).isEmpty();
    }

    @Test
    void readsBackWhatItsContentWrites() throws Exception {
        SchemaModel model = new SchemaModel("jpa", "hibernate-7", "test", List.of(), List.of(), List.of(), List.of());
        Path path = Files.write(dir.resolve("model.json"), SnapshotFile.content(model));

        assertThat(new SnapshotFile(path).read()).contains(model);
        assertThat(new String(Files.readAllBytes(path))).doesNotContain("\r").endsWith("\n");
    }

    @Test
    void aBrokenSnapshotIsNamedWithTheWayOut() throws Exception {
        Path path = Files.writeString(dir.resolve("model.json"), "<<<<<<< HEAD\n{}\n");

        assertThatThrownBy(() -> new SnapshotFile(path).read())
                .isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("the snapshot cannot be read: " + path)
                .hasMessageContaining("restore it from version control")
                .hasMessageNotContaining("..");
    }
}
