package io.github.jpamigrate.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot's record of the migration it belongs to: written on its own lines, read back, optional. */
class SnapshotStampTest {

    private static final SchemaModel RICH = SampleModels.rich();

    private static MigrationStamp stamp(String folder, String file, long after) {
        return new MigrationStamp(folder, MigrationFile.parse(file).orElseThrow(), FlywayChecksum.of("select 1;\n"),
                MigrationVersion.of(after));
    }

    @Test
    void theMigrationsAreReadBackAndEachFolderHasItsOwnLine() {
        List<MigrationStamp> stamps = List.of(stamp("postgresql", "V12__add_phone.sql", 11),
                stamp("h2", "V12__add_phone.sql", 11));
        String text = new String(DescriptorJson.writeSnapshot(RICH, stamps), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"format\": \"2.1\",");
        assertThat(text).contains("\n    { \"folder\": \"h2\", \"version\": \"12\", \"file\": \"V12__add_phone.sql\","
                + " \"checksum\": " + FlywayChecksum.of("select 1;\n") + ", \"after\": \"11\" },\n");
        Snapshot back = DescriptorJson.readSnapshot(text.getBytes(StandardCharsets.UTF_8), "model.json");
        assertThat(back.model()).isEqualTo(RICH);
        assertThat(back.migrations()).containsExactly(stamps.get(1), stamps.get(0));
        assertThat(back.migration("postgresql")).contains(stamps.get(0));
    }

    @Test
    void aSnapshotWithoutMigrationsIsReadAsNotKnownAndKeepsItsBytes() {
        byte[] old = DescriptorJson.writeBytes(RICH);

        Snapshot back = DescriptorJson.readSnapshot(old, "model.json");

        assertThat(back.migrations()).isEmpty();
        assertThat(DescriptorJson.writeSnapshot(RICH, List.of())).isEqualTo(old);
    }

    @Test
    void aVersionThatIsNotTheFilesIsRefusedWithItsPlace() {
        String text = new String(DescriptorJson.writeSnapshot(RICH, List.of(stamp("", "V12__add_phone.sql", 11))),
                StandardCharsets.UTF_8).replace("\"version\": \"12\"", "\"version\": \"13\"");

        assertThatThrownBy(() -> DescriptorJson.readSnapshot(text.getBytes(StandardCharsets.UTF_8), "model.json"))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("model.json").hasMessageContaining("\"version\" 13 is not the version of V12__add_phone.sql");
    }

    @Test
    void crlfAndLfGiveFlywaysOneChecksum() {
        assertThat(FlywayChecksum.of("create table a (id int);\r\n\r\ninsert into a values (1);\r\n"))
                .isEqualTo(FlywayChecksum.of("create table a (id int);\n\ninsert into a values (1);\n"))
                .isEqualTo(FlywayChecksum.of("\uFEFFcreate table a (id int);\n\ninsert into a values (1);\n"));
    }

    /** An online follow-up's stamp: the snapshot belongs to it, and it records the migration it completes. */
    private static MigrationStamp followUp() {
        return new MigrationStamp("", MigrationFile.parse("V13__complete_v12_online.sql").orElseThrow(),
                FlywayChecksum.of("create index concurrently ix on a (b);\n"), MigrationVersion.of(11),
                new MigrationStamp.Completed(MigrationFile.parse("V12__add_phone.sql").orElseThrow(),
                        FlywayChecksum.of("select 1;\n")));
    }

    @Test
    void aFollowUpRecordsTheMigrationItCompletesInTheNextMinorFormat() {
        String text = new String(DescriptorJson.writeSnapshot(RICH, List.of(followUp())), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"format\": \"2.2\",");
        assertThat(text).contains("\"file\": \"V13__complete_v12_online.sql\"")
                .contains("\"after\": \"11\", \"completes\": \"V12__add_phone.sql\", \"completesChecksum\": "
                        + FlywayChecksum.of("select 1;\n") + " }");
        Snapshot back = DescriptorJson.readSnapshot(text.getBytes(StandardCharsets.UTF_8), "model.json");
        assertThat(back.migrations()).containsExactly(followUp());
        assertThat(FormatVersion.of(RICH, true, false)).hasToString("2.1");
        assertThat(FormatVersion.parse("2.2").newerMinor()).isFalse();
        assertThat(FormatVersion.parse("3.5").newerMinor()).isTrue();
        assertThat(FormatVersion.parse("3.4").newerMinor()).isFalse();
    }

    @Test
    void pendingContractStepsAreRecordedInTheNextMinorFormatAndReadBack() {
        List<Expansion> expanded = List.of(Expansion.of("customer", "contact_email", "email"));
        String text = new String(DescriptorJson.writeSnapshot(RICH, List.of(followUp()), List.of("postgresql"), expanded), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"format\": \"2.4\",").contains("\"expanded\": [\n    { \"table\": \"customer\","
                + " \"column\": \"contact_email\", \"keeps\": \"email\", \"sync\": \"jm_sync_customer_contact_email\" }\n  ]");
        Snapshot back = DescriptorJson.readSnapshot(text.getBytes(StandardCharsets.UTF_8), "model.json");
        assertThat(back.expanded()).isEqualTo(expanded);
        assertThat(back.migrations()).containsExactly(followUp());
        assertThat(back.dialects()).containsExactly("postgresql");
        // without pending steps the bytes stay those of 2.3
        assertThat(DescriptorJson.writeSnapshot(RICH, List.of(followUp()), List.of("postgresql"), List.of()))
                .isEqualTo(DescriptorJson.writeSnapshot(RICH, List.of(followUp()), List.of("postgresql")));
        String incomplete = text.replace(", \"sync\": \"jm_sync_customer_contact_email\"", "");
        assertThatThrownBy(() -> DescriptorJson.readSnapshot(incomplete.getBytes(StandardCharsets.UTF_8), "model.json"))
                .isInstanceOf(DescriptorException.class).hasMessageContaining("sync");
    }

    @Test
    void aSyncNameStaysWithinPostgresqlsLimitAndIsTheSameEveryRun() {
        assertThat(Expansion.syncName("Customer", "Contact_Email")).isEqualTo("jm_sync_customer_contact_email");
        String long1 = Expansion.syncName("a_table_with_a_rather_long_name_indeed", "and_a_column_with_a_long_name");
        assertThat(long1).hasSize(63).startsWith("jm_sync_a_table_with").isEqualTo(
                Expansion.syncName("a_table_with_a_rather_long_name_indeed", "and_a_column_with_a_long_name"));
        assertThat(long1).isNotEqualTo(Expansion.syncName("a_table_with_a_rather_long_name_indeed", "and_a_column_with_a_long_nam2"));
    }

    @Test
    void theDialectsTheMigrationsAreWrittenForAreRecordedInTheNextMinorFormat() {
        String text = new String(DescriptorJson.writeSnapshot(RICH, List.of(followUp()), List.of("sqlite", "postgresql")),
                StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"format\": \"2.3\",");
        assertThat(text).contains("\"dialects\": [\"postgresql\", \"sqlite\"]");
        Snapshot back = DescriptorJson.readSnapshot(text.getBytes(StandardCharsets.UTF_8), "model.json");
        assertThat(back.dialects()).containsExactly("postgresql", "sqlite");
        assertThat(back.migrations()).containsExactly(followUp());
        assertThat(FormatVersion.parse("2.3").newerMinor()).isFalse();
    }

    @Test
    void aSnapshotWithoutDialectsReadsAsNotKnown() {
        String text = new String(DescriptorJson.writeSnapshot(RICH, List.of(followUp())), StandardCharsets.UTF_8);

        Snapshot back = DescriptorJson.readSnapshot(text.getBytes(StandardCharsets.UTF_8), "model.json");
        assertThat(back.dialectsKnown()).isFalse();
        assertThat(text).doesNotContain("dialects");
    }

    @Test
    void aFollowUpsCompletedMigrationComesWithItsChecksumAndBeforeIt() {
        String text = new String(DescriptorJson.writeSnapshot(RICH, List.of(followUp())), StandardCharsets.UTF_8);
        String noChecksum = text.replaceAll(", \"completesChecksum\": -?[0-9]+", "");

        assertThatThrownBy(() -> DescriptorJson.readSnapshot(noChecksum.getBytes(StandardCharsets.UTF_8), "model.json"))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("\"completes\" and \"completesChecksum\" come together");
        String later = text.replace("\"completes\": \"V12__add_phone.sql\"", "\"completes\": \"V14__add_phone.sql\"");
        assertThatThrownBy(() -> DescriptorJson.readSnapshot(later.getBytes(StandardCharsets.UTF_8), "model.json"))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("V13__complete_v12_online.sql cannot complete V14__add_phone.sql, which does not sort before it");
    }
}
