package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;
import io.github.jpamigrate.plugin.sql.StatementSplitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code generate -Djpamigrate.prove} with no model change: the proof the self-check gives a new
 * migration, given to the newest migration already in the folder (one generated while no scratch
 * database was at hand). On a scratch database Flyway applies the folder up to the version before
 * it, the schema is read back; Flyway applies the rest, and the schema must be the model; its undo
 * script, when there is one, must take the database back to the schema read before.
 */
final class NewestProof {

    private final Target target;

    NewestProof(Target target) {
        this.target = target;
    }

    /**
     * {@code -Djpamigrate.prove} with no model change: the newest migration of each target, proven
     * one after the other, each result told to {@code log}. Writes nothing.
     *
     * @throws WorkflowFailure for a target without a scratch database, or the first that fails its proof
     */
    static void proveAll(GenerateRequest request, SchemaModel model, Consumer<String> log) throws IOException, SQLException {
        List<MigrationStamp> stamps = new SnapshotFile(request.layout().snapshot()).readSnapshot()
                .map(Snapshot::migrations).orElse(List.of());
        for (Target target : request.resolved()) {
            if (!target.hasScratchDatabase()) {
                throw new WorkflowFailure("-Djpamigrate.prove proves the newest migration on a scratch "
                        + SelfCheck.engine(target.dialect()) + " database" + target.label() + ", which needs a server. "
                        + SelfCheck.serverNeeded(target) + " For example:\n  mvn jpa-migrate:generate -Djpamigrate.prove"
                        + " -Djpamigrate.shadowUrl=" + SelfCheck.exampleUrl(target.dialect()));
            }
            String folder = request.targets().vendorFolders() ? MigrationTargets.vendor(target.dialect()) : "";
            log.accept(new NewestProof(target).prove(model, stamps.stream().filter(s -> s.folder().equals(folder)).findFirst()));
        }
    }

    /**
     * @param stamp the snapshot's record of its migration in this target's folder, if any: it names
     *              the version before the migration (and the migration an online follow-up completes)
     * @return what was proven, in words, for the log
     * @throws WorkflowFailure naming what differs, or why it could not be proven
     */
    String prove(SchemaModel model, Optional<MigrationStamp> stamp) throws IOException, SQLException {
        List<MigrationFile> files = folder();
        if (files.isEmpty()) {
            throw new WorkflowFailure("-Djpamigrate.prove: " + target.layout().show(target.layout().migrationDirectory())
                    + " has no versioned migration to prove. Run generate without it to write the first one.");
        }
        MigrationFile newest = files.get(files.size() - 1);
        // The snapshot's stamp knows the unit (a migration and its online follow-up) and the version before it.
        Optional<MigrationStamp> own = stamp.filter(s -> s.version().equals(newest.version()));
        MigrationFile first = own.map(s -> s.completes() != null ? s.completes().file() : s.file()).orElse(newest);
        MigrationVersion before = own.map(MigrationStamp::after)
                .orElse(files.size() > 1 ? files.get(files.size() - 2).version() : null);
        String engine = SelfCheck.engine(target.dialect());
        Set<String> ignored = ScratchReplay.ignoredTables(target.flyway().table(), model);
        try (ScratchDatabase db = scratch(engine)) {
            SchemaModel previous = null;
            int applied = 0;
            if (before != null) {
                applied += replay(db, before.toString(), first);
                try (Connection connection = db.connect()) {
                    previous = new SchemaReader(db.dialect(), ignored).read(connection, null);
                }
            }
            applied += replay(db, null, first);
            List<SchemaChange> drift = ScratchReplay.drift(db, model, ignored);
            if (!drift.isEmpty()) {
                throw new WorkflowFailure("-Djpamigrate.prove: replaying " + target.layout().show(target.layout()
                        .migrationDirectory()) + " on a scratch " + engine + " database does not give the model"
                        + " after " + newest.fileName() + ". Differences (model -> database):" + ScratchReplay.lines(drift)
                        + "\nFix that migration (it is not released yet, or it would not be the newest), or generate"
                        + " the missing change: mvn jpa-migrate:generate -Dmessage=\"...\"");
            }
            String proven = "Proved " + newest.fileName() + target.label() + " on a scratch " + engine + " database"
                    + db.isolationNote() + ": Flyway applied " + applied + " migration(s), " + newest.fileName()
                    + " the last, and the schema is the model";
            Optional<Path> undo = target.layout().undoScript(first.version());
            if (undo.isEmpty() || previous == null) {
                return proven + (undo.isEmpty() ? " (no undo script to run)." : ".");
            }
            undo(db, undo.get());
            List<SchemaChange> back = ScratchReplay.drift(db, previous, ignored);
            if (!back.isEmpty()) {
                throw new WorkflowFailure("-Djpamigrate.prove: " + undo.get().getFileName() + " does not take the"
                        + " scratch database back to the schema of V" + before + ". Differences (V" + before
                        + " -> database):" + ScratchReplay.lines(back) + "\nFix the undo script.");
            }
            return proven + "; " + undo.get().getFileName() + " takes it back to the schema of V" + before + ".";
        }
    }

    /** The versioned migrations Flyway applies to an empty database, in order. */
    private List<MigrationFile> folder() throws IOException {
        List<MigrationFile> files = new MigrationDirectory(target.layout().migrationDirectory()).scripts().stream()
                .map(MigrationDirectory.Script::file).toList();
        return MigrationFile.appliedOnEmpty(files);
    }

    private ScratchDatabase scratch(String engine) {
        try {
            return target.scratch();
        } catch (ReplayException e) {
            throw new WorkflowFailure("-Djpamigrate.prove needs a scratch " + engine + " database and "
                    + e.getMessage() + ".", e);
        }
    }

    private int replay(ScratchDatabase db, String upTo, MigrationFile proven) {
        try {
            return ScratchReplay.migrate(db, target.flyway(), upTo);
        } catch (ReplayException e) {
            throw new WorkflowFailure("-Djpamigrate.prove: " + e.getMessage() + "\n(proving " + proven.fileName()
                    + " in " + target.layout().show(target.layout().migrationDirectory()) + ")", e);
        }
    }

    /** Runs an undo script's statements, in one transaction unless its {@code .conf} says otherwise. */
    private void undo(ScratchDatabase db, Path script) throws IOException, SQLException {
        String text = target.flyway().withPlaceholders(Files.readString(script, StandardCharsets.UTF_8));
        Path conf = script.resolveSibling(script.getFileName() + ".conf");
        boolean transactional = !(Files.isRegularFile(conf) && Files.readString(conf).contains("executeInTransaction=false"));
        boolean mysql = db.dialect() == Dialect.MARIADB || db.dialect() == Dialect.MYSQL;
        try (Connection connection = db.connect(); var statement = connection.createStatement()) {
            connection.setAutoCommit(!transactional);
            for (StatementSplitter.Piece piece : StatementSplitter.split(text, mysql)) {
                if (!piece.text().isBlank()) {
                    statement.execute(piece.text());
                }
            }
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new WorkflowFailure("-Djpamigrate.prove: " + script.getFileName() + " does not run on the scratch"
                    + " database: " + e.getMessage() + ". Fix the undo script.", e);
        }
    }
}
