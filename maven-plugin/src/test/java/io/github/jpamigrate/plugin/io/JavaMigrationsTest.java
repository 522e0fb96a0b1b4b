package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.plugin.project.JavaMigrationFixture;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's Flyway Java migrations: found in the compiled classes, named when not compiled. */
class JavaMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void compiledMigrationClassesAreFoundAndLoadedForFlyway() throws Exception {
        ProjectLayout layout = ProjectLayout.standard(dir);
        JavaMigrationFixture.compiled(layout, "V2__Seed", "select 1");
        // A helper class in the package is no migration, as for Flyway.
        Path helper = JavaMigrationFixture.sourceRoot(layout).resolve("db/migration/Rows.java");
        Files.writeString(helper, "package db.migration;\npublic class Rows {}\n");
        JavaMigrationFixture.compile(layout, helper);
        JavaMigrations java = JavaMigrationFixture.of(layout);

        assertThat(java.compiled()).extracting(JavaMigrations.JavaClass::className).containsExactly("db.migration.V2__Seed");
        assertThat(java.compiled().get(0).file().kind()).isEqualTo(MigrationFile.Kind.VERSIONED);
        assertThat(java.uncompiled()).isEmpty();
        try (JavaMigrations.Loaded loaded = java.open(getClass().getClassLoader())) {
            assertThat(loaded.getClasses()).extracting(Class::getName).containsExactly("db.migration.V2__Seed");
        }
    }

    @Test
    void aMigrationSourceWithoutItsClassIsNamedWithTheCommandThatCompilesIt() throws Exception {
        ProjectLayout layout = ProjectLayout.standard(dir);
        Path source = JavaMigrationFixture.source(layout, "V3__Fill_codes", "select 1");
        JavaMigrations java = JavaMigrationFixture.of(layout);

        assertThat(java.uncompiled()).containsExactly(source);
        assertThatThrownBy(() -> java.open(getClass().getClassLoader())).isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("Flyway Java migrations that are not compiled yet")
                .hasMessageContaining("V3__Fill_codes.java").hasMessageContaining("Run mvn compile first");
    }

    @Test
    void withoutProjectClassesThereAreNone() throws Exception {
        assertThat(JavaMigrations.NONE.compiled()).isEmpty();
        try (JavaMigrations.Loaded loaded = JavaMigrations.NONE.open(getClass().getClassLoader())) {
            assertThat(loaded.getClasses()).isEmpty();
        }
    }
}
