package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.migration.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migration folder as Flyway reads it, and the mistakes Flyway would not report. */
class MigrationDirectoryTest {

    @TempDir
    Path dir;

    private Path file(String relative) throws Exception {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "select 1;\n");
    }

    @Test
    void listsVersionedUndoAndRepeatableScriptsRecursivelyInFlywayOrder() throws Exception {
        file("V10__later.sql");
        file("V2__second.sql");
        file("V2__second.sql.conf");
        file("archive/V1_1__patch.sql");
        file("U2__second.sql");
        file("R__views.sql");
        file("README.md");
        file(".V3__x.sql.123.jm-tmp");
        file("beforeMigrate.sql");
        file("afterMigrate__seed_users.sql");

        MigrationDirectory directory = new MigrationDirectory(dir);

        assertThat(directory.scripts()).extracting(s -> s.file().fileName())
                .containsExactly("V1_1__patch.sql", "V2__second.sql", "V10__later.sql", "U2__second.sql", "R__views.sql");
        assertThat(directory.versions()).containsExactly(
                MigrationVersion.parse("1.1"), MigrationVersion.parse("2"), MigrationVersion.parse("10"));
    }

    @Test
    void aFolderThatDoesNotExistYetHasNoScripts() throws Exception {
        assertThat(new MigrationDirectory(dir.resolve("db").resolve("migration")).scripts()).isEmpty();
    }

    @Test
    void sqlFilesFlywayWouldSkipAreNamed() throws Exception {
        file("V1__ok.sql");
        Path single = file("V2_add_phone.sql");
        Path plain = file("fixes/add_index.sql");

        assertThatThrownBy(() -> new MigrationDirectory(dir).scripts())
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("not named like Flyway migrations, so Flyway would skip them")
                .hasMessageContaining(single.toString())
                .hasMessageContaining(plain.toString())
                .hasMessageContaining("V<version>__<description>.sql");
    }

    @Test
    void twoMigrationsWithOneVersionAreNamedTogether() throws Exception {
        Path a = file("V2__add_phone.sql");
        Path b = file("other/V2.0__add_fax.sql");
        file("V3__ok.sql");

        assertThatThrownBy(() -> new MigrationDirectory(dir).versions())
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("two migrations for one version")
                .hasMessageContaining(b + " and " + a)
                .hasMessageContaining("renumber");
    }

    @Test
    void baselineMigrationsAreMigrationsAndTakeTheirVersion() throws Exception {
        file("V1__first.sql");
        file("V2__second.sql");
        file("B2__schema.sql");
        file("B1_20_0__1.0.0_baseline__POSTGRESQL.sql");

        MigrationDirectory directory = new MigrationDirectory(dir);

        assertThat(directory.scripts()).extracting(s -> s.file().fileName()).containsExactly("V1__first.sql",
                "V2__second.sql", "B1_20_0__1.0.0_baseline__POSTGRESQL.sql", "B2__schema.sql");
        assertThat(directory.versions()).extracting(MigrationVersion::toString).containsExactly("1", "2");
        assertThat(directory.claimedVersions()).extracting(MigrationVersion::toString)
                .containsExactly("1", "1.20.0", "2", "2");
    }

    @Test
    void twoBaselineMigrationsWithOneVersionAreRejected() throws Exception {
        file("B2__schema.sql");
        file("sub/B2_0__other.sql");

        assertThatThrownBy(() -> new MigrationDirectory(dir).scripts()).isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("two migrations for one version").hasMessageContaining("B2__schema.sql");
    }
}
