package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.ChangeTitle;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.migration.Slug;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.baseline.Adoption;
import io.github.jpamigrate.plugin.baseline.BaselineFile;
import io.github.jpamigrate.plugin.baseline.DriftItem;
import io.github.jpamigrate.plugin.generate.GenerateResult;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.generate.SelfCheck;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.io.AtomicFileSet;
import io.github.jpamigrate.plugin.io.GenerateLock;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code init}: adopt a project that has entities but no snapshot yet.
 * <ul>
 *   <li>No migrations: the first migration and the snapshot, exactly as {@code generate} writes them
 *       when there is no snapshot.</li>
 *   <li>Flyway migrations written by hand: Flyway replays them on a scratch database, the schema is
 *       read back ({@link InitSnapshot}). Where that schema differs from the model by the team's choice,
 *       the difference is accepted into the drift baseline ({@link Adoption} says which are); what the
 *       model needs and the schema lacks stays pending, reported as {@code check} would; with
 *       {@code generate}, the migration for it is written too.</li>
 * </ul>
 * An existing snapshot is never replaced unless {@code force} says so; on any problem nothing is written.
 */
public final class InitWorkflow {

    private final WorkflowLog log;
    private final Prompter prompter;
    private final Clock clock;

    public InitWorkflow(WorkflowLog log, Prompter prompter, Clock clock) {
        this.log = log;
        this.prompter = prompter;
        this.clock = clock;
    }

    /**
     * @throws WorkflowFailure when the user has to act first (the message says how); nothing is written then
     */
    public InitResult run(InitRequest request) throws IOException, SQLException {
        ProjectLayout layout = request.layout();
        refuseExistingSnapshot(request);
        SchemaModel model = ProjectModels.descriptor(layout);
        List<MigrationDirectory.Script> scripts = new MigrationDirectory(layout.migrationDirectory()).scripts();
        // Java migrations (db/migration/V2__Fill.class) are migrations to adopt as well; compiled ones only.
        request.flyway().java().requireCompiled();
        int migrations = scripts.size() + request.flyway().java().compiled().size();
        return migrations == 0 ? firstMigration(request, model) : adopt(request, model, migrations);
    }

    private void refuseExistingSnapshot(InitRequest request) {
        ProjectLayout layout = request.layout();
        if (!Files.exists(layout.snapshot())) {
            return;
        }
        if (!request.force()) {
            throw new WorkflowFailure("the project already has a snapshot (" + layout.show(layout.snapshot()) + "), so"
                    + " there is nothing to adopt and init wrote nothing. For entity changes run\n  mvn jpa-migrate:generate"
                    + " -Dmessage=\"...\"\nTo rebuild the snapshot from the migrations (after editing them by hand, or to"
                    + " replace a broken snapshot) run init with -Djpamigrate.force=true.");
        }
        log.warn("-Djpamigrate.force: the existing " + layout.show(layout.snapshot()) + " is ignored and replaced.");
    }

    /** No migration yet: {@code generate} with no snapshot writes the first migration and the snapshot. */
    private InitResult firstMigration(InitRequest request, SchemaModel model) throws IOException, SQLException {
        ProjectLayout layout = request.layout();
        if (model.tables().isEmpty() && model.sequences().isEmpty()) {
            log.info("The model descriptor " + layout.show(layout.descriptor()) + " has no entities and "
                    + layout.show(layout.migrationDirectory()) + " has no migrations: nothing to adopt yet.");
            return new InitResult(0, List.of(), null, List.of());
        }
        log.info("No migrations in " + layout.show(layout.migrationDirectory()) + ": writing the first one from the"
                + " entity model.");
        ProjectModels models = new ProjectModels(ProjectModels.empty(model), model, false);
        List<SchemaChange> changes = PendingChanges.of(models, request.options()).changes();
        GenerateResult generated = generator().run(request.generateRequest(), models);
        return new InitResult(0, changes, generated.migration(), generated.written());
    }

    /** Migrations exist: replay them, read the schema back, and snapshot the model as far as it agrees. */
    private InitResult adopt(InitRequest request, SchemaModel model, int scripts) throws IOException, SQLException {
        ProjectLayout layout = request.layout();
        Dialect dialect = request.dialect();
        String engine = "a scratch " + SelfCheck.engine(dialect) + " database";
        if (ScratchDatabase.needsShadow(dialect) && request.shadow() == null) {
            throw new WorkflowFailure("init replays the " + scripts + " migration(s) of "
                    + layout.show(layout.migrationDirectory()) + " on " + engine + ", which needs a server. Set"
                    + " <shadowUrl> (and <shadowUser>, <shadowPassword>) or -Djpamigrate.shadowUrl=jdbc:... to a server"
                    + " where JPA Migrate may create and drop a scratch database. Nothing was written.");
        }
        int applied;
        SchemaModel built;
        Set<String> sequences;
        ScratchDatabase scratch;
        try {
            scratch = request.scratch();
        } catch (ReplayException e) {
            throw new WorkflowFailure("init replays the " + scripts + " migration(s) of "
                    + layout.show(layout.migrationDirectory()) + " on " + engine + ", and " + e.getMessage()
                    + ". Nothing was written.");
        }
        try (ScratchDatabase db = scratch) {
            engine += db.isolationNote();
            applied = replay(request, db);
            try (Connection connection = db.connect()) {
                built = new SchemaReader(dialect, ScratchReplay.ignoredTables(request.flyway().table(), model))
                        .read(connection, null);
                sequences = existingSequences(connection, model);
            }
        }
        Adoption adoption = Adoption.of(InitSnapshot.of(model, built, dialect, sequences), model, since(layout));
        ProjectModels adopted = new ProjectModels(adoption.snapshot(), model, true);
        List<DriftItem> accepted = adoption.baseline().items();
        PendingChanges pending = PendingChanges.of(AcceptedDrift.of(adopted, adoption.baseline(), List.of()).compared(),
                request.options());
        log.info("Flyway replayed " + applied + " migration(s) of " + layout.show(layout.migrationDirectory()) + " on "
                + engine + "; " + (pending.isEmpty() && accepted.isEmpty() ? "the schema they build is the entity model."
                : accepted.size() + " difference(s) from the entity model are accepted as the migrations made them, "
                + pending.changes().size() + " change(s) the model needs are still pending."));
        if (!accepted.isEmpty()) {
            log.info("Accepted into " + layout.show(layout.driftBaseline()) + " (check, verify and check-db list them"
                    + " without failing; generate leaves them alone; -Djpamigrate.reconcile=<id> writes the migration"
                    + " that makes the database follow the model):" + AcceptedDrift.lines(accepted));
        }
        if (!pending.isEmpty()) {
            log.info("Still pending (objects the model needs that the migrations never create):"
                    + ScratchReplay.lines(pending.changes()));
        }
        if (request.generate() && !pending.isEmpty()) {
            GenerateResult generated = generator().run(request.generateRequest(), adopted, adoption.baseline());
            return new InitResult(applied, pending.changes(), generated.migration(), generated.written(), accepted);
        }
        List<Path> written = writeSnapshot(layout, adoption, dialect);
        if (!pending.isEmpty()) {
            String words = Slug.of(ChangeTitle.of(pending.changes()), "model change").replace('_', ' ');
            log.info("check and verify report the pending changes above until a migration makes them. Run:\n"
                    + "  mvn jpa-migrate:generate -Dmessage=\"" + words + "\"\nthen commit the snapshot, the drift"
                    + " baseline and the new migration.");
        } else {
            log.info("Commit the snapshot" + (accepted.isEmpty() ? "" : " and the drift baseline") + ": from now on,"
                    + " mvn jpa-migrate:generate writes the migration for each entity change, and only for it.");
        }
        return new InitResult(applied, pending.changes(), null, written, accepted);
    }

    /** The {@code since} of the items accepted now: the newest migration and today's date. */
    private String since(ProjectLayout layout) throws IOException {
        List<MigrationVersion> versions = new MigrationDirectory(layout.migrationDirectory()).versions();
        String date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        return (versions.isEmpty() ? "" : "V" + versions.get(versions.size() - 1) + ", ") + "adopted " + date;
    }

    private static int replay(InitRequest request, ScratchDatabase db) {
        try {
            return ScratchReplay.migrate(db, request.flyway(), null);
        } catch (ReplayException e) {
            throw new WorkflowFailure("init cannot adopt the migrations: " + ProjectModels.sentence(e.getMessage())
                    + " Fix that migration so that Flyway applies " + request.layout().show(request.layout().migrationDirectory())
                    + " to an empty database, then run init again. Nothing was written.", e);
        }
    }

    /**
     * The snapshot and the drift baseline, as one set: both or neither. The snapshot records
     * {@code dialect} as the one the folder's migrations are written for: Flyway has just applied
     * them on a database of it, so a later change of {@code <dialect>} is noticed (and sent to
     * {@code baseline}) like one after {@code generate}.
     */
    private List<Path> writeSnapshot(ProjectLayout layout, Adoption adoption, Dialect dialect) throws IOException {
        try (GenerateLock lock = GenerateLock.acquire(layout.lockFile())) {
            AtomicFileSet files = new AtomicFileSet(layout.writeJournal()).replace(layout.snapshot(),
                    SnapshotFile.content(adoption.snapshot(), List.of(), List.of(dialect.id())));
            boolean removed = BaselineFile.stage(files, layout.driftBaseline(), adoption.baseline());
            List<Path> written = files.commit();
            written.forEach(path -> log.info("Wrote " + layout.show(path)));
            if (removed) {
                log.info("Removed " + layout.show(layout.driftBaseline()) + ": the migrations now build what the entities"
                        + " say, no difference is left to accept.");
            }
            return written;
        }
    }

    private GenerateWorkflow generator() {
        return new GenerateWorkflow(log, prompter, clock);
    }

    /**
     * The model's sequences the migrations created: as sequences (reported by the catalogue, or by
     * {@code information_schema.sequences} where the driver leaves them out) or, on SQLite, as the
     * one-row tables that stand for them. Their increment cannot be read uniformly, so a sequence
     * that exists keeps the model's description.
     */
    private static Set<String> existingSequences(Connection connection, SchemaModel model) throws SQLException {
        Set<String> found = new HashSet<>();
        if (model.sequences().isEmpty()) {
            return found;
        }
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
            while (rs.next()) {
                found.add(Identifiers.key(rs.getString("TABLE_NAME")));
            }
        }
        if (model.sequences().stream().allMatch(s -> found.contains(Identifiers.key(s.name())))) {
            return found;
        }
        String schema = connection.getSchema();
        try (PreparedStatement query = connection.prepareStatement(
                "select sequence_name from information_schema.sequences where sequence_schema = ?")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(Identifiers.key(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            // No information_schema.sequences (SQLite, MariaDB): the catalogue's answer stands.
        }
        return found;
    }
}
