package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a goal does with its parameters before its work: {@code -D} properties that lose to the POM
 * (issue 19 item 1), and its own version in the messages that quote it (item 5). The goals are
 * set up as Maven would, from a plugin descriptor listing their parameters.
 */
class GoalParametersTest {

    @TempDir
    Path dir;

    private static PluginDescriptor plugin(Class<?> goal, String... properties) throws Exception {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("io.github.jpamigrate");
        plugin.setArtifactId("jpa-migrate-maven-plugin");
        plugin.setVersion("9.8.7");
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal("goal");
        mojo.setImplementation(goal.getName());
        for (String property : properties) {
            Parameter parameter = new Parameter();
            parameter.setName(property.substring("jpamigrate.".length()));
            parameter.setExpression("${" + property + "}");
            mojo.addParameter(parameter);
        }
        plugin.addMojo(mojo);
        return plugin;
    }

    private GenerateMojo generate(String dialect, String... userProperties) throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        mojo.plugin = plugin(GenerateMojo.class, "jpamigrate.dialect", "jpamigrate.online", "jpamigrate.shadowPassword",
                "jpamigrate.undoDirectory");
        mojo.dialect = dialect;
        mojo.online = true;
        mojo.shadowPassword = "pom-s3cret";
        mojo.undoDirectory = dir.resolve("src/main/jpa-migrate/undo").toFile();
        mojo.baseDirectory = dir.toFile();
        mojo.userProperties = new Properties();
        for (int i = 0; i < userProperties.length; i += 2) {
            mojo.userProperties.setProperty(userProperties[i], userProperties[i + 1]);
        }
        return mojo;
    }

    private static List<String> check(GenerateMojo mojo) {
        Map<String, String> given = new java.util.TreeMap<>();
        mojo.userProperties.stringPropertyNames().forEach(n -> given.put(n, mojo.userProperties.getProperty(n)));
        return PropertyOverrides.check(given, mojo.settings(), mojo.baseDirectory);
    }

    /** Spring Boot's spring.flyway settings are taken once per goal, said in one line, and lose to a parameter that is set. */
    @Test
    void theApplicationsFlywaySettingsAreTakenWhenNoParameterIsSetAndSaidOnce() throws Exception {
        Path resources = dir.resolve("src/main/resources");
        java.nio.file.Files.createDirectories(resources);
        java.nio.file.Files.writeString(resources.resolve("application.properties"),
                "spring.flyway.table=shop_history\nspring.flyway.placeholders.owner=shop\n");
        List<String> info = new java.util.ArrayList<>();
        List<String> warnings = new java.util.ArrayList<>();
        StatusMojo mojo = new StatusMojo();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        mojo.baseDirectory = dir.toFile();
        mojo.buildDirectory = dir.resolve("target").toFile();
        mojo.descriptor = dir.resolve("target/classes/META-INF/jpa-migrate/model.json").toFile();
        mojo.snapshot = dir.resolve("src/main/jpa-migrate/model.json").toFile();
        mojo.migrationDirectory = resources.resolve("db/migration").toFile();
        mojo.undoDirectory = dir.resolve("src/main/jpa-migrate/undo").toFile();

        assertThat(mojo.flywaySettings().table()).isEqualTo("shop_history");
        assertThat(mojo.flywaySettings().placeholders()).isEqualTo(Map.of("owner", "shop"));
        assertThat(info).containsExactly("Flyway settings taken from the Spring Boot configuration"
                + " src/main/resources/application.properties: spring.flyway.table=shop_history,"
                + " spring.flyway.placeholders.owner=shop (the plugin's own parameter, when set, is used instead)");
        assertThat(warnings).isEmpty();

        StatusMojo configured = new StatusMojo();
        configured.setLog(mojo.getLog());
        configured.baseDirectory = mojo.baseDirectory;
        configured.buildDirectory = mojo.buildDirectory;
        configured.descriptor = mojo.descriptor;
        configured.snapshot = mojo.snapshot;
        configured.migrationDirectory = mojo.migrationDirectory;
        configured.undoDirectory = mojo.undoDirectory;
        configured.flywayTable = "flyway_schema_history";
        assertThat(configured.flywaySettings().table()).isEqualTo("flyway_schema_history");
        assertThat(warnings).singleElement().asString().startsWith("<flywayTable> flyway_schema_history is used; the"
                + " application's spring.flyway.table in src/main/resources/application.properties says shop_history.");
    }

    @Test
    void aPropertyThatLosesToThePomIsNamedWithBothValuesAndTheWayToLetItWin() throws Exception {
        List<String> warnings = check(generate("sqlite", "jpamigrate.dialect", "postgresql"));

        assertThat(warnings).singleElement().asString()
                .contains("-Djpamigrate.dialect=postgresql is ignored")
                .contains("<dialect>sqlite</dialect>")
                .contains("this goal uses dialect = sqlite")
                .contains("remove <dialect> from the plugin's configuration")
                .contains("<dialect>${jpamigrate.dialect}</dialect>");
    }

    @Test
    void aPropertyEqualToTheValueUsedSaysNothing() throws Exception {
        assertThat(check(generate("postgresql", "jpamigrate.dialect", "postgresql", "jpamigrate.online", "true",
                "jpamigrate.undoDirectory", "src/main/jpa-migrate/undo"))).isEmpty();
        assertThat(check(generate("sqlite"))).isEmpty();
    }

    @Test
    void aWrongPropertyValueIsAnErrorEvenWhenThePomWins() throws Exception {
        assertThatThrownBy(() -> check(generate("sqlite", "jpamigrate.dialect", "sqllite")))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("-Djpamigrate.dialect=sqllite")
                .hasMessageContaining("unknown dialect 'sqllite'")
                .hasMessageContaining("sqlite, postgresql");
    }

    @Test
    void aPasswordThatLosesIsNotShown() throws Exception {
        assertThat(check(generate(null, "jpamigrate.shadowPassword", "cli-s3cret"))).singleElement().asString()
                .doesNotContain("cli-s3cret").doesNotContain("pom-s3cret");
    }

    @Test
    void aWrongDialectInThePomIsAnErrorNamingTheParameterAndTheChoices() throws Exception {
        CheckMojo mojo = checkMojo();
        mojo.dialect = "sqllite";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("jpamigrate.dialect: unknown dialect 'sqllite'; use one of sqlite, postgresql");
    }

    @Test
    void theProcessorSnippetNamesThePluginsOwnVersion() throws Exception {
        CheckMojo mojo = checkMojo();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("the JPA Migrate annotation processor did not run")
                .hasMessageContaining("<version>" + ProjectFixture.projectVersion() + "</version>")
                .hasMessageNotContaining("${");
    }

    /** check on a project that was compiled without the processor. */
    private CheckMojo checkMojo() throws Exception {
        CheckMojo mojo = new CheckMojo();
        mojo.plugin = plugin(CheckMojo.class, "jpamigrate.dialect");
        mojo.userProperties = new Properties();
        mojo.baseDirectory = dir.toFile();
        File target = dir.resolve("target").toFile();
        mojo.buildDirectory = target;
        mojo.outputDirectory = new File(target, "classes");
        mojo.descriptor = dir.resolve("target/classes/META-INF/jpa-migrate/model.json").toFile();
        mojo.snapshot = dir.resolve("src/main/jpa-migrate/model.json").toFile();
        mojo.migrationDirectory = dir.resolve("src/main/resources/db/migration").toFile();
        mojo.undoDirectory = dir.resolve("src/main/jpa-migrate/undo").toFile();
        return mojo;
    }
}
