package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksum the snapshot records is the one Flyway computes for the file (so {@code flyway info} shows it too). */
class FlywayChecksumTest {

    @TempDir
    Path dir;

    @Test
    void theSnapshotsChecksumIsFlywaysForLfCrlfAndABom() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migration"));
        String lf = "-- V1: initial\n\ncreate table a (id integer primary key, name varchar(20));\n";
        Files.writeString(folder.resolve("V1__lf.sql"), lf, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("V2__crlf.sql"), "\uFEFF" + lf.replace("\n", "\r\n").replace("table a", "table b"),
                StandardCharsets.UTF_8);
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("db"))) {
            MigrationInfo[] infos = Flyway.configure().dataSource(db.url(), null, null)
                    .locations("filesystem:" + folder.toAbsolutePath()).load().info().all();
            assertThat(infos).hasSize(2);
            for (MigrationInfo info : infos) {
                Path file = folder.resolve(info.getScript());
                assertThat(FlywayChecksum.of(Files.readAllBytes(file))).as(info.getScript()).isEqualTo(info.getChecksum());
            }
        }
    }
}
