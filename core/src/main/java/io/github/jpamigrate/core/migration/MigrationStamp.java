package io.github.jpamigrate.core.migration;

import java.util.Objects;

/**
 * What the snapshot records about the migration it belongs to, one per migration folder: its file
 * and Flyway checksum, and the version that was the newest when it was generated (the chain it was
 * generated from). Two branches that each generate change this line differently, so git stops the
 * merge on the snapshot instead of merging two heads silently; {@code check} reads it to tell a
 * folder that was merged without its snapshot.
 *
 * @param folder   the vendor folder ({@code postgresql}), or {@code ""} for the plain migration folder
 * @param file     the migration's file name, e.g. {@code V12__add_phone.sql}
 * @param checksum Flyway's checksum of the migration as generated ({@link FlywayChecksum})
 * @param after    the newest version in the folder when it was generated; null for the first migration
 */
public record MigrationStamp(String folder, MigrationFile file, int checksum, MigrationVersion after) {

    public MigrationStamp {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(file, "file");
        if (file.kind() != MigrationFile.Kind.VERSIONED) {
            throw new IllegalArgumentException("a snapshot belongs to a versioned migration, not to " + file.fileName());
        }
        if (after != null && after.compareTo(file.version()) >= 0) {
            throw new IllegalArgumentException(file.fileName() + " cannot have been generated after version " + after
                    + ", which does not sort before it");
        }
    }

    public MigrationVersion version() {
        return file.version();
    }

    /** The folder as a user reads it: {@code postgresql/}, or {@code the migration folder}. */
    public String folderName() {
        return folder.isEmpty() ? "the migration folder" : folder + "/";
    }
}
