package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code check-db} and {@code status} in the vendor layout ({@code dialects=...}): the live database's
 * vendor, from its URL, picks the folder read; a vendor not in the list is refused by name.
 */
class LiveVendorsTest {

    @TempDir
    Path dir;

    /** Generates the shop and its phone change for {@code dialects}; returns the project. */
    private ProjectFixture project(String dialects) throws Exception {
        MigrationTargets targets = MigrationTargets.parse(null, List.of(dialects));
        ProjectFixture project = new ProjectFixture(dir.resolve("project"));
        for (var step : List.of(List.of(shop(), "initial schema"), List.of(withPhone(shop()), "add phone"))) {
            project.compile((io.github.jpamigrate.core.model.SchemaModel) step.get(0));
            ChangeOptions options = ChangeOptions.defaults();
            project.run(new GenerateRequest(project.layout, options, (String) step.get(1), false, VersionScheme.SEQUENTIAL,
                    ShadowServers.NONE, targets));
        }
        return project;
    }

    /** The request {@code LiveGoalMojo} builds: the default {@code {vendor}} locations and the targets. */
    private static LiveRequest request(ProjectFixture project, String dialects, ScratchDatabase db) {
        MigrationTargets targets = MigrationTargets.parse(null, List.of(dialects));
        return new LiveRequest(project.layout, db == null ? null : LiveDatabase.of(db.url(), db.user(), db.password()),
                MigrationTargets.defaultFlyway(project.layout, targets), targets);
    }

    /** Flyway's migrate of one vendor's folder, as the application does with {@code db/migration/{vendor}}. */
    private static void migrate(ProjectFixture project, String vendor, ScratchDatabase db, String target) {
        MigrationReplay.migrate(db, FlywaySettings.folder(project.layout.migrationDirectory().resolve(vendor)), target);
    }

    @Test
    void checkDbAndStatusReadTheFolderOfTheUrlsVendor() throws Exception {
        ProjectFixture project = project("h2,sqlite");
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("db"))) {
            migrate(project, "sqlite", db, "1");

            List<LiveFinding> findings = new CheckDbWorkflow(project.log).run(request(project, "h2,sqlite", db), Kind.defaults());
            assertThat(findings).extracting(LiveFinding::kind, LiveFinding::subject)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PENDING, "V2__add_phone.sql"));

            List<String> lines = new StatusWorkflow(project.log).run(request(project, "h2,sqlite", db));
            assertThat(lines.get(0)).startsWith("Migrations of src/main/resources/db/migration/sqlite in jdbc:sqlite:");
            assertThat(lines).contains("Current version: 1");
            assertThat(lines).anyMatch(l -> l.matches("  2 +add phone +V2__add_phone\\.sql +pending"));
        }
    }

    @Test
    void withoutADatabaseStatusListsEachVendorsFolder() throws Exception {
        ProjectFixture project = project("h2,sqlite");

        List<String> lines = new StatusWorkflow(project.log).run(request(project, "h2,sqlite", null));

        assertThat(lines).filteredOn(l -> l.startsWith("Migrations of")).containsExactly(
                "Migrations of src/main/resources/db/migration/h2 (no database given: -Djpamigrate.url=jdbc:... adds what"
                        + " is applied):",
                "Migrations of src/main/resources/db/migration/sqlite (no database given: -Djpamigrate.url=jdbc:... adds"
                        + " what is applied):");
        assertThat(lines).filteredOn(l -> l.contains("V2__add_phone.sql")).hasSize(2);
    }

    @Test
    void aMariaDbUrlReadsTheMysqlFolderWhetherTheListSaysMariadbOrMysql() throws Exception {
        try (ScratchDatabase db = TestServers.scratch(Dialect.MARIADB)) {
            ProjectFixture project = project("sqlite,mysql");
            migrate(project, "mysql", db, null);

            for (String dialects : List.of("sqlite,mysql", "sqlite,mariadb")) {
                assertThat(new CheckDbWorkflow(project.log).run(request(project, dialects, db), Kind.parse(List.of("all"))))
                        .as(dialects).isEmpty();
            }
        }
    }

    @Test
    void aUrlOfAVendorNotInTheListIsRefusedWithTheFoldersThereAre() throws Exception {
        ProjectFixture project = project("h2,postgresql");
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("db"))) {
            LiveRequest request = request(project, "h2,postgresql", db);

            String expected = "jpamigrate.url " + LiveDatabase.of(db.url(), null, null).shownUrl() + " is a sqlite database,"
                    + " but jpamigrate.dialects lists h2,postgresql, so there is no db/migration/sqlite/ folder of"
                    + " migrations for it (the folders are h2/, postgresql/). Point -Djpamigrate.url at a database of a"
                    + " listed vendor, or add sqlite to dialects and run mvn jpa-migrate:generate to write its folder.";
            assertThatThrownBy(() -> new CheckDbWorkflow(project.log).run(request, Kind.defaults())).hasMessage(expected);
            assertThatThrownBy(() -> new StatusWorkflow(project.log).run(request)).hasMessage(expected);
        }
    }
}
