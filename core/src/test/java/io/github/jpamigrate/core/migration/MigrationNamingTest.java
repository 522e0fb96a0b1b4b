package io.github.jpamigrate.core.migration;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationNamingTest {

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertThat(MigrationVersion.parse("10")).isGreaterThan(MigrationVersion.parse("9"));
        assertThat(MigrationVersion.parse("1.10")).isGreaterThan(MigrationVersion.parse("1.9"));
        assertThat(MigrationVersion.parse("1_2")).isEqualTo(MigrationVersion.parse("1.2"));
        assertThat(MigrationVersion.parse("1").sameAs(MigrationVersion.parse("1.0"))).isTrue();
        assertThatThrownBy(() -> MigrationVersion.parse("1.a")).hasMessageContaining("'1.a' is not a Flyway version");
    }

    @Test
    void fileNamesRoundTrip() {
        MigrationFile v = MigrationFile.parse("V1_2__add_phone.sql").orElseThrow();
        assertThat(v.kind()).isEqualTo(MigrationFile.Kind.VERSIONED);
        assertThat(v.version()).hasToString("1.2");
        assertThat(v.readableDescription()).isEqualTo("add phone");
        assertThat(v.fileName()).isEqualTo("V1_2__add_phone.sql");
        assertThat(v.undo().fileName()).isEqualTo("U1_2__add_phone.sql");
        assertThat(MigrationFile.parse("R__views.sql")).get().extracting(MigrationFile::kind)
                .isEqualTo(MigrationFile.Kind.REPEATABLE);
        assertThat(MigrationFile.parse("README.md")).isEmpty();
        assertThat(MigrationFile.parse("V__no_version.sql")).isEmpty();
        assertThat(MigrationFile.parse("V1_add.sql")).isEmpty();
    }

    @Test
    void baselineMigrationsAndJavaClassNamesFollowTheSameConvention() {
        MigrationFile b = MigrationFile.parse("B1_20_0__1.0.0_baseline__POSTGRESQL.sql").orElseThrow();
        assertThat(b.kind()).isEqualTo(MigrationFile.Kind.BASELINE);
        assertThat(b.version()).hasToString("1.20.0");
        assertThat(b.description()).isEqualTo("1.0.0_baseline__POSTGRESQL");
        assertThat(b.fileName()).isEqualTo("B1_20_0__1.0.0_baseline__POSTGRESQL.sql");
        assertThat(b.kind().claimsVersion()).isTrue();
        assertThat(MigrationFile.Kind.REPEATABLE.claimsVersion()).isFalse();
        assertThat(MigrationFile.parse("B__no_version.sql")).isEmpty();

        MigrationFile java = MigrationFile.parseClassName("V3__Fill_codes").orElseThrow();
        assertThat(java.kind()).isEqualTo(MigrationFile.Kind.VERSIONED);
        assertThat(java.version()).hasToString("3");
        assertThat(java.readableDescription()).isEqualTo("Fill codes");
        assertThat(MigrationFile.parseClassName("V1_2__X").orElseThrow().version()).hasToString("1.2");
        assertThat(MigrationFile.parseClassName("R__Refresh").orElseThrow().kind()).isEqualTo(MigrationFile.Kind.REPEATABLE);
        assertThat(MigrationFile.parseClassName("MigrationHelper")).isEmpty();
        assertThat(MigrationFile.parseClassName("U3__Undo")).isEmpty();
    }

    @Test
    void onAnEmptyDatabaseTheNewestBaselineRunsAndTheVersionedOnesAtOrBelowItAreSkipped() {
        // The same folder as BaselineReplayTest runs through Flyway itself.
        List<MigrationFile> folder = List.of("V1__a.sql", "V2__b.sql", "B2__base.sql", "V3__c.sql", "R__views.sql")
                .stream().map(n -> MigrationFile.parse(n).orElseThrow()).toList();
        assertThat(MigrationFile.appliedOnEmpty(folder)).extracting(MigrationFile::fileName)
                .containsExactly("B2__base.sql", "V3__c.sql");
        List<MigrationFile> noBaseline = folder.stream().filter(f -> f.kind() != MigrationFile.Kind.BASELINE).toList();
        assertThat(MigrationFile.appliedOnEmpty(noBaseline)).extracting(MigrationFile::fileName)
                .containsExactly("V1__a.sql", "V2__b.sql", "V3__c.sql");
    }

    @Test
    void nextVersionFollowsTheScheme() {
        List<MigrationVersion> existing = List.of(MigrationVersion.of(5), MigrationVersion.parse("6.3"));
        Instant now = Instant.parse("2026-11-21T09:30:00Z");
        assertThat(VersionScheme.SEQUENTIAL.next(existing, now)).hasToString("7");
        assertThat(VersionScheme.SEQUENTIAL.next(List.of(), now)).hasToString("1");
        assertThat(VersionScheme.TIMESTAMP.next(existing, now)).hasToString("20261121093000");
        assertThat(VersionScheme.TIMESTAMP.next(List.of(MigrationVersion.parse("20261121093000")), now))
                .hasToString("20261121093001");
        assertThat(VersionScheme.parse("Timestamp")).isEqualTo(VersionScheme.TIMESTAMP);
        assertThatThrownBy(() -> VersionScheme.parse("date")).hasMessageContaining("sequential, timestamp");
    }

    @Test
    void slugsAreAsciiSnakeCase() {
        assertThat(Slug.of("Add phone number!", "x")).isEqualTo("add_phone_number");
        assertThat(Slug.of("Änderung: Größe", "x")).isEqualTo("anderung_grosse");
        assertThat(Slug.of("add column customer.phone varchar(32)", "x")).isEqualTo("add_column_customer_phone_varchar");
        assertThat(Slug.of("***", "changes")).isEqualTo("changes");
        assertThat(Slug.of("a".repeat(35) + " " + "b".repeat(40), "x")).isEqualTo("a".repeat(35));
    }
}
