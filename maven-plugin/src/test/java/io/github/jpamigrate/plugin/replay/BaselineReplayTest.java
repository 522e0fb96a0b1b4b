package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.migration.MigrationFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Flyway (the version in the POMs) does with baseline migrations, asked through its API
 * rather than assumed: the rule {@link MigrationFile#appliedOnEmpty} and the goals build on.
 */
class BaselineReplayTest {

    @TempDir
    Path dir;

    private void write(String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql);
    }

    private List<String> folder() throws Exception {
        write("V1__a.sql", "create table a (id int);\n");
        write("V2__b.sql", "create table b (id int);\n");
        write("B2__base.sql", "create table a (id int);\ncreate table b (id int);\ncreate table from_baseline (id int);\n");
        write("V3__c.sql", "create table c (id int);\n");
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void onAnEmptyDatabaseFlywayAppliesTheNewestBaselineAndOnlyTheVersionedMigrationsAboveIt() throws Exception {
        List<String> names = folder();
        try (ScratchDatabase db = ScratchDatabase.h2(); QuietFlyway quiet = QuietFlyway.start()) {
            MigrateResult result = Flyway.configure().dataSource(db.url(), null, null)
                    .locations("filesystem:" + dir.toAbsolutePath()).load().migrate();

            List<String> ran = result.migrations.stream().map(m -> Path.of(m.filepath).getFileName().toString()).toList();
            assertThat(ran).containsExactly("B2__base.sql", "V3__c.sql");
            assertThat(MigrationFile.appliedOnEmpty(names.stream().map(n -> MigrationFile.parse(n).orElseThrow()).toList()))
                    .extracting(MigrationFile::fileName).containsExactlyElementsOf(ran);
            assertThat(tables(db)).contains("A", "B", "C", "FROM_BASELINE");
        }
    }

    @Test
    void onADatabaseWithHistoryFlywayIgnoresTheBaselineMigration() throws Exception {
        folder();
        Files.move(dir.resolve("B2__base.sql"), dir.resolveSibling("B2__base.sql.aside"));
        try (ScratchDatabase db = ScratchDatabase.h2(); QuietFlyway quiet = QuietFlyway.start()) {
            Flyway.configure().dataSource(db.url(), null, null).locations("filesystem:" + dir.toAbsolutePath())
                    .target("1").load().migrate();
            Files.move(dir.resolveSibling("B2__base.sql.aside"), dir.resolve("B2__base.sql"));

            int applied = MigrationReplay.migrate(db, FlywaySettings.folder(dir));

            assertThat(applied).isEqualTo(2);
            assertThat(tables(db)).contains("A", "B", "C").doesNotContain("FROM_BASELINE");
        }
    }

    @Test
    void flywayDoesNotValidateAnAppliedBaselineMigrationAgainstItsEditedFile() throws Exception {
        folder();
        try (ScratchDatabase db = ScratchDatabase.h2(); QuietFlyway quiet = QuietFlyway.start()) {
            Flyway flyway = Flyway.configure().dataSource(db.url(), null, null)
                    .locations("filesystem:" + dir.toAbsolutePath()).load();
            flyway.migrate();
            write("B2__base.sql", Files.readString(dir.resolve("B2__base.sql")) + "create table later (id int);\n");

            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        }
    }

    private static List<String> tables(ScratchDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rows = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                out.add(rows.getString("TABLE_NAME"));
            }
        }
        return out;
    }
}
