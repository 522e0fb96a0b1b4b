package io.github.jpamigrate.workflow;

import io.github.jpamigrate.io.MigrationDirectory;
import io.github.jpamigrate.live.LiveDatabase;
import io.github.jpamigrate.replay.FlywaySettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check-db} and {@code status} read.
 *
 * @param layout   the project's files (the descriptor, the snapshot, the migration folder)
 * @param database the live database, or null (only {@code status} works without one)
 * @param flyway   the application's Flyway settings: locations, history table, placeholders
 */
public record LiveRequest(ProjectLayout layout, LiveDatabase database, FlywaySettings flyway) {

    /** The folders behind the {@code filesystem:} locations, which this tool reads the migration files from. */
    List<MigrationDirectory> folders() {
        List<MigrationDirectory> folders = new ArrayList<>();
        for (String location : flyway.locations()) {
            if (location.startsWith("filesystem:")) {
                folders.add(new MigrationDirectory(Path.of(location.substring("filesystem:".length()))));
            }
        }
        return folders;
    }
}
