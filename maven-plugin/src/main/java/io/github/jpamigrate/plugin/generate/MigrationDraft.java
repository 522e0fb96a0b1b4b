package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.ExpandedModel;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.diff.UnmanagedTables;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.IdentifierLimits;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.SyncTrigger;
import io.github.jpamigrate.core.sql.UnsupportedChangeException;
import io.github.jpamigrate.plugin.project.AcknowledgedLoss;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.WorkflowFailure;

import java.util.List;

/**
 * A migration and its undo script as text, before anything is written.
 *
 * @param file        the migration's file name
 * @param forward     the migration's statements
 * @param script      the migration's text (header listing the changes and the acknowledged data losses,
 *                    then the statements)
 * @param undo        the undo script's statements, or null when no undo script can be written
 * @param undoScript  the undo script's text, or null
 * @param undoProblem why there is no undo script, or null
 * @param followUpFile   the file of the follow-up migration ({@link RenderedMigration#followUp()}),
 *                       numbered next, or null when the migration has none
 * @param followUpScript the follow-up's text, or null
 */
public record MigrationDraft(MigrationFile file, RenderedMigration forward, String script, RenderedMigration undo,
                             String undoScript, String undoProblem, MigrationFile followUpFile, String followUpScript) {

    /** Flyway's per-script configuration for a migration that must run outside a transaction. */
    public static final String NON_TRANSACTIONAL_CONF = "executeInTransaction=false\n";

    private static final String EMPTY_NOTE = "\n-- No model change. Write the data change (insert, update, delete) below."
            + "\n-- It runs once, in version order, like every other migration.\n";

    /**
     * Renders the pending changes; an empty change list gives a script with only the header, for
     * a hand-written data change.
     *
     * @param dialect the database the SQL is written for (one target's)
     * @param title   the first header line, e.g. {@code V2: add phone number}
     * @throws WorkflowFailure when the dialect cannot express a change
     */
    public static MigrationDraft render(PendingChanges pending, Dialect dialect, MigrationFile file, String title) {
        return render(pending, dialect, file, title, null);
    }

    /**
     * @param followUpFile the file a follow-up migration gets (the version after {@code file}'s);
     *                     null to have none written (a preview)
     */
    public static MigrationDraft render(PendingChanges pending, Dialect dialect, MigrationFile file, String title,
                                        MigrationFile followUpFile) {
        return render(pending, dialect, file, title, followUpFile, GenerateRequest.Step.NONE, List.of());
    }

    /**
     * @param step       the half of an expand/contract change to write ({@link GenerateRequest.Step#NONE}: neither)
     * @param expansions the expansions the step installs (expand) or removes (contract)
     */
    public static MigrationDraft render(PendingChanges pending, Dialect dialect, MigrationFile file, String title,
                                        MigrationFile followUpFile, GenerateRequest.Step step, List<Expansion> expansions) {
        MigrationRenderer renderer = renderer(dialect);
        OtherSchemas.refuse(pending.models().model(), dialect);
        SchemaModel before = pending.models().snapshot();
        SchemaModel after = pending.models().model();
        refuseLongNames(after, dialect);
        RenderedMigration forward;
        try {
            forward = renderer.render(before, after, pending.changes(), pending.options().render());
            if (step == GenerateRequest.Step.EXPAND) {
                forward = new SyncTrigger().expand(forward, renderer, pending.options().render(), after, expansions);
            } else if (step == GenerateRequest.Step.CONTRACT) {
                forward = new SyncTrigger().contract(forward, before, expansions);
            }
        } catch (UnsupportedChangeException | IllegalArgumentException e) {
            throw new WorkflowFailure("cannot write the migration: " + e.getMessage(), e);
        }
        // The acknowledged losses travel with the migration: verify -Djpamigrate.base reads them later.
        String script = forward.script(title, pending.changes(), renderer.words(before, after),
                UnmanagedTables.introduced(before, after), AcknowledgedLoss.markers(pending))
                + (pending.isEmpty() ? EMPTY_NOTE : "");
        // A contract step's undo adds the old columns back nullable, fills them, then makes them NOT NULL (SyncTrigger).
        SchemaModel undoTarget = step == GenerateRequest.Step.CONTRACT ? ExpandedModel.keptNullable(before, expansions) : before;
        List<SchemaChange> back = SchemaDiff.compare(after, undoTarget, pending.options().renames().inverse());
        String undoTitle = file.undo().kind().prefix() + file.version() + ": undo " + title;
        RenderedMigration next = forward.followUp();
        MigrationFile nextFile = next == null ? null : followUpFile;
        String nextScript = nextFile == null ? null : next.script("V" + nextFile.version() + ": complete V" + file.version()
                + " online (runs outside a transaction; U" + file.version() + " undoes both)", next.origins(),
                renderer.words(before, after));
        try {
            RenderedMigration undo = renderer.render(after, undoTarget, back, RenderOptions.DEFAULTS); // plain forms: one script, nothing left for a follow-up
            if (step == GenerateRequest.Step.EXPAND) {
                undo = new SyncTrigger().undoExpand(undo, after, expansions);
            } else if (step == GenerateRequest.Step.CONTRACT) {
                undo = new SyncTrigger().undoContract(undo, before, expansions);
            }
            String undoScript = undo.script(undoTitle, back, renderer.words(after, undoTarget)) + (pending.isEmpty() ? EMPTY_NOTE : "");
            return new MigrationDraft(file, forward, script, undo, undoScript, null, nextFile, nextScript);
        } catch (UnsupportedChangeException | IllegalArgumentException e) {
            return new MigrationDraft(file, forward, script, null, null, e.getMessage(), nextFile, nextScript);
        }
    }

    /** Names the database would cut short (PostgreSQL, silently) or refuse (MySQL, MariaDB): fixed in the entities, before any SQL. */
    static void refuseLongNames(SchemaModel model, Dialect dialect) {
        List<String> tooLong = IdentifierLimits.violations(model, dialect);
        if (!tooLong.isEmpty()) {
            throw new WorkflowFailure("the model has names too long for " + dialect.id() + ":\n  - "
                    + String.join("\n  - ", tooLong) + "\nNothing was written. Shorten them in the entities,"
                    + " compile, and run the goal again.");
        }
    }

    /** The renderer of a dialect, at its default database version. */
    static MigrationRenderer renderer(Dialect dialect) {
        return dialect.renderer();
    }

    /** The undo script of the follow-up: nothing of its own, the migration's undo script undoes both. */
    public String followUpUndoScript() {
        return "-- " + followUpFile.undo().kind().prefix() + followUpFile.version() + ": nothing to undo here: "
                + file.undo().fileName() + " undoes V" + file.version() + " and this follow-up together\n";
    }

    /** Whether Flyway must run the migration outside a transaction (it then gets a {@code .conf} file). */
    public boolean needsConf() {
        return !forward.transactional();
    }
}
