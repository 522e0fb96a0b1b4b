package io.github.jpamigrate.core.migration;

import java.util.Objects;

/**
 * What the snapshot records about the migration it belongs to, one per migration folder: its file
 * and Flyway checksum, and the version that was the newest when it was generated (the chain it was
 * generated from). Two branches that each generate change this line differently, so git stops the
 * merge on the snapshot instead of merging two heads silently; {@code check} reads it to tell a
 * folder that was merged without its snapshot.
 *
 * <p>When one {@code generate} wrote two migrations (the online forms' follow-up, run outside a
 * transaction, after the migration it completes), the snapshot belongs to the follow-up, the newest
 * file, and {@code completes} records the migration before it with its own checksum: the two are
 * one unit, generated from the same chain, and both can be told from a hand-edited copy.
 *
 * @param folder    the vendor folder ({@code postgresql}), or {@code ""} for the plain migration folder
 * @param file      the migration's file name, e.g. {@code V12__add_phone.sql}
 * @param checksum  Flyway's checksum of the migration as generated ({@link FlywayChecksum})
 * @param after     the newest version in the folder when it was generated; null for the first migration
 * @param completes the migration {@code file} completes, written by the same generate; null when
 *                  {@code file} is the only one
 */
public record MigrationStamp(String folder, MigrationFile file, int checksum, MigrationVersion after,
                             Completed completes) {

    /**
     * The first migration of a generated pair, recorded with the follow-up that completes it.
     *
     * @param file     its file name, e.g. {@code V12__add_phone.sql}
     * @param checksum Flyway's checksum of it as generated
     */
    public record Completed(MigrationFile file, int checksum) {

        public Completed {
            Objects.requireNonNull(file, "file");
            if (file.kind() != MigrationFile.Kind.VERSIONED) {
                throw new IllegalArgumentException("a follow-up completes a versioned migration, not " + file.fileName());
            }
        }

        public MigrationVersion version() {
            return file.version();
        }
    }

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
        if (completes != null && completes.version().compareTo(file.version()) >= 0) {
            throw new IllegalArgumentException(file.fileName() + " cannot complete " + completes.file().fileName()
                    + ", which does not sort before it");
        }
        if (completes != null && after != null && after.compareTo(completes.version()) >= 0) {
            throw new IllegalArgumentException(completes.file().fileName() + " cannot have been generated after version "
                    + after + ", which does not sort before it");
        }
    }

    /** A stamp of a migration that is the only one its generate wrote. */
    public MigrationStamp(String folder, MigrationFile file, int checksum, MigrationVersion after) {
        this(folder, file, checksum, after, null);
    }

    public MigrationVersion version() {
        return file.version();
    }

    /** The folder as a user reads it: {@code postgresql/}, or {@code the migration folder}. */
    public String folderName() {
        return folder.isEmpty() ? "the migration folder" : folder + "/";
    }
}
