package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.plugin.io.JavaMigrations;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parts of a project's Flyway configuration that decide what a replay runs.
 *
 * @param locations    Flyway locations, e.g. {@code filesystem:src/main/resources/db/migration}
 * @param table        the schema history table
 * @param placeholders placeholder values used in the scripts
 * @param java         the project's Java migrations ({@link JavaMigrations#NONE} for a plain folder of SQL files)
 */
public record FlywaySettings(List<String> locations, String table, Map<String, String> placeholders, JavaMigrations java) {

    /** A script with Flyway's {@code ${name}} placeholders filled in with these values (undo scripts, which Flyway does not run). */
    public String withPlaceholders(String script) {
        String out = script;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            out = out.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return out;
    }


    public static final String DEFAULT_TABLE = "flyway_schema_history";

    public FlywaySettings {
        locations = List.copyOf(locations);
        placeholders = Map.copyOf(placeholders);
        java = java == null ? JavaMigrations.NONE : java;
    }

    /** Settings without Java migrations. */
    public FlywaySettings(List<String> locations, String table, Map<String, String> placeholders) {
        this(locations, table, placeholders, JavaMigrations.NONE);
    }

    public static FlywaySettings folder(Path folder) {
        return new FlywaySettings(List.of("filesystem:" + folder.toAbsolutePath()), DEFAULT_TABLE, Map.of());
    }

    public FlywaySettings withLocations(List<String> other) {
        return new FlywaySettings(other, table, placeholders, java);
    }

    public FlywaySettings withJava(JavaMigrations other) {
        return new FlywaySettings(locations, table, placeholders, other);
    }

    /** The same settings with every location and Java package folder rewritten (e.g. {@code {vendor}} resolved). */
    public FlywaySettings mapLocations(UnaryOperator<String> rewrite) {
        return new FlywaySettings(locations.stream().map(rewrite).toList(), table, placeholders,
                java.withPackages(java.packages().stream().map(rewrite).toList()));
    }

    /**
     * Flyway configured as the application configures it: these locations, history table and
     * placeholders, and the project's Java migrations loaded by a class loader over its classes.
     * Close the result when Flyway is done, to release that class loader.
     *
     * @throws ProjectFileException when a Java migration is not compiled or cannot be loaded
     */
    public Configured configure() {
        ClassLoader flywayLoader = FlywaySettings.class.getClassLoader();
        JavaMigrations.Loaded loaded;
        try {
            loaded = java.open(flywayLoader);
        } catch (IOException e) {
            throw new ProjectFileException("the project's compiled classes cannot be read for Java migrations: "
                    + e.getMessage(), e);
        }
        FluentConfiguration config = Flyway.configure(loaded.loader())
                .locations(locations.toArray(String[]::new))
                .table(table)
                .placeholders(placeholders)
                .javaMigrationClassProvider(loaded)
                .cleanDisabled(true);
        return new Configured(config, loaded);
    }

    /**
     * A Flyway configuration and the class loader its Java migrations come from.
     *
     * @param config the configuration, to which the caller adds the data source
     * @param java   the loaded Java migrations, closed with this
     */
    public record Configured(FluentConfiguration config, JavaMigrations.Loaded java) implements AutoCloseable {
        @Override
        public void close() {
            java.close();
        }
    }
}
