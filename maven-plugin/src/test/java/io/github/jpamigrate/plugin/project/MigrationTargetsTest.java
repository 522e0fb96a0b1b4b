package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code dialect} and {@code dialects}: one mechanism, the plain folder or one folder per vendor. */
class MigrationTargetsTest {

    @Test
    void dialectIsOneDatabaseInThePlainFolderAndNothingMeansSqlite() {
        assertThat(MigrationTargets.parse("postgresql", null)).isEqualTo(MigrationTargets.single(Dialect.POSTGRESQL));
        assertThat(MigrationTargets.parse(null, List.of())).isEqualTo(MigrationTargets.single(Dialect.SQLITE));
        assertThat(MigrationTargets.parse(" ", List.of(" "))).isEqualTo(MigrationTargets.single(Dialect.SQLITE));
    }

    @Test
    void dialectsAreVendorFoldersEvenForOneAndAcceptCommasOrElements() {
        assertThat(MigrationTargets.parse(null, List.of("postgresql, H2")))
                .isEqualTo(new MigrationTargets(List.of(Dialect.POSTGRESQL, Dialect.H2), true));
        assertThat(MigrationTargets.parse(null, List.of("postgresql", "sqlite")).dialects())
                .containsExactly(Dialect.POSTGRESQL, Dialect.SQLITE);
        MigrationTargets one = MigrationTargets.parse(null, List.of("h2"));
        assertThat(one.vendorFolders()).isTrue();
        ProjectLayout layout = ProjectLayout.standard(Path.of("p"));
        assertThat(one.layout(layout, Dialect.H2).migrationDirectory()).isEqualTo(layout.migrationDirectory().resolve("h2"));
        assertThat(one.layout(layout, Dialect.H2).undoDirectory()).isEqualTo(layout.undoDirectory().resolve("h2"));
        assertThat(one.layout(layout, Dialect.H2).snapshot()).isEqualTo(layout.snapshot());
    }

    @Test
    void vendorFolderNamesAreSpringBootsVendorIds() {
        assertThat(List.of(Dialect.values())).extracting(MigrationTargets::vendor)
                .containsExactly("sqlite", "postgresql", "mysql", "mysql", "h2");
    }

    @Test
    void mistakesNameTheParameter() {
        assertThatThrownBy(() -> MigrationTargets.parse("h2", List.of("postgresql")))
                .isInstanceOf(WorkflowFailure.class).hasMessageStartingWith("both jpamigrate.dialect (h2) and jpamigrate.dialects");
        assertThatThrownBy(() -> MigrationTargets.parse(null, List.of("postgres,h2")))
                .isInstanceOf(WorkflowFailure.class).hasMessageStartingWith("jpamigrate.dialects: unknown dialect 'postgres'");
        assertThatThrownBy(() -> MigrationTargets.parse("oracle", null))
                .isInstanceOf(WorkflowFailure.class).hasMessageStartingWith("jpamigrate.dialect: unknown dialect 'oracle'");
        assertThatThrownBy(() -> MigrationTargets.parse(null, List.of("mariadb,mysql")))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("share the vendor folder 'mysql'");
        assertThatThrownBy(() -> MigrationTargets.parse(null, List.of("h2,h2")))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("lists h2 twice");
    }

    @Test
    void theShadowUrlServesTheServerItNames() {
        MigrationTargets both = MigrationTargets.parse(null, List.of("postgresql,mariadb,h2"));
        ShadowDatabase postgres = new ShadowDatabase("jdbc:postgresql://localhost/test", "postgres", null);
        ShadowDatabase proxied = new ShadowDatabase("jdbc:tc:postgresql:15:///test", null, null);
        assertThat(ShadowServers.of(postgres).forDialect(Dialect.POSTGRESQL, both)).contains(postgres);
        assertThat(ShadowServers.of(postgres).forDialect(Dialect.MARIADB, both)).isEmpty();
        assertThat(ShadowServers.of(postgres).forDialect(Dialect.H2, both)).isEmpty();
        assertThat(ShadowServers.of(proxied).forDialect(Dialect.POSTGRESQL, both)).as("two server vendors: an unknown URL form serves neither").isEmpty();
        MigrationTargets single = MigrationTargets.single(Dialect.POSTGRESQL);
        assertThat(ShadowServers.of(proxied).forDialect(Dialect.POSTGRESQL, single)).as("the one server vendor").contains(proxied);
        MigrationTargets embedded = MigrationTargets.parse(null, List.of("h2,sqlite"));
        ShadowServers.of(postgres).requireUsed(embedded); // ignored: no server vendor needs it
    }
}
