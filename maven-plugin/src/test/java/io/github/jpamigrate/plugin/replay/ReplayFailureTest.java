package io.github.jpamigrate.plugin.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration that fails on a scratch database is reported in JPA Migrate's words (file, line,
 * statement, the database's message, the likely cause), and Flyway's own log lines stay out of
 * the build's output (issue 18, item 3).
 */
class ReplayFailureTest {

    @TempDir
    Path dir;

    private Path folder(String failing, String sql) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("V1__customer.sql"), "create table customer (id bigint primary key, email varchar(255) not null);\n");
        Files.writeString(folder.resolve(failing), sql);
        return folder;
    }

    /** The records Flyway published through java.util.logging while {@code work} ran. */
    private static List<LogRecord> flywayLog(Runnable work) {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger flyway = Logger.getLogger("org.flywaydb");
        flyway.addHandler(handler);
        try {
            work.run();
        } finally {
            flyway.removeHandler(handler);
        }
        return records;
    }

    private void replay(Path folder) {
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("scratch"))) {
            ScratchReplay.migrate(db, FlywaySettings.folder(folder), null);
        }
    }

    @Test
    void aFailingStatementIsNamedWithItsFileLineAndTheDatabasesMessageAndNothingLeaksFromFlywaysLog() throws Exception {
        Path folder = folder("V2__seed.sql", "-- a seed row\ninsert into customer (id) values (1);\n");

        List<LogRecord> logged = flywayLog(() -> assertThatThrownBy(() -> replay(folder))
                .isInstanceOf(ReplayException.class)
                .hasMessageStartingWith("replaying the migrations on a scratch sqlite database failed: V2__seed.sql, line 2,"
                        + " statement `insert into customer (id) values (1)`: the database says: [SQLITE_CONSTRAINT_NOTNULL]")
                .hasMessageContaining("customer.email")
                .hasMessageNotContaining("-----"));

        assertThat(logged).as("Flyway's java.util.logging records").isEmpty();
    }

    @Test
    void aMissingTableSaysWhatUsuallyCausesIt() throws Exception {
        Path folder = folder("V2__rename.sql", "alter table workshop add column venue varchar(40);\n");

        assertThatThrownBy(() -> replay(folder)).isInstanceOf(ReplayException.class)
                .hasMessageContaining("V2__rename.sql, line 1, statement `alter table workshop add column venue varchar(40)`:"
                        + " the database says: ")
                .hasMessageContaining("no such table: workshop")
                .hasMessageContaining("(likely cause: the migration expects an object an earlier one creates: a migration"
                        + " folder of another vendor (after a changed <dialect>, run mvn jpa-migrate:baseline), a baseline"
                        + " migration (B) missing from the folder, or an earlier migration edited)");
    }

    @Test
    void aPlaceholderTheApplicationSetsButTheGoalDoesNotIsNamed() throws Exception {
        Path folder = folder("V2__grant.sql", "insert into customer (id, email) values (1, '${admin_email}');\n");

        assertThatThrownBy(() -> replay(folder)).isInstanceOf(ReplayException.class)
                .hasMessageContaining("admin_email")
                .hasMessageContaining("likely cause: a placeholder the application sets is not set here");
    }
}
