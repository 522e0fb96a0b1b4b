package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A folder Flyway cannot apply is reported in the project's words — file, line, the statement,
 * the database's message, the likely cause — on every engine, and Flyway's own log lines stay out
 * of the build's output.
 */
class FlywayFailureTest {

    @TempDir
    Path dir;

    private Path folder(String name, String... scripts) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < scripts.length; i++) {
            Files.writeString(folder.resolve("V" + (i + 1) + "__step" + (i + 1) + ".sql"), scripts[i]);
        }
        return folder;
    }

    private static ScratchDatabase scratch(Dialect dialect, Path dir) {
        return dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir) : TestServers.scratch(dialect);
    }

    private String failure(Dialect dialect, Path folder) {
        try (ScratchDatabase db = scratch(dialect, dir); QuietFlyway quiet = QuietFlyway.start()) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> MigrationReplay.migrate(db, FlywaySettings.folder(folder)));
            assertThat(thrown).isInstanceOf(ReplayException.class);
            return thrown.getMessage();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void sqliteSqlOnAServerIsNamedAsAnotherDatabasesSql(Dialect dialect) throws Exception {
        Path folder = folder("sqlite-history", "create table workshop (id integer primary key autoincrement, name text);\n");

        String message = failure(dialect, folder);

        assertThat(message)
                .contains("V1__step1.sql line 1: ")
                .contains("the statement: create table workshop (id integer primary key autoincrement, name text)")
                .contains("likely cause: the statement is not " + dialect.displayName() + " SQL. If the folder (filesystem:" + folder)
                .contains("mvn jpa-migrate:baseline")
                .doesNotContain("Run Flyway with -X", "-----", "help.red-gate.com", "ERROR: ", "Position:", "(conn=");
        if (dialect == Dialect.POSTGRESQL) {
            assertThat(message).contains(": syntax error at or near \"autoincrement\" (SQL state 42601)");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "POSTGRESQL", "MARIADB", "H2"})
    void aTableNoEarlierMigrationMakesNamesTheMissingBaseline(Dialect dialect) throws Exception {
        Path folder = folder("starts-late", "create table later_one (id integer primary key);\n",
                "-- written by hand\n/* against a table an older schema had */\ninsert into workshop (id) values (1);\n");

        String message = failure(dialect, folder);

        assertThat(message)
                .contains("V2__step2.sql line 3: ")
                .contains("the statement: insert into workshop (id) values (1)")
                .contains("likely cause: no migration before this one in filesystem:" + folder + " makes that table or column")
                .contains("B file");
        assertThat(message.toLowerCase(java.util.Locale.ROOT)).contains("workshop");
    }

    @Test
    void aPlaceholderWithoutValueIsNamedWithTheSettingThatGivesIt() throws Exception {
        Path folder = folder("placeholders", "create table t (id integer primary key);\n",
                "alter table t add column seats integer default ${seats};\n");

        String message = failure(Dialect.SQLITE, folder);

        assertThat(message)
                .contains("V2__step2.sql line 1: the placeholder ${seats} has no value")
                .contains("<flywayPlaceholders><seats>")
                .contains("spring.flyway.placeholders.seats")
                .doesNotContain("Check your configuration!", "help.red-gate.com");
    }

    @Test
    void aFailureWithoutUsualCauseSaysWhatTheDatabaseSaidAndNoMore() throws Exception {
        Path folder = folder("rows", "create table t (id integer not null);\n", "insert into t (id) values (null);\n");

        String message = failure(Dialect.H2, folder);

        assertThat(message)
                .contains("V2__step2.sql line 1: NULL not allowed for column \"ID\" (SQL state 23502)")
                .contains("the statement: insert into t (id) values (null)")
                .doesNotContain("likely cause", "[23502-", "SQL statement:");
    }

    @Test
    void flywaysLogLinesStayOffTheConsoleAndItsWarningsReachTheGoalsLog() throws Exception {
        List<LogRecord> console = new ArrayList<>();
        Handler root = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.flywaydb")) {
                    console.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(root);
        List<String> warnings = new ArrayList<>();
        QuietFlyway.warningsTo(warnings::add);
        try {
            failure(Dialect.H2, folder("severe", "create table t (id integer not null);\n", "insert into t values (null);\n"));
            try (QuietFlyway quiet = QuietFlyway.start()) {
                Logger.getLogger("org.flywaydb.core.internal.Probe").log(Level.WARNING, "a deprecated setting");
                Logger.getLogger("org.flywaydb.core.internal.Probe").log(Level.INFO, "Migrating schema");
            }
        } finally {
            QuietFlyway.warningsTo(null);
            Logger.getLogger("").removeHandler(root);
        }

        assertThat(console).as("Flyway records that reached the console's handlers").isEmpty();
        assertThat(warnings).containsExactly("Flyway: a deprecated setting");
    }
}
