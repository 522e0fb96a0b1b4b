package io.github.jpamigrate.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DialectTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void idsRoundTrip(Dialect dialect) {
        assertThat(Dialect.fromId(dialect.id())).isSameAs(dialect);
        assertThat(Dialect.fromId(" " + dialect.id().toUpperCase() + " ")).isSameAs(dialect);
    }

    @Test
    void idsAreWhatUsersWrite() {
        assertThat(Dialect.values()).extracting(Dialect::id)
                .containsExactly("sqlite", "postgresql", "mariadb", "mysql", "h2");
    }

    @Test
    void unknownIdNamesTheAllowedOnes() {
        assertThatThrownBy(() -> Dialect.fromId("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown dialect 'oracle'; use one of sqlite, postgresql, mariadb, mysql, h2");
    }

    @Test
    void aJdbcUrlNamesItsDialectByPrefix() {
        assertThat(Dialect.ofJdbcUrl("jdbc:sqlite:/tmp/x.db")).contains(Dialect.SQLITE);
        assertThat(Dialect.ofJdbcUrl(" JDBC:PostgreSQL://db:5432/shop")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.ofJdbcUrl("jdbc:mariadb://db/shop")).contains(Dialect.MARIADB);
        assertThat(Dialect.ofJdbcUrl("jdbc:mysql://db/shop")).contains(Dialect.MYSQL);
        assertThat(Dialect.ofJdbcUrl("jdbc:h2:mem:x")).contains(Dialect.H2);
        assertThat(Dialect.ofJdbcUrl("jdbc:p6spy:postgresql://db/shop")).isEmpty();
        assertThat(Dialect.ofJdbcUrl(null)).isEmpty();
    }

    /** Each dialect's own package answers for it: its renderer reports the same dialect back. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theRendererAndTypeNamesComeFromTheDialectsOwnPackage(Dialect dialect) {
        assertThat(Dialect.fromId(dialect.renderer().dialect().id())).isSameAs(dialect);
        assertThat(dialect.renderer().getClass().getPackageName())
                .isEqualTo(dialect.typeNames().getClass().getPackageName())
                .startsWith("io.github.jpamigrate.core.sql.");
    }

    @Test
    void namesAndFoldersForMessagesAndLayouts() {
        assertThat(Dialect.values()).extracting(Dialect::displayName)
                .containsExactly("SQLite", "PostgreSQL", "MariaDB", "MySQL", "H2");
        assertThat(Dialect.values()).extracting(Dialect::vendorFolder)
                .containsExactly("sqlite", "postgresql", "mysql", "mysql", "h2");
        assertThat(Dialect.values()).filteredOn(Dialect::embedded).containsExactly(Dialect.SQLITE, Dialect.H2);
    }
}
