package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.plugin.io.SnapshotFile;

import java.nio.file.Path;

/**
 * Where a project keeps the files the goals read and write.
 *
 * @param projectDirectory   the project's base directory; paths in messages are shown relative to it
 * @param descriptor         the descriptor the processor wrote in this build
 *                           ({@code target/classes/META-INF/jpa-migrate/model.json})
 * @param snapshot           the committed snapshot ({@code src/main/jpa-migrate/model.json})
 * @param migrationDirectory the Flyway migration folder ({@code src/main/resources/db/migration})
 * @param undoDirectory      where undo scripts go ({@code src/main/jpa-migrate/undo}); outside the
 *                           migration folder because Flyway Community does not run undo scripts
 *                           and warns about {@code U} files among its migrations
 * @param workDirectory      scratch space under the build directory ({@code target/jpa-migrate})
 */
public record ProjectLayout(Path projectDirectory, Path descriptor, Path snapshot, Path migrationDirectory,
                            Path undoDirectory, Path workDirectory) {

    /** The undo script {@code U<version>__*.sql} of a migration in the undo folder, if there is one. */
    public java.util.Optional<Path> undoScript(io.github.jpamigrate.core.migration.MigrationVersion version)
            throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(undoDirectory)) {
            return java.util.Optional.empty();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(undoDirectory)) {
            return files.filter(p -> io.github.jpamigrate.core.migration.MigrationFile.parse(p.getFileName().toString())
                    .filter(f -> f.kind() == io.github.jpamigrate.core.migration.MigrationFile.Kind.UNDO && f.version() != null
                            && f.version().compareTo(version) == 0).isPresent()).findFirst();
        }
    }


    /** The default layout of a Maven project in {@code projectDirectory}. */
    public static ProjectLayout standard(Path projectDirectory) {
        Path target = projectDirectory.resolve("target");
        return new ProjectLayout(projectDirectory,
                target.resolve("classes").resolve("META-INF").resolve("jpa-migrate").resolve("model.json"),
                projectDirectory.resolve(SnapshotFile.DEFAULT_LOCATION),
                projectDirectory.resolve(Path.of("src", "main", "resources", "db", "migration")),
                projectDirectory.resolve(Path.of("src", "main", "jpa-migrate", "undo")),
                target.resolve("jpa-migrate"));
    }

    /**
     * This layout with the migration and undo folders of one vendor: {@code db/migration/<vendor>}
     * and {@code <undo>/<vendor>}; the snapshot and the work directory are shared.
     */
    public ProjectLayout forVendor(String vendor) {
        return new ProjectLayout(projectDirectory, descriptor, snapshot, migrationDirectory.resolve(vendor),
                undoDirectory.resolve(vendor), workDirectory);
    }

    /**
     * The drift baseline ({@code src/main/jpa-migrate/drift-baseline.json}): the differences between
     * the migrations' schema and the model accepted at adoption. Beside the snapshot, committed with it.
     */
    public Path driftBaseline() {
        return snapshot.resolveSibling("drift-baseline.json");
    }

    /**
     * The lock that makes {@code generate} (and {@code init}) runs of this project take turns.
     * Beside the write journal, so that {@code mvn clean} cannot delete it under a running
     * {@code generate}; it exists only while a run holds it.
     */
    public Path lockFile() {
        return snapshot.resolveSibling(".generate-lock");
    }

    /**
     * The journal of a {@code generate} that is putting its files in place; it exists only while
     * that happens, or after the run was killed. Beside the snapshot, so that it survives
     * {@code mvn clean} and the next {@code generate} can finish the interrupted set.
     */
    public Path writeJournal() {
        return snapshot.resolveSibling(".generate-journal");
    }

    /** A path as a user reads it in a message: relative to the project when it lies inside it. */
    public String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = projectDirectory.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
