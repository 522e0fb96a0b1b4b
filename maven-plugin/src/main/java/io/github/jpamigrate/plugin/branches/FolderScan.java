package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.io.ProjectFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One target's migration folder and undo folder read by file name only, tolerating what a merge
 * leaves behind (two migrations of one version), which {@link io.github.jpamigrate.plugin.io.MigrationDirectory}
 * refuses outright: versioned migrations by version, undo scripts, and {@code .sql.conf} files.
 *
 * @param migrations versioned migrations by version (versions Flyway treats as one share an entry)
 * @param undos      undo scripts
 * @param confs      Flyway script configurations ({@code V12__x.sql.conf}, {@code U12__x.sql.conf})
 */
record FolderScan(TreeMap<MigrationVersion, List<Path>> migrations, List<Path> undos, List<Path> confs) {

    /** Reads the migration folder and the undo folder (which may be the same folder) of one target. */
    static FolderScan of(Path migrationFolder, Path undoFolder) throws IOException {
        TreeMap<MigrationVersion, List<Path>> migrations = new TreeMap<>();
        List<Path> undos = new ArrayList<>();
        List<Path> confs = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>(list(migrationFolder));
        files.addAll(list(undoFolder));
        for (Path path : files) {
            String name = path.getFileName().toString();
            if (name.endsWith(".sql.conf")) {
                confs.add(path);
                continue;
            }
            Optional<MigrationFile> file = MigrationFile.parse(name);
            if (file.isEmpty()) {
                continue;
            }
            switch (file.get().kind()) {
                case VERSIONED -> migrations.computeIfAbsent(file.get().version(), v -> new ArrayList<>()).add(path);
                case UNDO -> undos.add(path);
                default -> {
                }
            }
        }
        return new FolderScan(migrations, undos, confs);
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw new ProjectFileException(folder + " cannot be read (" + e.getCause().getMessage() + "). Give the"
                    + " build user read permission on it (e.g. chmod -R u+rX " + folder + ").", e);
        }
    }

    /** The versioned migration named exactly {@code fileName}, if the folder has it. */
    Optional<Path> migration(MigrationFile file) {
        return migrations.getOrDefault(file.version(), List.of()).stream()
                .filter(p -> p.getFileName().toString().equals(file.fileName())).findFirst();
    }

    /** The versioned migrations with {@code description}, e.g. the one an undo script lost after a renumbering. */
    List<MigrationFile> withDescription(String description) {
        List<MigrationFile> out = new ArrayList<>();
        for (Map.Entry<MigrationVersion, List<Path>> entry : migrations.entrySet()) {
            for (Path path : entry.getValue()) {
                MigrationFile.parse(path.getFileName().toString())
                        .filter(f -> f.description().equals(description)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The newest version, or null for an empty folder. */
    MigrationVersion newest() {
        return migrations.isEmpty() ? null : migrations.lastKey();
    }

    static MigrationFile file(Path path) {
        return MigrationFile.parse(path.getFileName().toString()).orElseThrow();
    }
}
