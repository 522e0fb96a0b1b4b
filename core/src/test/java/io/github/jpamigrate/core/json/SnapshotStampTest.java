package io.github.jpamigrate.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
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
}
