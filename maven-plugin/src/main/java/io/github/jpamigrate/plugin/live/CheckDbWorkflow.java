package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.ReplayException;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ScratchReplay;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code check-db}: does this live database match the entity model and the migration folder, and
 * would a deploy of this build go through? Reads Flyway's history (the Flyway API's {@code info}
 * and {@code validate}) and the schema (JDBC metadata, as {@code verify} reads its scratch
 * database) over read-only connections, explains each finding with its cause and fix, and fails
 * when a finding of a {@code failOn} kind remains. It never writes to the database.
 */
public final class CheckDbWorkflow {

    private final WorkflowLog log;

    public CheckDbWorkflow(WorkflowLog log) {
        this.log = log;
    }

    /**
     * @return every finding, also those of kinds that do not fail
     * @throws WorkflowFailure when the database cannot be read, or findings of a {@code failOn} kind remain
     */
    public List<LiveFinding> run(LiveRequest request, Set<Kind> failOn) throws IOException {
        LiveDatabase database = request.database();
        if (database == null) {
            throw new WorkflowFailure("check-db needs the database to check: -Djpamigrate.url=jdbc:... (and"
                    + " -Djpamigrate.user, -Djpamigrate.password when it needs them)");
        }
        request = request.forDatabase();
        ProjectModels models = ProjectModels.read(request.layout());
        String table = request.flyway().table();
        FlywayHistory history;
        ReadSchema read;
        try {
            history = FlywayHistory.read(database, request.flyway());
            read = read(database, ScratchReplay.ignoredTables(table, models.model(), models.snapshot()), models.model());
        } catch (LiveDatabaseException e) {
            throw new WorkflowFailure(e.getMessage(), e);
        }
        // What built this database: a database started from a baseline migration got its objects from it.
        MigrationScan scan = MigrationScan.of(request.folders(), database.dialect(), history);
        SchemaModel schema = read.schema();
        // The differences accepted in the drift baseline are what the database should have: compared as such, listed.
        AcceptedDrift accepted = AcceptedDrift.read(request.layout(), models);
        SchemaModel expected = accepted.compared().model();
        List<SchemaChange> drift = SchemaDrift.between(expected, schema, database.dialect(), read.views());
        LiveFindings live = new LiveFindings(history, scan, schema, expected, table, read.views());
        if (!history.tableExists() && !schema.tables().isEmpty()) {
            versionMatch(request, read, ScratchReplay.ignoredTables(table, models.model(), models.snapshot()),
                    SchemaDrift.mapped(models.model()), live);
        }
        List<LiveFinding> findings = live.of(drift);
        if (!accepted.accepted().isEmpty()) {
            log.info(accepted.accepted().size() + " accepted difference(s) from "
                    + request.layout().show(request.layout().driftBaseline()) + " (not findings):"
                    + AcceptedDrift.lines(accepted.accepted()));
        }
        report(request, history, schema, drift, findings, failOn, scan);
        return findings;
    }

    /**
     * A schema without Flyway history: which version's schema it is, worked out by replaying the
     * migrations on a scratch database of the live database's vendor, one version at a time.
     */
    private void versionMatch(LiveRequest request, ReadSchema read, Set<String> ignored, List<String> mapped,
                              LiveFindings findings) throws IOException {
        Dialect dialect = request.database().dialect();
        if (ScratchDatabase.needsShadow(dialect) && request.shadow() == null) {
            findings.versionMatch(null, "working it out needs a scratch " + dialect.id() + " database: set"
                    + " -Djpamigrate.shadowUrl=jdbc:... (a server where JPA Migrate may create and drop one) and run"
                    + " check-db again to have the version named");
            return;
        }
        Dialect shadowVendor = request.shadow() == null ? null : Dialect.ofJdbcUrl(request.shadow().url()).orElse(null);
        if (shadowVendor != null && !shadowVendor.vendorFolder().equals(dialect.vendorFolder())) {
            findings.versionMatch(null, "jpamigrate.shadowUrl is a " + shadowVendor.id() + " server, and the scratch"
                    + " database must be " + dialect.id() + " like the database checked: point it at a " + dialect.id()
                    + " server");
            return;
        }
        long start = System.nanoTime();
        try (ScratchDatabase scratch = ScratchDatabase.of(dialect, request.layout().workDirectory(), request.shadow())) {
            SchemaVersionMatch match = SchemaVersionMatch.find(scratch, request.flyway(), read.schema(), read.views(),
                    ignored, mapped);
            log.info("No Flyway history: replayed " + match.steps().size() + " version(s) on " + scratch.describe()
                    + " and compared the schema after each with the database's ("
                    + (System.nanoTime() - start) / 1_000_000 + " ms)");
            findings.versionMatch(match, match.steps().isEmpty() ? "the migration folder has no versioned migration" : null);
        } catch (ReplayException e) {
            findings.versionMatch(null, "the migrations could not be replayed on a scratch " + dialect.id()
                    + " database to work it out: " + e.getMessage());
        } catch (SQLException e) {
            findings.versionMatch(null, "the scratch database's schema could not be read to work it out: " + e.getMessage());
        }
    }

    /** The tables, the views the model maps, and the names of the database's views. */
    private record ReadSchema(SchemaModel schema, Set<String> views) {
    }

    private static ReadSchema read(LiveDatabase database, Set<String> ignored, SchemaModel model) {
        try (Connection connection = database.connect()) {
            SchemaReader reader = new SchemaReader(database.dialect(), ignored);
            return new ReadSchema(reader.read(connection, null, SchemaDrift.mapped(model)),
                    Set.copyOf(reader.viewNames(connection, null)));
        } catch (SQLException e) {
            throw new LiveDatabaseException("cannot read the schema of " + database.shownUrl() + ": "
                    + database.redact(e.getMessage()), null);
        }
    }

    /** How many migrations with statements the scanner could not read the note names. */
    static final int UNREAD_FILES_SHOWN = 3;

    private void report(LiveRequest request, FlywayHistory history, SchemaModel schema, List<SchemaChange> drift,
                        List<LiveFinding> findings, Set<Kind> failOn, MigrationScan scan) {
        LiveDatabase database = request.database();
        log.info("Database " + database.shownUrl() + " (" + database.dialect().id() + "), Flyway history table "
                + request.flyway().table() + (history.tableExists() ? "" : " (absent)") + ": current version "
                + (history.currentVersion() == null ? "none" : history.currentVersion()) + "; "
                + history.in(AppliedState.APPLIED).size() + " applied, " + history.in(AppliedState.PENDING).size()
                + " pending, " + history.in(AppliedState.FAILED).size() + " failed, "
                + history.in(AppliedState.NOT_IN_CODE).size() + " missing from the code");
        log.info("Schema: " + schema.tables().size() + " table(s), " + drift.size() + " difference(s) from the entity model "
                + request.layout().show(request.layout().descriptor()));
        scan.unreadNote(UNREAD_FILES_SHOWN).ifPresent(note -> log.info("Note: " + note));
        for (LiveFinding finding : findings) {
            for (String line : finding.lines()) {
                if (failOn.contains(finding.kind())) {
                    log.warn(line);
                } else {
                    log.info(line);
                }
            }
        }
        List<LiveFinding> failing = findings.stream().filter(f -> failOn.contains(f.kind())).toList();
        if (failing.isEmpty()) {
            long pending = findings.stream().filter(f -> f.kind() == Kind.PENDING).count();
            log.info("check-db passed: the database matches the entity model and the migrations"
                    + (pending == 0 ? "" : "; " + pending + " pending migration(s) the deploy will apply")
                    + (findings.size() > pending ? " (" + (findings.size() - pending) + " finding(s) of kinds not in"
                    + " failOn, listed above)" : ""));
            return;
        }
        StringBuilder message = new StringBuilder("check-db found ").append(failing.size())
                .append(" problem(s) in ").append(database.shownUrl()).append(" that would break the deploy (failOn=")
                .append(failOn.stream().map(Kind::id).collect(Collectors.joining(","))).append("):");
        for (LiveFinding finding : failing) {
            message.append("\n  - [").append(finding.kind().id()).append("] ").append(finding.subject()).append(": ")
                    .append(finding.finding()).append("\n    fix: ").append(finding.fix());
        }
        message.append("\n(causes above in the log; -Djpamigrate.failOn=<kinds> chooses what fails the build)");
        throw new WorkflowFailure(message.toString());
    }
}
