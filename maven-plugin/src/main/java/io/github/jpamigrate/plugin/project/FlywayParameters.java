package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.plugin.replay.FlywaySettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The plugin's Flyway parameters ({@code flywayLocations}, {@code flywayTable},
 * {@code flywayPlaceholders}) as given, each null when not set, and how the goals' Flyway
 * settings follow from them: a parameter that is set is used; one that is not takes the Spring
 * Boot application's {@code spring.flyway} setting ({@link SpringBootFlyway}); else the default
 * (the migration folder, {@code flyway_schema_history}, no placeholders).
 *
 * @param locations    Flyway locations, null when not set
 * @param table        the history table, null when not set
 * @param placeholders placeholder values, null when not set
 */
public record FlywayParameters(List<String> locations, String table, Map<String, String> placeholders) {

    /** Boot settings JPA Migrate does not take, with the reason said in the log; others are not mentioned. */
    private static final Map<String, String> NOT_TAKEN = notTaken();

    public FlywayParameters {
        locations = locations == null || locations.stream().allMatch(l -> l == null || l.isBlank()) ? null
                : locations.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
        table = table == null || table.isBlank() ? null : table.strip();
        placeholders = placeholders == null || placeholders.isEmpty() ? null : Map.copyOf(placeholders);
    }

    /**
     * The settings, and what the log says about where they came from.
     *
     * @param settings the Flyway settings, without Java migrations (the caller adds the project's)
     * @param notes    lines for the log: the Boot settings taken, those not taken and why
     * @param warnings lines for the log: a parameter that differs from the application's setting,
     *                 Boot locations that leave out the folder {@code generate} writes to
     */
    public record Resolved(FlywaySettings settings, List<String> notes, List<String> warnings) {
    }

    /**
     * @param boot the application's settings ({@link SpringBootFlyway#NONE} when the project has none)
     */
    public Resolved resolve(ProjectLayout layout, MigrationTargets targets, SpringBootFlyway boot) {
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<SpringBootFlyway.Setting> taken = new ArrayList<>();
        var bootLocations = boot.locations();
        var bootTable = boot.table();
        Map<String, SpringBootFlyway.Setting> bootPlaceholders = boot.placeholders();

        List<String> rawLocations = locations;
        if (rawLocations == null && bootLocations.isPresent()) {
            taken.add(bootLocations.get());
            rawLocations = List.of(bootLocations.get().value().split(","));
            if (!targets.vendorFolders() && rawLocations.stream().anyMatch(l -> l.contains(MigrationTargets.VENDOR))) {
                String vendor = MigrationTargets.vendor(targets.primary());
                rawLocations = rawLocations.stream().map(l -> l.replace(MigrationTargets.VENDOR, vendor)).toList();
                notes.add("{vendor} in spring.flyway.locations is read as " + vendor + ", the folder of the dialect "
                        + targets.primary().id() + " (Spring Boot puts in the database's vendor; with <dialects>, each"
                        + " vendor's folder is read)");
            }
        } else if (locations != null && bootLocations.isPresent() && !onDisk(layout.projectDirectory(), locations)
                .equals(onDisk(layout.projectDirectory(), List.of(bootLocations.get().value().split(","))))) {
            warnings.add(differs("flywayLocations", String.join(",", locations), bootLocations.get(), layout));
        }
        String usedTable = table;
        if (usedTable == null && bootTable.isPresent()) {
            taken.add(bootTable.get());
            usedTable = bootTable.get().value();
        } else if (table != null && bootTable.isPresent() && !table.equals(bootTable.get().value())) {
            warnings.add(differs("flywayTable", table, bootTable.get(), layout));
        }
        Map<String, String> usedPlaceholders = placeholders;
        if (usedPlaceholders == null && !bootPlaceholders.isEmpty()) {
            taken.addAll(bootPlaceholders.values());
            usedPlaceholders = new TreeMap<>();
            for (var entry : bootPlaceholders.entrySet()) {
                usedPlaceholders.put(entry.getKey(), entry.getValue().value());
            }
        } else if (placeholders != null && !bootPlaceholders.isEmpty() && !placeholders.equals(bootPlaceholders.entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value())))) {
            warnings.add("<flywayPlaceholders> " + new TreeMap<>(placeholders) + " is used; the application's"
                    + " spring.flyway.placeholders in " + files(bootPlaceholders.values(), layout) + " say "
                    + bootPlaceholders.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().value())
                    .collect(Collectors.joining(", ", "{", "}")) + ". Remove <flywayPlaceholders> to follow the"
                    + " application, or make them agree: checksums depend on the values");
        }
        unresolved(boot, usedTable == null ? "table" : null, rawLocations == null ? "locations" : null,
                placeholders == null ? "placeholders" : null).forEach(warnings::add);

        List<String> finalLocations = rawLocations == null ? MigrationTargets.defaultFlyway(layout, targets).locations()
                : rawLocations.stream().map(l -> onDisk(layout.projectDirectory(), l.strip())).toList();
        if (!taken.isEmpty()) {
            notes.add(0, "Flyway settings taken from the Spring Boot configuration " + files(taken, layout) + ": "
                    + taken.stream().map(s -> s.name() + "=" + s.value()).collect(Collectors.joining(", "))
                    + " (the plugin's own parameter, when set, is used instead)");
        }
        if (locations == null && bootLocations.isPresent()) {
            folderOutside(layout, targets, finalLocations, bootLocations.get()).ifPresent(warnings::add);
        }
        notTakenNote(boot, layout).ifPresent(notes::add);
        FlywaySettings settings = new FlywaySettings(finalLocations,
                usedTable == null ? FlywaySettings.DEFAULT_TABLE : usedTable,
                usedPlaceholders == null ? Map.of() : usedPlaceholders);
        return new Resolved(settings, notes, warnings);
    }

    /**
     * A location as a folder this project has: {@code classpath:x} is {@code src/main/resources/x}
     * (where the application's class path gets it from); {@code filesystem:} and others as they are.
     */
    public static String onDisk(Path projectDirectory, String location) {
        return location.startsWith("classpath:")
                ? "filesystem:" + projectDirectory.resolve("src/main/resources")
                        .resolve(location.substring("classpath:".length()).replaceFirst("^/", "")).toAbsolutePath()
                : location;
    }

    /** The locations as folders, to compare {@code classpath:db/migration} with {@code filesystem:src/main/resources/db/migration}. */
    private static List<Path> onDisk(Path projectDirectory, List<String> locations) {
        return locations.stream().map(l -> onDisk(projectDirectory, l.strip()))
                .map(l -> l.startsWith("filesystem:") ? projectDirectory.resolve(l.substring("filesystem:".length()))
                        .toAbsolutePath().normalize() : Path.of(l)).toList();
    }

    private static String differs(String parameter, String value, SpringBootFlyway.Setting boot, ProjectLayout layout) {
        return "<" + parameter + "> " + value + " is used; the application's " + boot.name() + " in "
                + layout.show(boot.file()) + " says " + boot.value() + ". Remove <" + parameter + "> to follow the"
                + " application, or make them agree";
    }

    /** Boot locations without the folder {@code generate} writes to: verify and check-db would not see new migrations. */
    private static java.util.Optional<String> folderOutside(ProjectLayout layout, MigrationTargets targets,
                                                            List<String> locations, SpringBootFlyway.Setting boot) {
        Path folder = targets.vendorFolders() ? layout.migrationDirectory().resolve(MigrationTargets.VENDOR)
                : layout.migrationDirectory();
        Path wanted = folder.toAbsolutePath().normalize();
        boolean inside = locations.stream().filter(l -> l.startsWith("filesystem:"))
                .map(l -> Path.of(l.substring("filesystem:".length())).toAbsolutePath().normalize())
                .anyMatch(wanted::equals);
        if (inside) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("generate writes new migrations to " + layout.show(folder) + ", which is not among "
                + boot.name() + "=" + boot.value() + " (" + layout.show(boot.file()) + "): set the plugin's"
                + " <migrationDirectory> to the folder the application's Flyway reads, so that its new migrations are"
                + " the ones verify and check-db replay");
    }

    /** A needed setting whose {@code ${...}} reference these files cannot resolve: said, and the default used. */
    private static List<String> unresolved(SpringBootFlyway boot, String... names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name != null) {
                boot.unresolved(name).ifPresent(line -> out.add(line + " in the Spring Boot configuration refers to a"
                        + " property these files do not set and gives no default (${name:default}); "
                        + (name.equals("placeholders") ? "that placeholder is left out" : "the default is used")
                        + ". Set the plugin's flyway" + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                        + " to the value the application runs with"));
            }
        }
        return out;
    }

    private static java.util.Optional<String> notTakenNote(SpringBootFlyway boot, ProjectLayout layout) {
        Map<String, SpringBootFlyway.Setting> others = boot.others(List.of("locations", "table", "placeholders"));
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        List<SpringBootFlyway.Setting> settings = new ArrayList<>();
        others.forEach((name, setting) -> {
            String reason = NOT_TAKEN.get(name);
            if (reason != null) {
                byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(setting.name() + "=" + setting.value());
                settings.add(setting);
            }
        });
        if (byReason.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Not taken from the Spring Boot configuration " + files(settings, layout) + ": "
                + byReason.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")")
                .collect(Collectors.joining("; ")));
    }

    private static String files(java.util.Collection<SpringBootFlyway.Setting> settings, ProjectLayout layout) {
        Set<Path> files = settings.stream().map(SpringBootFlyway.Setting::file).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return files.stream().map(layout::show).collect(Collectors.joining(" and "));
    }

    private static Map<String, String> notTaken() {
        Map<String, String> out = new LinkedHashMap<>();
        String schemas = "not supported: JPA Migrate reads and replays in the connection's default schema; name the schema"
                + " in the JDBC URL instead, e.g. PostgreSQL's currentSchema";
        for (String name : List.of("schemas", "defaultschema", "createschemas")) {
            out.put(name, schemas);
        }
        String names = "not supported: JPA Migrate reads Flyway's default file names, V1__x.sql, R__x.sql, B1__x.sql";
        for (String name : List.of("sqlmigrationprefix", "sqlmigrationseparator", "sqlmigrationsuffixes",
                "repeatablesqlmigrationprefix", "baselinemigrationprefix")) {
            out.put(name, names);
        }
        String placeholderForm = "not supported: placeholders are replaced in Flyway's default ${name} form";
        for (String name : List.of("placeholderprefix", "placeholdersuffix", "placeholderseparator", "placeholderreplacement",
                "scriptplaceholderprefix", "scriptplaceholdersuffix")) {
            out.put(name, placeholderForm);
        }
        String baseline = "for the application's database; JPA Migrate's replays start from an empty one, and check-db"
                + " names the version to baseline at";
        for (String name : List.of("baselineversion", "baselineonmigrate", "baselinedescription")) {
            out.put(name, baseline);
        }
        out.put("outoforder", "verify takes -Djpamigrate.outOfOrder=true");
        String other = "not used by JPA Migrate's replays and checks";
        for (String name : List.of("target", "ignoremigrationpatterns", "mixed", "group", "initsqls", "validateonmigrate")) {
            out.put(name, other);
        }
        return Map.copyOf(out);
    }
}
