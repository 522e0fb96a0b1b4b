package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.WorkflowFailure;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code -Djpamigrate.<x>} user properties that lose to the POM. Maven gives a parameter the
 * value written in the plugin's {@code <configuration>} over the property, silently; a user who
 * typed {@code -Djpamigrate.dialect=postgresql} in a project configured for SQLite would get SQLite
 * SQL without a word. This compares each {@code jpamigrate.*} user property with the value the goal
 * actually has and says, when they differ, which one is used and how to make the property win.
 * A property value the goal would refuse is an error even when the POM's value is the one used.
 */
final class PropertyOverrides {

    /**
     * One parameter that can be set from a user property.
     *
     * @param name     the parameter's name, its element in the POM ({@code dialect})
     * @param property the user property ({@code jpamigrate.dialect})
     * @param value    the value the goal has: a String, Boolean, File, List or null
     */
    record Setting(String name, String property, Object value) {
    }

    private PropertyOverrides() {
    }

    /**
     * @param userProperties the session's user properties ({@code -D})
     * @param settings       the goal's parameters that have a property, with their values
     * @param baseDirectory  the project directory, which relative file properties are resolved against
     * @return one warning per property that lost to the POM
     * @throws WorkflowFailure when such a property's value is not one the parameter accepts
     */
    static List<String> check(Map<String, String> userProperties, Collection<Setting> settings, File baseDirectory) {
        List<String> warnings = new ArrayList<>();
        for (Setting setting : settings) {
            String given = userProperties.get(setting.property());
            if (given == null || same(given, setting.value(), baseDirectory)) {
                continue;
            }
            validate(setting.name(), setting.property(), given);
            boolean secret = setting.name().toLowerCase(java.util.Locale.ROOT).contains("password");
            String used = secret ? "(hidden)" : shown(setting.value());
            warnings.add("-D" + setting.property() + "=" + (secret ? "(hidden)" : given) + " is ignored: the plugin's <configuration> in the POM"
                    + " sets <" + setting.name() + ">" + used + "</" + setting.name() + ">, and Maven gives a value"
                    + " written there precedence over a user property, so this goal uses " + setting.name() + " = "
                    + used + ". To let the command line decide, remove <" + setting.name() + "> from the plugin's"
                    + " configuration, or write <" + setting.name() + ">${" + setting.property() + "}</" + setting.name()
                    + "> there and put the usual value in the POM's <properties> (<" + setting.property() + ">" + used
                    + "</" + setting.property() + ">); -D" + setting.property() + " then overrides it.");
        }
        return warnings;
    }

    /** Rejects the values a parameter does not accept, naming the parameter, the value and what it accepts. */
    static void validate(String name, String property, String value) {
        try {
            switch (name) {
                case "dialect" -> Dialect.fromId(value);
                case "dialects" -> MigrationTargets.parse(null, List.of(value));
                case "versionScheme" -> VersionScheme.parse(value);
                default -> {
                    // other parameters are checked where the goal reads them
                }
            }
        } catch (IllegalArgumentException | WorkflowFailure e) {
            throw new WorkflowFailure("-D" + property + "=" + value + ": " + e.getMessage()
                    + " (the parameter " + name + "; the property is ignored while the POM sets <" + name
                    + ">, but a wrong value is an error in either place).");
        }
    }

    private static boolean same(String given, Object value, File baseDirectory) {
        if (value == null) {
            return given.isBlank();
        }
        if (value instanceof File file) {
            Path resolved = baseDirectory.toPath().resolve(given.strip()).toAbsolutePath().normalize();
            return resolved.equals(file.toPath().toAbsolutePath().normalize());
        }
        if (value instanceof Boolean flag) {
            return flag == (given.isBlank() || Boolean.parseBoolean(given.strip()));
        }
        if (value instanceof Collection<?> list) {
            List<String> parts = List.of(given.split(",")).stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
            List<String> values = list.stream().map(Objects::toString)
                    .flatMap(v -> List.of(v.split(",")).stream()).map(String::strip).filter(p -> !p.isEmpty()).toList();
            return parts.equals(values);
        }
        return given.strip().equals(value.toString().strip());
    }

    private static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Objects::toString).collect(Collectors.joining(","));
        }
        return value.toString();
    }
}
