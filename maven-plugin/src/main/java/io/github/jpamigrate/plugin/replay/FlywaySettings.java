package io.github.jpamigrate.plugin.replay;

import java.util.List;
import java.util.Map;

/**
 * The parts of a project's Flyway configuration that decide what a replay runs.
 *
 * @param locations    Flyway locations, e.g. {@code filesystem:src/main/resources/db/migration}
 * @param table        the schema history table
 * @param placeholders placeholder values used in the scripts
 */
public record FlywaySettings(List<String> locations, String table, Map<String, String> placeholders) {

    public static final String DEFAULT_TABLE = "flyway_schema_history";

    public FlywaySettings {
        locations = List.copyOf(locations);
        placeholders = Map.copyOf(placeholders);
    }

    public static FlywaySettings folder(java.nio.file.Path folder) {
        return new FlywaySettings(List.of("filesystem:" + folder.toAbsolutePath()), DEFAULT_TABLE, Map.of());
    }
}
