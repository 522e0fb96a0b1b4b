package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.plugin.io.JavaMigrations;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.live.FlywayHistory.Migration;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status}: the migrations of the code — and, given a database, where each stands in its
 * Flyway history — the current version, and whether the snapshot is the entity model; Alembic's
 * {@code history}, {@code current} and {@code heads} in one table. It reports; it fails only
 * when it cannot read what it reports.
 */
public final class StatusWorkflow {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final WorkflowLog log;

    public StatusWorkflow(WorkflowLog log) {
        this.log = log;
    }

    /**
     * @return the lines logged
     * @throws WorkflowFailure when the migration folder or the database cannot be read
     */
    public List<String> run(LiveRequest request) throws IOException {
        List<String> out = new ArrayList<>();
        for (LiveRequest one : request.database() == null ? request.perVendor() : List.of(request.forDatabase())) {
            migrations(one, out);
        }
        out.add(snapshotState(request.layout()));
        out.forEach(log::info);
        return out;
    }

    /** The migration table of one folder (with the database's history when there is one), and its current version. */
    private static void migrations(LiveRequest request, List<String> out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        FlywayHistory history = null;
        if (request.database() != null) {
            try {
                history = FlywayHistory.read(request.database(), request.flyway());
            } catch (LiveDatabaseException e) {
                throw new WorkflowFailure(e.getMessage(), e);
            }
            out.add("Migrations of " + String.join(", ", folders(request)) + " in " + request.database().shownUrl()
                    + " (Flyway history table " + request.flyway().table() + (history.tableExists() ? "" : ", absent") + "):");
            rows.add(new String[] {"version", "description", "file", "state", "applied (UTC)"});
            for (Migration m : history.migrations()) {
                String version = m.version() == null ? "R" : m.version() + (m.baseline() ? " (baseline)" : "");
                rows.add(new String[] {version, m.description(), m.inCode() ? m.label() : "-",
                        m.state().words(), m.installedOn() == null ? "" : WHEN.format(m.installedOn())});
            }
        } else {
            out.add("Migrations of " + String.join(", ", folders(request)) + " (no database given: -Djpamigrate.url=jdbc:..."
                    + " adds what is applied):");
            rows.add(new String[] {"version", "description", "file"});
            for (MigrationDirectory.Script script : scripts(request)) {
                rows.add(row(script.file(), script.path().getFileName().toString()));
            }
            for (JavaMigrations.JavaClass java : request.flyway().java().compiled()) {
                rows.add(row(java.file(), java.className() + " (Java)"));
            }
        }
        if (rows.size() == 1) {
            out.add("  (none)");
        } else {
            out.addAll(table(rows));
        }
        if (history != null) {
            out.add("Current version: " + (history.currentVersion() == null ? "none (nothing applied)" : history.currentVersion()));
        }
    }

    /** {@code 3}, {@code R} for a repeatable migration, {@code 1.20.0 (baseline)} for a baseline one. */
    private static String[] row(MigrationFile file, String script) {
        String version = file.version() == null ? "R"
                : file.version() + (file.kind() == MigrationFile.Kind.BASELINE ? " (baseline)" : "");
        return new String[] {version, file.readableDescription(), script};
    }

    private static List<String> folders(LiveRequest request) {
        return request.folders().stream().map(f -> request.layout().show(f.root())).toList();
    }

    private static List<MigrationDirectory.Script> scripts(LiveRequest request) throws IOException {
        List<MigrationDirectory.Script> scripts = new ArrayList<>();
        try {
            for (MigrationDirectory folder : request.folders()) {
                folder.scripts().stream().filter(s -> s.file().kind() != MigrationFile.Kind.UNDO).forEach(scripts::add);
            }
        } catch (ProjectFileException e) {
            throw new WorkflowFailure(e.getMessage(), e);
        }
        return scripts;
    }

    private static String snapshotState(ProjectLayout layout) throws IOException {
        String snapshot = "Snapshot " + layout.show(layout.snapshot()) + ": ";
        if (!Files.exists(layout.descriptor())) {
            return snapshot + "not compared, there is no model descriptor at " + layout.show(layout.descriptor())
                    + " (is the JPA Migrate processor on the compiler's annotationProcessorPaths?)";
        }
        ProjectModels models = ProjectModels.read(layout);
        if (!models.hasSnapshot()) {
            return snapshot + "none yet; run mvn jpa-migrate:generate -Dmessage=\"initial schema\"";
        }
        AcceptedDrift drift = AcceptedDrift.read(layout, models);
        PendingChanges pending = PendingChanges.of(drift.compared(), ChangeOptions.defaults());
        String accepted = drift.accepted().isEmpty() ? "" : " (" + drift.accepted().size() + " accepted difference(s) in "
                + layout.show(layout.driftBaseline()) + ")";
        return pending.isEmpty() ? snapshot + "matches the entity model" + accepted
                : snapshot + "differs from the entity model in " + pending.changes().size() + " change(s) without a"
                + " migration; mvn jpa-migrate:diff shows them, mvn jpa-migrate:generate -Dmessage=\"...\" writes it";
    }

    /** Left-aligned columns, two spaces apart, indented. */
    private static List<String> table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                line.append(' ').append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s ", row[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
