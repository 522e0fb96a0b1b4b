package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Spring Boot application's {@code spring.flyway} settings taken when the plugin's own Flyway
 * parameters are not set (issue 19 item 11): the forms Boot binds, the files it reads without a
 * profile, which one wins, and what the log says.
 */
class SpringBootFlywayTest {

    @TempDir
    Path dir;

    private ProjectLayout layout() {
        return ProjectLayout.standard(dir);
    }

    private void write(String name, String text) throws Exception {
        Path file = dir.resolve("src/main/resources").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private FlywayParameters.Resolved resolve(FlywayParameters parameters, MigrationTargets targets) {
        return parameters.resolve(layout(), targets, SpringBootFlyway.read(dir.resolve("src/main/resources")));
    }

    private static final FlywayParameters UNSET = new FlywayParameters(null, null, null);

    private String folder(String path) {
        return "filesystem:" + dir.resolve(path).toAbsolutePath();
    }

    @Test
    void propertiesInEveryFormBootBindsAreTakenAndTheProfilesAreNot() throws Exception {
        write("application.properties", """
                spring.datasource.url=jdbc:postgresql://db/shop
                spring.flyway.locations=classpath:db/migration, filesystem:src/main/sql
                spring.flyway.table=${app.history-table:flyway_schema_history}
                app.history-table=shop_history
                spring.flyway.placeholders.owner=shop
                spring.flyway.placeholders[tenant.id]=7
                #---
                spring.config.activate.on-profile=dev
                spring.flyway.table=dev_history
                spring.flyway.placeholders.owner=dev
                """);
        write("application-prod.properties", "spring.flyway.table=prod_history\n");

        FlywayParameters.Resolved resolved = resolve(UNSET, MigrationTargets.single(Dialect.POSTGRESQL));

        FlywaySettings settings = resolved.settings();
        assertThat(settings.locations()).containsExactly(folder("src/main/resources/db/migration"), "filesystem:src/main/sql");
        assertThat(settings.table()).isEqualTo("shop_history");
        assertThat(settings.placeholders()).isEqualTo(Map.of("owner", "shop", "tenant.id", "7"));
        assertThat(resolved.notes()).containsExactly("Flyway settings taken from the Spring Boot configuration"
                + " src/main/resources/application.properties: spring.flyway.locations=classpath:db/migration,filesystem:src/main/sql,"
                + " spring.flyway.table=shop_history, spring.flyway.placeholders.owner=shop,"
                + " spring.flyway.placeholders.tenant.id=7 (the plugin's own parameter, when set, is used instead)");
        assertThat(resolved.warnings()).isEmpty();
    }

    @Test
    void yamlNestedListsAndRelaxedNamesPropertiesWinAndUnsupportedSettingsAreSaid() throws Exception {
        write("application.yml", """
                spring:
                  flyway:
                    locations:
                      - classpath:db/migration/{vendor}
                      - classpath:db/seed
                    table: yml_history
                    placeholders:
                      owner: shop
                      tenant:
                        id: 7
                    sqlMigrationPrefix: M
                    default_schema: app
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod
                  flyway:
                    locations: classpath:db/prod
                """);
        write("application.properties", "spring.flyway.table=props_history\n");

        FlywayParameters.Resolved resolved = resolve(UNSET, MigrationTargets.single(Dialect.MARIADB));

        assertThat(resolved.settings().locations()).containsExactly(folder("src/main/resources/db/migration/mysql"),
                folder("src/main/resources/db/seed"));
        assertThat(resolved.settings().table()).isEqualTo("props_history");
        assertThat(resolved.settings().placeholders()).isEqualTo(Map.of("owner", "shop", "tenant.id", "7"));
        assertThat(resolved.notes().get(0)).startsWith("Flyway settings taken from the Spring Boot configuration"
                + " src/main/resources/application.yml and src/main/resources/application.properties:"
                + " spring.flyway.locations=classpath:db/migration/{vendor},classpath:db/seed, spring.flyway.table=props_history,");
        assertThat(resolved.notes()).contains("{vendor} in spring.flyway.locations is read as mysql, the folder of the"
                + " dialect mariadb (Spring Boot puts in the database's vendor; with <dialects>, each vendor's folder is read)");
        assertThat(resolved.notes()).anyMatch(l -> l.startsWith("Not taken from the Spring Boot configuration"
                + " src/main/resources/application.yml: spring.flyway.default_schema=app (not supported: JPA Migrate reads and"
                + " replays in the connection's default schema") && l.contains("spring.flyway.sqlMigrationPrefix=M (not"
                + " supported: JPA Migrate reads Flyway's default file names"));
        // generate writes to db/migration, which the application's Flyway does not read
        assertThat(resolved.warnings()).singleElement().asString().startsWith("generate writes new migrations to"
                + " src/main/resources/db/migration, which is not among spring.flyway.locations=");

        // with <dialects>, {vendor} is left for each vendor's folder
        FlywayParameters.Resolved vendors = resolve(UNSET, MigrationTargets.parse(null, List.of("postgresql,h2")));
        assertThat(vendors.settings().locations()).first().isEqualTo(folder("src/main/resources/db/migration/{vendor}"));
        assertThat(vendors.warnings()).isEmpty();
    }

    @Test
    void thePluginsParametersWinAndADifferenceIsSaid() throws Exception {
        write("application.yaml", """
                spring.flyway:
                  locations: classpath:db/migration
                  table: app_history
                  placeholders.owner: shop
                """);

        FlywayParameters.Resolved resolved = resolve(new FlywayParameters(List.of("classpath:db/migration"), "other_history",
                Map.of("owner", "ops")), MigrationTargets.single(Dialect.H2));

        // the same folder, said another way, is no difference
        assertThat(resolve(new FlywayParameters(List.of("filesystem:src/main/resources/db/migration/"), null, null),
                MigrationTargets.single(Dialect.H2)).warnings()).isEmpty();
        assertThat(resolved.settings().table()).isEqualTo("other_history");
        assertThat(resolved.settings().placeholders()).isEqualTo(Map.of("owner", "ops"));
        assertThat(resolved.notes()).isEmpty();
        assertThat(resolved.warnings()).containsExactly(
                "<flywayTable> other_history is used; the application's spring.flyway.table in"
                        + " src/main/resources/application.yaml says app_history. Remove <flywayTable> to follow the"
                        + " application, or make them agree",
                "<flywayPlaceholders> {owner=ops} is used; the application's spring.flyway.placeholders in"
                        + " src/main/resources/application.yaml say {owner=shop}. Remove <flywayPlaceholders> to follow"
                        + " the application, or make them agree: checksums depend on the values");
    }

    @Test
    void withoutBootFilesTheDefaultsStandAndAReferenceWithoutValueIsSaid() throws Exception {
        FlywayParameters.Resolved none = resolve(UNSET, MigrationTargets.single(Dialect.SQLITE));
        assertThat(none.settings()).isEqualTo(FlywaySettings.folder(layout().migrationDirectory()));
        assertThat(none.notes()).isEmpty();
        assertThat(none.warnings()).isEmpty();

        write("application.properties", "spring.flyway.table=${FLYWAY_TABLE}\n");
        FlywayParameters.Resolved unresolved = resolve(UNSET, MigrationTargets.single(Dialect.SQLITE));
        assertThat(unresolved.settings().table()).isEqualTo(FlywaySettings.DEFAULT_TABLE);
        assertThat(unresolved.warnings()).containsExactly("spring.flyway.table=${FLYWAY_TABLE} in the Spring Boot"
                + " configuration refers to a property these files do not set and gives no default (${name:default}); the"
                + " default is used. Set the plugin's flywayTable to the value the application runs with");
    }

    @Test
    void aBrokenYamlFileIsNamedWithItsLine() throws Exception {
        write("application.yml", "spring:\n  flyway:\n    table: [unclosed\n");
        assertThatThrownBy(() -> SpringBootFlyway.read(dir.resolve("src/main/resources")))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("application.yml is not valid YAML (line ")
                .hasMessageContaining("Fix the file (Spring Boot fails on it too), or set the plugin's flywayLocations,"
                        + " flywayTable and flywayPlaceholders");
    }
}
