package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A scratch SQLite database file migrated by the real Flyway API with foreign keys ON, fed with
 * migrations rendered by {@link SqliteRenderer} — the way a user's application would run them.
 */
final class FlywaySqliteScratch {

    private final Path folder;
    private final Path migrations;
    private final String url;
    private int version;

    FlywaySqliteScratch(Path folder) throws IOException {
        this.folder = folder;
        this.migrations = Files.createDirectories(folder.resolve("db/migration"));
        this.url = "jdbc:sqlite:" + folder.resolve("scratch.db") + "?foreign_keys=true";
    }

    /** Renders the change from {@code from} to {@code to}, writes it as the next version and migrates. */
    RenderedMigration migrate(SchemaModel from, SchemaModel to, Renames renames, RenderOptions options) throws IOException {
        List<SchemaChange> changes = SchemaDiff.compare(from, to, renames);
        RenderedMigration rendered = new SqliteRenderer().render(from, to, changes, options);
        writeScript(rendered.script("test migration", changes), !rendered.transactional());
        Flyway.configure().dataSource(url, null, null)
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
        return rendered;
    }

    /** Writes a hand-made script as the next version, outside a transaction when asked. */
    void writeScript(String sql, boolean outsideTransaction) throws IOException {
        writeScript(sql, outsideTransaction ? "executeInTransaction=false\n" : null);
    }

    /** Writes a hand-made script as the next version with Flyway's per-script configuration, if any. */
    void writeScript(String sql, String scriptConfig) throws IOException {
        version++;
        Path script = migrations.resolve("V" + version + "__step.sql");
        Files.writeString(script, sql, StandardCharsets.UTF_8);
        if (scriptConfig != null) {
            Files.writeString(migrations.resolve(script.getFileName() + ".conf"), scriptConfig);
        }
    }

    void migrateAgain() {
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + migrations).load().migrate();
    }

    void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    long count(String table) throws SQLException {
        return queryLong("select count(*) from " + table);
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows that {@code PRAGMA foreign_key_check} reports. */
    long foreignKeyViolations() throws SQLException {
        return queryLong("select count(*) from pragma_foreign_key_check");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    Path folder() {
        return folder;
    }
}
