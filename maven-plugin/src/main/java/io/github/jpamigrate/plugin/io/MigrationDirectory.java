package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import org.flywaydb.core.api.callback.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Flyway migration folder ({@code src/main/resources/db/migration} by default), read the way
 * Flyway reads it: recursively, {@code .sql} files named {@code V<version>__<description>.sql},
 * {@code B<version>__...} (baseline migrations), {@code U<version>__...} or {@code R__...}. Other
 * files (Flyway's {@code .sql.conf} script configurations, its SQL callbacks such as
 * {@code beforeMigrate.sql}, notes) are not migrations and are left alone.
 *
 * <p>Listing fails where Flyway would misbehave later: a {@code .sql} file whose name does not
 * follow the convention is skipped by Flyway without a word, and two migrations with one version
 * make every Flyway run fail.
 */
public final class MigrationDirectory {

    private final Path root;

    public MigrationDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** One migration script found in the folder. */
    public record Script(Path path, MigrationFile file) {
    }

    /**
     * Every migration script, versioned ones first by version, then baseline ones by version, then
     * undo scripts by version, then repeatable ones by description. A folder that does not exist yet has none.
     *
     * @throws ProjectFileException naming the offending files and how to fix them
     */
    public List<Script> scripts() throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ProjectFileException(root + " is a file, not a folder, but it is where the Flyway migrations"
                    + " belong. Move it away (or rename it), then run the goal again: generate creates the folder.");
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Script> scripts = new ArrayList<>();
        List<Path> misnamed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (!name.endsWith(".sql")) {
                    continue;
                }
                MigrationFile.parse(name).ifPresentOrElse(f -> scripts.add(new Script(path, f)), () -> {
                    if (!isCallback(name)) {
                        misnamed.add(path);
                    }
                });
            }
        } catch (AccessDeniedException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new ProjectFileException(root + " cannot be read (" + cause.getMessage() + "), so its migrations"
                    + " cannot be listed. Give the build user read and execute permissions on the migration folder"
                    + " and its subfolders (e.g. chmod -R u+rX " + root + ").", e);
        }
        if (!misnamed.isEmpty()) {
            throw misnamed(misnamed);
        }
        scripts.sort(Comparator.comparing((Script s) -> s.file().kind())
                .thenComparing(s -> s.file().version(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(s -> s.file().description()));
        rejectDuplicates(scripts);
        return List.copyOf(scripts);
    }

    /**
     * Whether the file is a Flyway SQL callback ({@code beforeMigrate.sql}, {@code afterMigrate__seed.sql}),
     * which Flyway runs around its commands rather than as a migration.
     */
    static boolean isCallback(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".sql".length());
        int separator = base.indexOf("__");
        return Event.fromId(separator < 0 ? base : base.substring(0, separator)) != null;
    }

    /** The versions of the versioned migrations, in order. */
    public List<MigrationVersion> versions() throws IOException {
        return scripts().stream().filter(s -> s.file().kind() == MigrationFile.Kind.VERSIONED)
                .map(s -> s.file().version()).toList();
    }

    /**
     * The versions a new migration may not take: those of the versioned and of the baseline
     * migrations ({@code B5__schema.sql} takes 5 as well), in order.
     */
    public List<MigrationVersion> claimedVersions() throws IOException {
        return scripts().stream().filter(s -> s.file().kind().claimsVersion())
                .map(s -> s.file().version()).sorted().toList();
    }

    private ProjectFileException misnamed(List<Path> paths) {
        StringBuilder message = new StringBuilder("the migration folder ").append(root)
                .append(" holds .sql files that are not named like Flyway migrations, so Flyway would skip them"
                        + " without a word:");
        for (Path path : paths) {
            message.append("\n  ").append(path);
        }
        message.append("\nRename each to V<version>__<description>.sql (e.g. V3__add_phone.sql), B<version>__<description>.sql"
                + " (a baseline migration), U<version>__<description>.sql or R__<description>.sql, or move it out of the"
                + " migration folder.");
        return new ProjectFileException(message.toString());
    }

    private void rejectDuplicates(List<Script> sorted) {
        List<String> clashes = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            MigrationFile a = sorted.get(i - 1).file();
            MigrationFile b = sorted.get(i).file();
            boolean same = a.kind() == b.kind() && (a.kind() == MigrationFile.Kind.REPEATABLE
                    ? a.description().equals(b.description())
                    : a.version().sameAs(b.version()));
            if (same) {
                clashes.add(sorted.get(i - 1).path() + " and " + sorted.get(i).path());
            }
        }
        if (!clashes.isEmpty()) {
            throw new ProjectFileException("the migration folder " + root + " has two migrations for one version,"
                    + " which makes every Flyway run fail:\n  " + String.join("\n  ", clashes)
                    + "\nKeep one: if another branch added the same version, renumber the migration that has not"
                    + " been released yet to the next free version (a rename of the file is enough).");
        }
    }
}
