package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.Hazards;
import io.github.jpamigrate.core.diff.ProbableRename;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.sql.RenderOptions;

import java.util.List;

/**
 * The changes from the snapshot to the model under the user's options, with what stands between
 * them and a migration: drops and adds that look like renames nobody declared, and hazards nobody
 * acknowledged.
 *
 * @param models          the snapshot and the model
 * @param options         the options the changes were computed with (including renames confirmed when asked)
 * @param changes         snapshot -> model
 * @param probableRenames drop + add pairs that may be renames, whose drop was not acknowledged either
 * @param hazards         every hazard of the changes, acknowledged or not
 */
public record PendingChanges(ProjectModels models, ChangeOptions options, List<SchemaChange> changes,
                             List<ProbableRename> probableRenames, List<Hazard> hazards) {

    public PendingChanges {
        changes = List.copyOf(changes);
        probableRenames = List.copyOf(probableRenames);
        hazards = List.copyOf(hazards);
    }

    public static PendingChanges of(ProjectModels models, ChangeOptions options) {
        return of(models, options, null);
    }

    /**
     * @param dialects the ids of the databases the migration is written for (a cast that fails on one
     *                 of them is a hazard); {@code null} when not known, which assumes every database
     */
    public static PendingChanges of(ProjectModels models, ChangeOptions options, List<String> dialects) {
        List<SchemaChange> changes = SchemaDiff.compare(models.snapshot(), models.model(), options.renames());
        List<ProbableRename> renames = ProbableRename.find(changes).stream()
                .filter(r -> !options.dropAcknowledged(dropTarget(r)))
                .toList();
        RenderOptions render = options.render();
        List<Hazard> hazards = dialects == null
                ? Hazards.find(changes, models.model(), (t, c) -> render.backfill(t, c).isPresent())
                : Hazards.find(changes, models.model(), (t, c) -> render.backfill(t, c).isPresent(), dialects);
        return new PendingChanges(models, options, changes, renames, hazards);
    }

    /** The name {@code allowDestructive} takes to say "this really is a drop". */
    public static String dropTarget(ProbableRename rename) {
        return rename.tableRename() ? rename.oldName() : rename.table() + "." + rename.oldName();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Hazards that stop {@code generate}: destructive ones not acknowledged, and every missing value. */
    public List<Hazard> blockingHazards() {
        return hazards.stream().filter(h -> !options.acknowledged(h)).toList();
    }

    /** Each probable rename with the two options that resolve it, one per line. */
    public static String renameChoices(List<ProbableRename> renames) {
        StringBuilder out = new StringBuilder();
        for (ProbableRename rename : renames) {
            out.append("\n  - ").append(rename.describe())
                    .append("\n      a rename (keeps the values): -Djpamigrate.rename=").append(rename.declaration())
                    .append("\n      a drop and an add (loses the values): -Djpamigrate.allowDestructive=")
                    .append(dropTarget(rename));
        }
        return out.toString();
    }

    /** Each hazard with its fix, one per line. */
    public static String hazardList(List<Hazard> hazards) {
        StringBuilder out = new StringBuilder();
        for (Hazard hazard : hazards) {
            out.append("\n  - ").append(hazard.describe());
        }
        return out.toString();
    }
}
