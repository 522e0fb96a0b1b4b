package io.github.jpamigrate.plugin.project;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code spring.flyway.*} settings a Spring Boot application states in its profile-free
 * configuration: {@code src/main/resources/application.properties}, {@code application.yml} and
 * {@code application.yaml} (not {@code application-<profile>.*}, and no document of a file that is
 * activated by a profile). Read as Boot binds them: relaxed names ({@code sql-migration-prefix},
 * {@code sqlMigrationPrefix}, {@code sql_migration_prefix}), lists as {@code a,b}, as
 * {@code locations[0]=a} or as YAML lists, maps as {@code placeholders.owner=x},
 * {@code placeholders[owner]=x} or nested YAML; {@code application.properties} wins over
 * {@code application.yml}, which wins over {@code application.yaml}; {@code ${name:default}} in a
 * value is resolved from the same files, else to its default.
 */
public final class SpringBootFlyway {

    /** The files read, lowest precedence first. */
    static final List<String> FILES = List.of("application.yaml", "application.yml", "application.properties");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /**
     * One setting as taken.
     *
     * @param name  the property, as Boot names it ({@code spring.flyway.locations})
     * @param value the value, references resolved
     * @param file  the file it comes from
     */
    public record Setting(String name, String value, Path file) {
    }

    /** Per file (lowest precedence first): every property, name as written -> value. */
    private final Map<Path, Map<String, String>> files;

    private SpringBootFlyway(Map<Path, Map<String, String>> files) {
        this.files = files;
    }

    /** Nothing stated: a project without these files. */
    public static final SpringBootFlyway NONE = new SpringBootFlyway(Map.of());

    /**
     * @param resources the project's resource folder ({@code src/main/resources})
     * @throws WorkflowFailure when a file cannot be read or is not valid YAML, naming the file and the line
     */
    public static SpringBootFlyway read(Path resources) {
        Map<Path, Map<String, String>> files = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = resources.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new WorkflowFailure("cannot read " + file + " for its spring.flyway settings: " + e.getMessage());
            }
            files.put(file, name.endsWith(".properties") ? properties(text) : yaml(file, text));
        }
        return new SpringBootFlyway(files);
    }

    /** The files that exist, lowest precedence first. */
    public List<Path> files() {
        return List.copyOf(files.keySet());
    }

    /** {@code spring.flyway.locations}, each location trimmed, from the file of highest precedence that states it. */
    public Optional<Setting> locations() {
        return list("locations");
    }

    /** {@code spring.flyway.table}. */
    public Optional<Setting> table() {
        return scalar("table");
    }

    /** {@code spring.flyway.placeholders.*}, merged over the files as Boot merges maps; empty when none. */
    public Map<String, Setting> placeholders() {
        Map<String, Setting> out = new TreeMap<>();
        files.forEach((file, properties) -> properties.forEach((key, value) -> {
            Property property = Property.of(key);
            if (property != null && property.name().equals("placeholders") && property.rest() != null) {
                resolved(value).ifPresent(v -> out.put(property.rest(), new Setting("spring.flyway.placeholders."
                        + property.rest(), v, file)));
            }
        }));
        return out;
    }

    /**
     * Every other {@code spring.flyway} setting stated, as written: what the caller does not take.
     * The keys are the relaxed names ({@code sqlmigrationprefix}).
     */
    public Map<String, Setting> others(List<String> taken) {
        Map<String, Setting> out = new TreeMap<>();
        files.forEach((file, properties) -> properties.forEach((key, value) -> {
            Property property = Property.of(key);
            if (property != null && !taken.contains(property.name())) {
                out.put(property.name(), new Setting(key.strip(), value, file));
            }
        }));
        return out;
    }

    /** A reference ({@code ${name}}) in a value that neither these files nor a default resolve, with the property. */
    public Optional<String> unresolved(String name) {
        for (Map<String, String> properties : files.values()) {
            for (var entry : properties.entrySet()) {
                Property property = Property.of(entry.getKey());
                if (property != null && property.name().equals(name) && resolved(entry.getValue()).isEmpty()) {
                    return Optional.of(entry.getKey().strip() + "=" + entry.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Setting> scalar(String name) {
        Setting found = null;
        for (var file : files.entrySet()) {
            for (var entry : file.getValue().entrySet()) {
                Property property = Property.of(entry.getKey());
                if (property != null && property.name().equals(name) && property.rest() == null) {
                    Optional<String> value = resolved(entry.getValue());
                    if (value.isPresent() && !value.get().isBlank()) {
                        found = new Setting("spring.flyway." + name, value.get().strip(), file.getKey());
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** A list from one file (Boot does not merge lists): {@code a,b}, or indexed entries in index order. */
    private Optional<Setting> list(String name) {
        Setting found = null;
        for (var file : files.entrySet()) {
            TreeMap<Integer, String> indexed = new TreeMap<>();
            String whole = null;
            for (var entry : file.getValue().entrySet()) {
                Property property = Property.of(entry.getKey());
                if (property == null || !property.name().equals(name)) {
                    continue;
                }
                Optional<String> value = resolved(entry.getValue());
                if (value.isEmpty()) {
                    continue;
                }
                if (property.index() != null) {
                    indexed.put(property.index(), value.get());
                } else if (property.rest() == null) {
                    whole = value.get();
                }
            }
            List<String> items = new ArrayList<>();
            (indexed.isEmpty() ? (whole == null ? List.<String>of() : List.of(whole.split(","))) : indexed.values())
                    .forEach(item -> {
                        if (!item.isBlank()) {
                            items.add(item.strip());
                        }
                    });
            if (!items.isEmpty()) {
                found = new Setting("spring.flyway." + name, String.join(",", items), file.getKey());
            }
        }
        return Optional.ofNullable(found);
    }

    /** The value with {@code ${name:default}} references resolved from these files; empty when one cannot be. */
    private Optional<String> resolved(String value) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Optional<String> target = lookup(matcher.group(1).strip());
            if (target.isEmpty() && matcher.group(2) == null) {
                return Optional.empty();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(target.orElse(matcher.group(2))));
        }
        matcher.appendTail(out);
        return Optional.of(out.toString());
    }

    private Optional<String> lookup(String name) {
        String found = null;
        for (Map<String, String> properties : files.values()) {
            for (var entry : properties.entrySet()) {
                if (relaxed(entry.getKey()).equals(relaxed(name)) && !entry.getValue().contains("${")) {
                    found = entry.getValue();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Boot's relaxed form of a name: lower case, without dashes and underscores. */
    static String relaxed(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /**
     * A {@code spring.flyway} property name taken apart.
     *
     * @param name  the relaxed setting name ({@code locations}, {@code placeholders}, {@code sqlmigrationprefix})
     * @param index a list index ({@code locations[1]}), or null
     * @param rest  a map key after the name ({@code owner} of {@code placeholders.owner} or {@code placeholders[owner]}), or null
     */
    record Property(String name, Integer index, String rest) {

        private static final Pattern FORM = Pattern.compile("(?i)spring\\.flyway\\.([A-Za-z0-9_-]+)(?:\\[(\\d+)]|\\[([^]]+)]|\\.(.+))?");

        /** Null for a property outside {@code spring.flyway}. */
        static Property of(String key) {
            Matcher m = FORM.matcher(key.strip());
            if (!m.matches()) {
                return null;
            }
            String rest = m.group(3) != null ? m.group(3) : m.group(4);
            return new Property(relaxed(m.group(1)), m.group(2) == null ? null : Integer.valueOf(m.group(2)), rest);
        }
    }

    /**
     * The properties of a {@code .properties} file: its documents ({@code #---} separates them), those
     * activated by a profile left out, later documents winning.
     */
    private static Map<String, String> properties(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String document : text.split("(?m)^[#!]---\\s*$")) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(document));
            } catch (IOException | IllegalArgumentException e) {
                continue; // a malformed \\u escape: Boot fails on it too, at start-up
            }
            Map<String, String> values = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
            if (!profileActivated(values)) {
                out.putAll(values);
            }
        }
        return out;
    }

    /** The properties of a YAML file, flattened as Boot flattens it ({@code spring.flyway.locations[0]}). */
    private static Map<String, String> yaml(Path file, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                Map<String, String> values = new LinkedHashMap<>();
                flatten("", document, values);
                if (!profileActivated(values)) {
                    out.putAll(values);
                }
            }
        } catch (MarkedYAMLException e) {
            throw new WorkflowFailure(file + " is not valid YAML (line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem() + "); JPA Migrate reads its spring.flyway"
                    + " settings. Fix the file (Spring Boot fails on it too), or set the plugin's flywayLocations,"
                    + " flywayTable and flywayPlaceholders, which are then used instead.");
        } catch (YAMLException e) {
            throw new WorkflowFailure(file + " is not valid YAML (" + e.getMessage() + "); JPA Migrate reads its"
                    + " spring.flyway settings. Fix the file, or set the plugin's flywayLocations, flywayTable and"
                    + " flywayPlaceholders, which are then used instead.");
        }
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, node == null ? "" : String.valueOf(node));
        }
    }

    /** Whether a document applies only under a profile (or a cloud platform): not the defaults. */
    private static boolean profileActivated(Map<String, String> values) {
        return values.keySet().stream().map(SpringBootFlyway::relaxed).anyMatch(key -> key.startsWith("spring.config.activate.")
                || key.equals("spring.profiles") || key.startsWith("spring.profiles["));
    }
}
