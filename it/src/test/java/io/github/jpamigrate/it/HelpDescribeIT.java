package io.github.jpamigrate.it;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn help:describe -Dplugin=io.github.jpamigrate:jpa-migrate-maven-plugin -Ddetail} is the
 * reference a user reaches for first: every goal the plugin descriptor lists (whoever added it)
 * must show every parameter with a description and its default. The plugin's own
 * {@code mvn jpa-migrate:help} lists the same goals.
 */
@EndToEnd
class HelpDescribeIT {

    /** Defaults a user relies on, wherever a goal has the parameter. */
    private static final Map<String, String> EXPECTED_DEFAULTS = Map.ofEntries(
            Map.entry("skip", "false"),
            Map.entry("descriptor", "${project.build.outputDirectory}/META-INF/jpa-migrate/model.json"),
            Map.entry("snapshot", "${project.basedir}/src/main/jpa-migrate/model.json"),
            Map.entry("migrationDirectory", "${project.basedir}/src/main/resources/db/migration"),
            Map.entry("undoDirectory", "${project.basedir}/src/main/jpa-migrate/undo"),
            Map.entry("versionScheme", "sequential"),
            Map.entry("message", "${message}"),
            Map.entry("empty", "false"),
            Map.entry("outOfOrder", "false"),
            Map.entry("force", "false"),
            Map.entry("generate", "false"));

    /** A goal's parameter as the plugin descriptor declares it. */
    private record Declared(String description, String defaultValue) {
    }

    /** A parameter as help:describe prints it. */
    private record Shown(String defaultValue, String description) {
    }

    @Test
    void everyParameterOfEveryGoalIsDescribedWithItsDefault(ProjectTemplates templates) throws Exception {
        Map<String, Map<String, Declared>> declared = descriptor();
        assertThat(declared).containsKeys("generate", "check", "diff", "verify", "init", "check-db", "status");

        BuildResult help = templates.copy("init-sqlite")
                .maven(System.getProperty("jpamigrate.it.helpPlugin") + ":describe")
                .property("plugin", "io.github.jpamigrate:jpa-migrate-maven-plugin")
                .property("detail", "true")
                .run().assertSuccess();
        Map<String, Map<String, Shown>> shown = parse(help.log());

        assertThat(help.log()).contains("This plugin has " + declared.size() + " goals:");
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(declared.keySet());
        for (var goal : declared.entrySet()) {
            Map<String, Shown> parameters = shown.get(goal.getKey());
            assertThat(parameters.keySet()).as("parameters of %s", goal.getKey())
                    .containsExactlyInAnyOrderElementsOf(goal.getValue().keySet());
            for (var parameter : goal.getValue().entrySet()) {
                String where = goal.getKey() + "/" + parameter.getKey();
                Shown printed = parameters.get(parameter.getKey());
                assertThat(printed.description()).as("description of %s", where).isNotBlank().hasSizeGreaterThan(20);
                assertThat(printed.defaultValue()).as("default of %s", where).isEqualTo(parameter.getValue().defaultValue());
                if (EXPECTED_DEFAULTS.containsKey(parameter.getKey())) {
                    assertThat(printed.defaultValue()).as("default of %s", where)
                            .isEqualTo(EXPECTED_DEFAULTS.get(parameter.getKey()));
                }
            }
        }
        // The help plugin reads descriptions as HTML: a <placeholder> in the Javadoc vanishes, and
        // {@code ${...}/...} loses its braces. What is left of such mistakes looks like this.
        shown.forEach((goal, parameters) -> parameters.forEach((name, printed) -> assertThat(printed.description())
                .as("description of %s/%s", goal, name).doesNotContainPattern("=[,;)]|=\\.(\\s|$)|\\(\\s*\\)|\\$\\{[^}]*/")));
        // dialect has no declared default (it and dialects exclude each other); the text gives it.
        assertThat(shown.get("generate").get("dialect").description()).contains("Default: sqlite");
        // flywayTable has no declared default either, so that "not set" lets Spring Boot's spring.flyway.table count
        assertThat(shown.get("verify").get("flywayTable").description()).contains("spring.flyway.table")
                .contains("flyway_schema_history");
        assertThat(shown.get("generate").get("undoDirectory").description()).contains("U6__add_phone.sql undoes");
        assertThat(shown.get("generate").get("backfills").description()).contains("table.column=value");
        assertThat(shown.get("check").get("descriptor").description())
                .contains("${project.build.outputDirectory}/META-INF/jpa-migrate/model.json");
    }

    @Test
    void theHelpGoalListsEveryGoalAndDetailsOne(ProjectTemplates templates) throws Exception {
        Map<String, Map<String, Declared>> declared = descriptor();
        assertThat(declared).containsKey("help");

        TestProject project = templates.copy("init-sqlite");
        BuildResult help = project.maven("jpa-migrate:help").run().assertSuccess();
        assertThat(help.log()).contains("This plugin has " + declared.size() + " goals:");
        for (String goal : declared.keySet()) {
            assertThat(help.log()).as("goal %s listed", goal).containsPattern("(?m)^jpa-migrate:" + goal + "$");
        }

        BuildResult generate = project.maven("jpa-migrate:help")
                .property("goal", "generate").property("detail", "true").run().assertSuccess();
        assertThat(generate.log()).containsPattern("(?m)^jpa-migrate:generate$")
                .doesNotContainPattern("(?m)^jpa-migrate:check$")
                .contains("Available parameters:").contains("message");
    }

    /** Goal -> editable parameter -> description and default, from the staged plugin jar's {@code plugin.xml}. */
    private static Map<String, Map<String, Declared>> descriptor() throws Exception {
        Path jar = Path.of(System.getProperty("jpamigrate.it.reactorPlugin"));
        Document document;
        try (ZipFile zip = new ZipFile(jar.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("META-INF/maven/plugin.xml"))) {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Map<String, Map<String, Declared>> goals = new TreeMap<>();
        for (Element mojo : children(document.getDocumentElement(), "mojos", "mojo")) {
            Map<String, String> defaults = new LinkedHashMap<>();
            for (Element value : children(mojo, "configuration", null)) {
                defaults.put(value.getTagName(), value.hasAttribute("default-value") ? value.getAttribute("default-value") : null);
            }
            Map<String, Declared> parameters = new TreeMap<>();
            for (Element parameter : children(mojo, "parameters", "parameter")) {
                if ("true".equals(text(parameter, "editable"))) {
                    String name = text(parameter, "name");
                    parameters.put(name, new Declared(text(parameter, "description"), defaults.get(name)));
                }
            }
            goals.put(text(mojo, "goal"), parameters);
        }
        return goals;
    }

    private static List<Element> children(Element parent, String list, String item) {
        List<Element> out = new ArrayList<>();
        for (Node container = parent.getFirstChild(); container != null; container = container.getNextSibling()) {
            if (container instanceof Element c && c.getTagName().equals(list)) {
                for (Node node = c.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element e && (item == null || e.getTagName().equals(item))) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static final Pattern GOAL = Pattern.compile("^jpa-migrate:(\\S+)$");
    private static final Pattern HEADER = Pattern.compile("^(\\w+)(?: \\(Default: (.*)\\))?$");

    /**
     * Goal -> parameter -> what the help plugin printed. A parameter is a block after "Available
     * parameters:": its name (and default) indented by 4, wrapped onto further 4-indented lines when
     * long, then its details indented by 6, up to a blank line.
     */
    static Map<String, Map<String, Shown>> parse(String log) {
        Map<String, Map<String, Shown>> goals = new TreeMap<>();
        Map<String, Shown> current = null;
        boolean inParameters = false;
        StringBuilder header = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : (log + "\n\n").lines().toList()) {
            Matcher goal = GOAL.matcher(line);
            if (goal.matches()) {
                current = new TreeMap<>();
                goals.put(goal.group(1), current);
                inParameters = false;
            } else if (current != null && line.equals("  Available parameters:")) {
                inParameters = true;
            } else if (inParameters && line.isBlank()) {
                if (header.length() > 0) {
                    Matcher name = HEADER.matcher(header.toString().strip());
                    assertThat(name.matches()).as("parameter header `%s`", header).isTrue();
                    current.put(name.group(1), new Shown(name.group(2), body.toString().strip()));
                }
                header.setLength(0);
                body.setLength(0);
            } else if (inParameters && line.startsWith("      ")) {
                String detail = line.strip();
                if (!detail.startsWith("Required:") && !detail.startsWith("User property:")) {
                    body.append(detail).append(' ');
                }
            } else if (inParameters && line.startsWith("    ")) {
                header.append(line.strip()).append(' ');
            } else if (inParameters && !line.startsWith(" ")) {
                inParameters = false;
                current = null;
            }
        }
        return goals;
    }
}
