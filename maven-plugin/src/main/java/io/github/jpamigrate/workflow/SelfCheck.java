package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.sql.Dialect;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.SchemaNormalForm;
import io.github.jpamigrate.core.sql.Statement;
import io.github.jpamigrate.introspect.SchemaReader;
import io.github.jpamigrate.replay.FlywaySettings;
import io.github.jpamigrate.replay.MigrationReplay;
import io.github.jpamigrate.replay.ReplayException;
import io.github.jpamigrate.replay.ScratchDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Proves a draft before it is written, on a scratch database under the build directory: Flyway
 * replays the migration folder plus the new migration, the schema read back through JDBC must be
 * the new model, and after the undo statements it must be the old model again. Any difference
 * stops {@code generate} with nothing written.
 */
final class SelfCheck {

    private final ProjectLayout layout;

    SelfCheck(ProjectLayout layout) {
        this.layout = layout;
    }

    /**
     * @return how many migrations Flyway replayed, the new one included
     * @throws WorkflowFailure listing what differs, or why the replay failed
     */
    int verify(MigrationDraft draft, SchemaModel before, SchemaModel after) throws IOException, SQLException {
        Path staging = layout.workDirectory().resolve("self-check").resolve(UUID.randomUUID().toString());
        Files.createDirectories(staging);
        try (ScratchDatabase db = ScratchDatabase.sqlite(layout.workDirectory().resolve("scratch"))) {
            stage(draft, staging);
            int replayed = replay(db, draft, staging);
            Set<String> ignored = ignoredTables(before, after);
            List<SchemaChange> drift = drift(db, after, ignored);
            if (!drift.isEmpty()) {
                throw new WorkflowFailure("self-check failed: replaying " + layout.show(layout.migrationDirectory())
                        + " plus the new " + draft.file().fileName() + " on a scratch SQLite database does not give"
                        + " the model. Differences (model -> database):" + lines(drift) + "\nNothing was written. If a"
                        + " migration or the snapshot was edited by hand they no longer agree; restore them from version"
                        + " control. Otherwise please report this as a JPA Migrate bug, with the snapshot and descriptor.");
            }
            if (draft.undo() != null) {
                undo(db, draft);
                List<SchemaChange> back = drift(db, before, ignored);
                if (!back.isEmpty()) {
                    throw new WorkflowFailure("self-check failed: the undo script of " + draft.file().fileName()
                            + " does not take the scratch database back to the snapshot. Differences (snapshot ->"
                            + " database):" + lines(back) + "\nNothing was written. Please report this as a JPA Migrate"
                            + " bug, with the snapshot and descriptor.");
                }
            }
            return replayed;
        } finally {
            deleteTree(staging);
        }
    }

    private void stage(MigrationDraft draft, Path staging) throws IOException {
        Path script = staging.resolve(draft.file().fileName());
        Files.write(script, draft.script().getBytes(StandardCharsets.UTF_8));
        if (draft.needsConf()) {
            Files.write(staging.resolve(draft.file().fileName() + ".conf"),
                    MigrationDraft.NON_TRANSACTIONAL_CONF.getBytes(StandardCharsets.UTF_8));
        }
    }

    private int replay(ScratchDatabase db, MigrationDraft draft, Path staging) {
        List<String> locations = new ArrayList<>();
        if (Files.isDirectory(layout.migrationDirectory())) {
            locations.add("filesystem:" + layout.migrationDirectory().toAbsolutePath());
        }
        locations.add("filesystem:" + staging.toAbsolutePath());
        try (QuietFlyway quiet = QuietFlyway.start()) {
            return MigrationReplay.migrate(db, new FlywaySettings(locations, FlywaySettings.DEFAULT_TABLE, Map.of()));
        } catch (ReplayException e) {
            throw new WorkflowFailure("self-check failed: " + e.getMessage() + "\n(the folder was "
                    + layout.show(layout.migrationDirectory()) + " plus the new " + draft.file().fileName()
                    + "). Nothing was written.", e);
        }
    }

    /**
     * Flyway logs each scratch migration at INFO as if it ran on the user's database; the outcome
     * is ours to report. Counted, so that parallel runs in one JVM restore the level exactly once.
     */
    private static final class QuietFlyway implements AutoCloseable {
        private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");
        private static int users;
        private static Level previous;

        static QuietFlyway start() {
            synchronized (QuietFlyway.class) {
                if (users++ == 0) {
                    previous = FLYWAY.getLevel();
                    FLYWAY.setLevel(Level.WARNING);
                }
            }
            return new QuietFlyway();
        }

        @Override
        public void close() {
            synchronized (QuietFlyway.class) {
                if (--users == 0) {
                    FLYWAY.setLevel(previous);
                }
            }
        }
    }

    private static void undo(ScratchDatabase db, MigrationDraft draft) throws SQLException {
        RenderedMigration undo = draft.undo();
        try (Connection connection = db.connect(); var statement = connection.createStatement()) {
            connection.setAutoCommit(!undo.transactional());
            for (Statement sql : undo.statements()) {
                statement.execute(sql.sql());
            }
            if (undo.transactional()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new WorkflowFailure("self-check failed: the undo script of " + draft.file().fileName()
                    + " does not run on the scratch database: " + e.getMessage() + ". Nothing was written.", e);
        }
    }

    private static List<SchemaChange> drift(ScratchDatabase db, SchemaModel model, Set<String> ignored) throws SQLException {
        try (Connection connection = db.connect()) {
            SchemaModel read = new SchemaReader(db.dialect(), ignored).read(connection, null);
            return SchemaDiff.compare(SchemaNormalForm.of(model, db.dialect()), SchemaNormalForm.of(read, db.dialect()));
        }
    }

    /** Flyway's history table, and the one-row tables that stand for sequences on SQLite. */
    private static Set<String> ignoredTables(SchemaModel before, SchemaModel after) {
        Set<String> ignored = new HashSet<>(Set.of(FlywaySettings.DEFAULT_TABLE));
        Stream.concat(before.sequences().stream(), after.sequences().stream()).map(Sequence::name).forEach(ignored::add);
        return ignored;
    }

    private static String lines(List<SchemaChange> changes) {
        StringBuilder out = new StringBuilder();
        changes.forEach(c -> out.append("\n  - ").append(c.describe()));
        return out.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
