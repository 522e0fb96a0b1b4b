package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.verify.VerifyRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A project and "the application's database" for the live goals' tests: migrations generated for
 * a dialect, applied with Flyway as the application would, then broken by hand as people do.
 */
final class LiveDatabaseFixture {

    final ProjectFixture project;
    final Dialect dialect;
    final ScratchDatabase database;

    LiveDatabaseFixture(Path directory, Dialect dialect, ScratchDatabase database) {
        this.project = new ProjectFixture(directory);
        this.dialect = dialect;
        this.database = database;
    }

    /** Compiles the model and generates its migration, as {@code mvn jpa-migrate:generate} would. */
    LiveDatabaseFixture generate(SchemaModel model, String message) throws IOException, SQLException {
        project.compile(model);
        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), message,
                false, VersionScheme.SEQUENTIAL, ShadowServers.NONE, MigrationTargets.single(dialect)));
        return this;
    }

    /** Flyway's migrate up to {@code target} (all when null), as the application does at start-up. */
    int migrate(String target) {
        return MigrationReplay.migrate(database, flyway(), target);
    }

    /** Flyway's migrate, expected to fail part-way. */
    ReplayException migrateFailing() {
        try {
            migrate(null);
        } catch (ReplayException e) {
            return e;
        }
        throw new AssertionError("expected the migration to fail");
    }

    FlywaySettings flyway() {
        return MigrationTargets.defaultFlyway(project.layout);
    }

    LiveRequest request() {
        return new LiveRequest(project.layout, LiveDatabase.of(database.url(), database.user(), database.password()), flyway());
    }

    LiveRequest requestWithoutDatabase() {
        return new LiveRequest(project.layout, null, flyway());
    }

    /** Runs statements on the database with a normal (writable) connection: the hand of a DBA. */
    void execute(String... statements) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    void writeMigration(String name, String sql) throws IOException {
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration(name), sql);
    }

    /**
     * Everything the live goals could change: every table (Flyway's history included) as JDBC
     * metadata reads it, every history row, and for SQLite the file's bytes.
     */
    String state() throws SQLException, IOException {
        StringBuilder out = new StringBuilder();
        try (Connection c = database.connect()) {
            SchemaModel schema = new SchemaReader(dialect, Set.of()).read(c, null);
            out.append(schema).append('\n');
            String quote = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL ? "`" : "\"";
            boolean hasHistory = schema.tables().stream().anyMatch(t -> t.name().equals(FlywaySettings.DEFAULT_TABLE));
            if (hasHistory) {
                try (Statement s = c.createStatement();
                     ResultSet rows = s.executeQuery("select * from " + quote + FlywaySettings.DEFAULT_TABLE + quote
                             + " order by " + quote + "installed_rank" + quote)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            row.add(rows.getString(i));
                        }
                        out.append(row).append('\n');
                    }
                }
            }
        }
        if (dialect == Dialect.SQLITE) {
            Path file = Path.of(database.url().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
            try {
                out.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }
}
