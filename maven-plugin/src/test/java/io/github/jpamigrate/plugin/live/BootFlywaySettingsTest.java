package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.project.FlywayParameters;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.SpringBootFlyway;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-db} on the database of a Spring Boot application whose Flyway keeps its history in
 * another table and replaces a placeholder, both stated only in {@code application.yml} (issue 19
 * item 11): read from there, the history is found and the checksums match.
 */
class BootFlywaySettingsTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationsHistoryTableAndPlaceholdersComeFromItsApplicationYml() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("db"))) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.SQLITE, db);
            live.generate(shop(), "initial schema");
            live.writeMigration("V2__owner.sql", "-- data owner: ${owner}\nselect 1;\n");
            Path resources = live.project.layout.projectDirectory().resolve("src/main/resources");
            Files.writeString(resources.resolve("application.yml"), """
                    spring:
                      flyway:
                        table: shop_history
                        placeholders:
                          owner: shop
                    """);
            // the application starts: its Flyway applies the folder with its own settings
            MigrationReplay.migrate(db, new FlywaySettings(live.flyway().locations(), "shop_history", Map.of("owner", "shop")));

            FlywayParameters.Resolved resolved = new FlywayParameters(null, null, null)
                    .resolve(live.project.layout, MigrationTargets.single(Dialect.SQLITE), SpringBootFlyway.read(resources));
            LiveRequest request = new LiveRequest(live.project.layout, LiveDatabase.of(db.url(), null, null),
                    resolved.settings());
            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(request, Kind.parse(List.of("all")));

            assertThat(findings).isEmpty();
            assertThat(live.project.info).anyMatch(l -> l.contains("Flyway history table shop_history: current version 2;"
                    + " 2 applied, 0 pending"));
            assertThat(resolved.notes()).containsExactly("Flyway settings taken from the Spring Boot configuration"
                    + " src/main/resources/application.yml: spring.flyway.table=shop_history,"
                    + " spring.flyway.placeholders.owner=shop (the plugin's own parameter, when set, is used instead)");
        }
    }
}
