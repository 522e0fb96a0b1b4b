package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.ExpandedModel;
import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnRenamed;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code generate} writes for one half of an expand/contract change
 * ({@code -Djpamigrate.expand}, {@code -Djpamigrate.contract}), or for neither: the changes to
 * render, the expansions the migration installs or removes, and what the snapshot then records.
 *
 * @param step       the half written
 * @param pending    the changes to render (expand: snapshot -> the expanded model, without the
 *                   expanded renames; contract: snapshot -> the entities, the kept columns dropped)
 * @param expansions the expansions this migration installs (expand) or removes (contract)
 * @param recorded   the pending contract steps the new snapshot records
 * @param snapshot   the model the new snapshot holds, or null for the pending changes' model as usual
 */
record ExpandContractStep(GenerateRequest.Step step, PendingChanges pending, List<Expansion> expansions,
                          List<Expansion> recorded, SchemaModel snapshot) {

    static ExpandContractStep plan(GenerateRequest request, List<Target> targets, ProjectModels files,
                                   PendingChanges pending, List<String> dialects) {
        return switch (request.step()) {
            case NONE -> new ExpandContractStep(request.step(), pending, List.of(), files.expanded(), null);
            case EXPAND -> expand(targets, files, pending, dialects);
            case CONTRACT -> contract(targets, files, pending, dialects);
        };
    }

    private static ExpandContractStep expand(List<Target> targets, ProjectModels files, PendingChanges pending,
                                             List<String> dialects) {
        requirePostgresql(targets, "expand");
        SchemaModel snapshot = pending.models().snapshot();
        List<Expansion> fresh = new ArrayList<>();
        for (SchemaChange change : pending.changes()) {
            if (!(change instanceof ColumnRenamed c)) {
                continue;
            }
            Table before = snapshot.table(c.table()).orElse(null);
            if (before == null) {
                throw new WorkflowFailure("-Djpamigrate.expand=true: the column rename " + c.table() + "." + c.oldColumn().name()
                        + " -> " + c.newColumn().name() + " is in a table renamed by the same migration; rename the table"
                        + " in a migration of its own first. Nothing was written.");
            }
            if (before.primaryKey() != null && before.primaryKey().columns().stream()
                    .anyMatch(k -> Identifiers.sameName(k, c.oldColumn().name()))) {
                throw new WorkflowFailure("-Djpamigrate.expand=true cannot expand the primary key column " + c.table() + "."
                        + c.oldColumn().name() + " (two keys cannot be kept in step): generate this rename without"
                        + " jpamigrate.expand. Nothing was written.");
            }
            fresh.add(Expansion.of(c.table(), c.newColumn().name(), c.oldColumn().name()));
        }
        if (fresh.isEmpty()) {
            throw new WorkflowFailure("-Djpamigrate.expand=true writes a declared column rename as an expand step, but the"
                    + " pending changes rename no column. Declare the rename (-Djpamigrate.rename=table.old:new) with"
                    + " it, or generate without jpamigrate.expand. Nothing was written.");
        }
        List<Expansion> all = new ArrayList<>(files.expanded());
        all.addAll(fresh);
        SchemaModel expanded = ExpandedModel.of(files.entities(), snapshot, all);
        ChangeOptions options = pending.options();
        Renames renames = options.renames();
        for (Expansion e : fresh) {
            renames = renames.withoutColumn(e.table(), e.table(), e.keeps());
        }
        ChangeOptions without = new ChangeOptions(renames, options.render(), options.allowAll(), options.allowedDestructive(),
                options.reconcile());
        PendingChanges changes = PendingChanges.of(new ProjectModels(snapshot, expanded, true), without, dialects);
        return new ExpandContractStep(GenerateRequest.Step.EXPAND, changes, fresh, all, expanded);
    }

    private static ExpandContractStep contract(List<Target> targets, ProjectModels files, PendingChanges pending,
                                               List<String> dialects) {
        if (files.expanded().isEmpty()) {
            throw new WorkflowFailure("-Djpamigrate.contract=true writes the contract step of an expand migration, but the"
                    + " snapshot records no pending one. Nothing was written.");
        }
        requirePostgresql(targets, "contract");
        List<String> kept = files.expanded().stream().map(e -> e.table() + "." + e.keeps()).toList();
        ChangeOptions options = pending.options().withAcknowledged(kept);
        PendingChanges changes = PendingChanges.of(new ProjectModels(pending.models().snapshot(), files.entities(), true),
                options, dialects);
        // The new columns are filled (backfill, sync trigger, and the contract step's last update): NOT NULL needs no value.
        List<Hazard> hazards = changes.hazards().stream().filter(h -> !(h.kind() == Hazard.Kind.MISSING_VALUE
                && files.expanded().stream().anyMatch(e -> Identifiers.sameName(h.target(), e.table() + "." + e.column()))))
                .toList();
        changes = new PendingChanges(changes.models(), changes.options(), changes.changes(), changes.probableRenames(), hazards);
        return new ExpandContractStep(GenerateRequest.Step.CONTRACT, changes, files.expanded(), List.of(), files.entities());
    }

    private static void requirePostgresql(List<Target> targets, String step) {
        List<String> others = targets.stream().map(t -> t.dialect()).filter(d -> d != Dialect.POSTGRESQL).map(Dialect::id).toList();
        if (!others.isEmpty()) {
            throw new WorkflowFailure("-Djpamigrate." + step + "=true writes the expand/contract steps for PostgreSQL only,"
                    + " and this project also writes for " + String.join(", ", others) + ". Generate the rename without"
                    + " jpamigrate." + step + " (its header names the expand/contract way). Nothing was written.");
        }
    }
}
