package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.Hazards;
import io.github.jpamigrate.core.diff.ProbableRename;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.sql.IdentifierLimits;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.plugin.project.AcknowledgedLoss;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectModels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lints of {@code verify}, over the model changes since {@code base} (without a base, over
 * the changes not yet in the snapshot): destructive changes (drops, narrowing, enum constants
 * removed, ORDINAL enums reordered), NOT NULL columns without a value for existing rows, and
 * drops that look like renames; and names longer than the dialect allows (always a failure).
 * Since {@code base}, an unacknowledged destructive change fails
 * the build; everything else is listed.
 */
final class VerifyLints {

    private VerifyLints() {
    }

    /** @param dialect the database whose name limits apply (the first target) */
    static VerifyReport.Step run(ChangeOptions options, Dialect dialect, ProjectModels models,
                                 Optional<VerifyHistory.Base> base) {
        return run(options, dialect, models, base, List.of());
    }

    /**
     * @param addedSql the SQL of the migrations added since {@code base}: a column one of them fills
     *                 (the backfill {@code generate} wrote, or a default) has a value for existing rows
     */
    static VerifyReport.Step run(ChangeOptions options, Dialect dialect, ProjectModels models,
                                 Optional<VerifyHistory.Base> base, List<String> addedSql) {
        return run(options, dialect, models, base, addedSql, List.of());
    }

    /**
     * @param headers the acknowledgements in the headers of the migrations added since {@code base}
     *                ({@link AcknowledgedLoss}): each acknowledges the change it names, as
     *                {@code allowDestructive} would, and nothing else
     */
    static VerifyReport.Step run(ChangeOptions options, Dialect dialect, ProjectModels models,
                                 Optional<VerifyHistory.Base> base, List<String> addedSql,
                                 List<AcknowledgedLoss.Header> headers) {
        SchemaModel from = base.map(VerifyHistory.Base::snapshot).orElse(models.snapshot());
        String since = base.map(b -> "since " + b.ref()).orElse("not yet in the snapshot");
        List<SchemaChange> changes = SchemaDiff.compare(from, models.model(), options.renames());
        RenderOptions render = options.render();
        List<Hazard> hazards = Hazards.find(changes, models.model(), (t, c) -> render.backfill(t, c).isPresent()
                || addedSql.stream().anyMatch(sql -> fills(sql, t, c)));
        List<ProbableRename> renames = ProbableRename.find(changes).stream()
                .filter(r -> !options.dropAcknowledged(PendingChanges.dropTarget(r))
                        && inHeader(headers, PendingChanges.dropTarget(r)).isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Hazard hazard : hazards) {
            Optional<String> header = hazard.kind().destructive() ? inHeader(headers, hazard.target()) : Optional.empty();
            if (options.acknowledged(hazard)) {
                notes.add("acknowledged: " + hazard.detail() + " (" + hazard.kind().words() + ")");
            } else if (header.isPresent()) {
                notes.add("acknowledged in " + header.get() + ": " + hazard.detail() + " (" + hazard.kind().words() + ")");
            } else if (hazard.kind().destructive() && base.isPresent()) {
                problems.add(hazard.describe());
            } else if (hazard.kind().destructive()) {
                notes.add(hazard.describe());
            } else {
                notes.add(hazard.detail() + " (the data step shows whether the migration gives existing rows a value)");
            }
        }
        notes.addAll(unused(headers, hazards, changes, since));
        renames.forEach(r -> notes.add("probable rename: " + r.describe() + "; if it is one, the migration must keep"
                + " the values (-Djpamigrate.rename=" + r.declaration() + " when generating)"));
        String summary = changes.size() + " model change(s) " + since + ": " + hazards.size() + " hazard(s), "
                + renames.size() + " probable rename(s)";
        List<String> tooLong = IdentifierLimits.violations(models.model(), dialect);
        List<String> markers = headers.stream().flatMap(h -> h.problems().stream()).toList();
        if (problems.isEmpty() && tooLong.isEmpty() && markers.isEmpty()) {
            return new VerifyReport.Step("lint", VerifyReport.Outcome.PASSED, summary, List.of(), notes);
        }
        List<String> failures = new ArrayList<>();
        if (!markers.isEmpty()) {
            failures.add("acknowledgements in the headers of the migrations added " + since + " that acknowledge"
                    + " nothing as written:\n  - " + String.join("\n  - ", markers));
        }
        if (!problems.isEmpty()) {
            problems.add(0, "changes " + since + " lose data and nobody acknowledged them; make sure the loss is"
                    + " intended, then acknowledge each as its line says, or with a line -- "
                    + AcknowledgedLoss.marker("<target>") + " in the header of the migration that drops it (or keep"
                    + " the data: a rename, a wider type):");
            failures.add(String.join("\n  - ", problems));
        }
        if (!tooLong.isEmpty()) {
            failures.add("names too long for " + dialect.id() + " (the database refuses them or silently cuts"
                    + " them short):\n  - " + String.join("\n  - ", tooLong));
        }
        return new VerifyReport.Step("lint", VerifyReport.Outcome.FAILED, summary, failures, notes);
    }

    /** {@code V5__drop_fax.sql} when that migration's header acknowledges {@code target}. */
    private static Optional<String> inHeader(List<AcknowledgedLoss.Header> headers, String target) {
        return headers.stream().filter(h -> h.acknowledging(target).isPresent()).map(AcknowledgedLoss.Header::file).findFirst();
    }

    /**
     * Header acknowledgements that name no destructive change: they acknowledge nothing (a typo, or
     * a change that was undone), and say so rather than stand silently in the migration.
     */
    private static List<String> unused(List<AcknowledgedLoss.Header> headers, List<Hazard> hazards,
                                       List<SchemaChange> changes, String since) {
        List<String> dropped = new ArrayList<>(hazards.stream().filter(h -> h.kind().destructive()).map(Hazard::target).toList());
        ProbableRename.find(changes).forEach(r -> dropped.add(PendingChanges.dropTarget(r)));
        List<String> out = new ArrayList<>();
        for (AcknowledgedLoss.Header header : headers) {
            for (String target : header.targets()) {
                if (dropped.stream().noneMatch(d -> Identifiers.sameName(d, target))) {
                    out.add(header.file() + " acknowledges the loss of " + target + ", but no change " + since
                            + " loses it: the line acknowledges nothing (name the table, table.column or enum class"
                            + " as the change list does)");
                }
            }
        }
        return out;
    }

    private static final String NAME = "[\"`\\[]?%s[\"`\\]]?";

    /**
     * Whether a migration's SQL gives {@code table.column} a value for existing rows, in the forms
     * {@code generate} writes them: an {@code update <table> set <column> =} (the backfill of a column
     * added nullable and then made NOT NULL), a {@code coalesce} or a constant in the insert of a
     * SQLite table rebuild ({@code insert into jm_new_<table> (..., <column>, ...)}), or the column
     * added with a {@code default}. Names are matched with or without quotes, case-insensitively.
     */
    static boolean fills(String sql, String table, String column) {
        String t = String.format(NAME, Pattern.quote(table));
        String c = String.format(NAME, Pattern.quote(column));
        int flags = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
        String text = sql.replaceAll("--[^\n]*", " ");
        return Pattern.compile("\\bupdate\\s+(\\S+\\.)?" + t + "\\s+set\\s+([^;]*[\\s,])?" + c + "\\s*=", flags).matcher(text).find()
                || Pattern.compile("\\binsert\\s+into\\s+" + String.format(NAME, "jm_new_" + Pattern.quote(table))
                        + "\\s*\\(([^)]*[\\s,(])?" + c + "\\s*[,)]", flags).matcher(text).find()
                || Pattern.compile("\\balter\\s+table\\s+(\\S+\\.)?" + t + "\\s+add\\s+(column\\s+)?" + c
                        + "\\s[^;]*\\bdefault\\b", flags).matcher(text).find();
    }
}
