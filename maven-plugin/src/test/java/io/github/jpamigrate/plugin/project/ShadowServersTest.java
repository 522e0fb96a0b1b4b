package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** {@code shadowUrl} and {@code shadowUrls} as users write them, checked against the targets. */
class ShadowServersTest {

    private static final String POSTGRES = "jdbc:postgresql://localhost:5432/postgres?user=postgres";
    private static final String MARIADB = "jdbc:mariadb://localhost:3306/test?user=root";

    private static MigrationTargets targets(String dialects) {
        return MigrationTargets.parse(null, List.of(dialects));
    }

    private static ShadowServers parse(String dialects, Map<String, String> urls) {
        return ShadowServers.parse(targets(dialects), null, urls, "ci", "s3cret");
    }

    @Test
    void eachServerVendorGetsTheServerOfItsFolder() {
        MigrationTargets targets = targets("postgresql,mariadb,h2");
        ShadowServers shadows = parse("postgresql,mariadb,h2", Map.of("postgresql", POSTGRES, "mysql", MARIADB));

        assertThat(shadows.forDialect(Dialect.POSTGRESQL, targets)).contains(new ShadowDatabase(POSTGRES, "ci", "s3cret"));
        assertThat(shadows.forDialect(Dialect.MARIADB, targets)).contains(new ShadowDatabase(MARIADB, "ci", "s3cret"));
        assertThat(shadows.forDialect(Dialect.H2, targets)).isEmpty();
        List<Target> resolved = targets.resolve(ProjectLayout.standard(Path.of("p")),
                FlywaySettings.folder(Path.of("p/db/migration/{vendor}")), shadows);
        assertThat(resolved).extracting(t -> t.shadow() == null ? null : t.shadow().url(), Target::label)
                .containsExactly(tuple(POSTGRES, " (postgresql)"), tuple(MARIADB, " (mariadb)"), tuple(null, " (h2)"));
        assertThat(resolved.get(1).flyway().locations().get(0)).endsWith("p/db/migration/mysql");
        assertThat(resolved.get(1).layout().migrationDirectory().toString()).endsWith("db/migration/mysql");
    }

    @Test
    void withoutShadowUrlsTheOneShadowUrlStands() {
        ShadowDatabase one = new ShadowDatabase(POSTGRES, null, null);
        assertThat(ShadowServers.parse(targets("postgresql"), one, null, null, null)).isEqualTo(ShadowServers.of(one));
        assertThat(ShadowServers.parse(targets("postgresql"), one, Map.of(), null, null)).isEqualTo(ShadowServers.of(one));
    }

    @Test
    void anElementNamedAfterNoListedVendorFolderNamesTheClosest() {
        assertThatThrownBy(() -> parse("postgresql,mariadb", Map.of("postgres", POSTGRES, "mysql", MARIADB)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("<shadowUrls> has an element <postgres>, but the server targets' vendor folders"
                        + " are postgresql, mysql; the closest is 'postgresql'.");
        assertThatThrownBy(() -> parse("postgresql,mariadb", Map.of("postgresql", POSTGRES, "mariadb", MARIADB)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("<shadowUrls> has an element <mariadb>").hasMessageContaining("the closest is 'mysql'")
                .hasMessageContaining("MariaDB and MySQL share mysql");
        assertThatThrownBy(() -> parse("postgresql,h2", Map.of("postgresql", POSTGRES, "h2", "jdbc:h2:mem:x")))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("has an element <h2>");
    }

    @Test
    void aListedServerVendorWithoutItsElementIsNamed() {
        assertThatThrownBy(() -> parse("postgresql,mariadb", Map.of("postgresql", POSTGRES)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("<shadowUrls> has no server for mariadb, which the targets list. Add"
                        + " <mysql>jdbc:...</mysql> to <shadowUrls>");
    }

    @Test
    void aUrlOfAnotherVendorThanItsElementIsRefusedWithoutItsPassword() {
        Map<String, String> swapped = new LinkedHashMap<>();
        swapped.put("postgresql", "jdbc:mariadb://localhost:3306/test?user=root&password=hunter2");
        swapped.put("mysql", MARIADB);
        assertThatThrownBy(() -> parse("postgresql,mariadb", swapped))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("<shadowUrls><postgresql> is jdbc:mariadb://localhost:3306/test?user=root&password=***,"
                        + " a mariadb server. Point it at a postgresql server, or move it under <mysql>.")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shadowUrlAndShadowUrlsTogetherAreRefused() {
        assertThatThrownBy(() -> ShadowServers.parse(targets("postgresql,mariadb"), new ShadowDatabase(POSTGRES, null, null),
                Map.of("mysql", MARIADB), null, null))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("both jpamigrate.shadowUrl and <shadowUrls> are set");
        assertThatThrownBy(() -> parse("postgresql", Map.of("postgresql", " ")))
                .isInstanceOf(WorkflowFailure.class).hasMessageStartingWith("<shadowUrls><postgresql> is empty");
    }
}
