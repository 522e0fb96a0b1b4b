package io.github.jpamigrate.plugin.baseline;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.project.ClosestName;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The two models as every goal compares them once the baseline is taken into account.
 *
 * <p>The snapshot stays "the model at the newest migration". The schema the migrations really
 * build is that snapshot with every item's database side put in. An item stays accepted while the
 * model still says what it said when the item was accepted, and the user did not ask to reconcile
 * it; then the model is compared with the item's database side in its place, so the item is no
 * change. An item whose object the model changed since (or that the user reconciles) leaves the
 * baseline: the diff then goes from the database's side to the model's, which is what the
 * migration must do on a real database (a varchar(255) the model now wants as varchar(120) is a
 * narrowing, whatever the model said before).
 *
 * @param models   the snapshot and the model as the files hold them
 * @param compared the same two as the goals compare them: the database's schema, and the model
 *                 with each accepted item's database side
 * @param accepted the items that stay accepted
 * @param leaving  the items that leave the baseline (reconciled, or their object changed in the model)
 */
public record AcceptedDrift(ProjectModels models, ProjectModels compared, List<DriftItem> accepted,
                            List<DriftItem> leaving) {

    /** The word that reconciles every item. */
    public static final String ALL = "all";

    public AcceptedDrift {
        accepted = List.copyOf(accepted);
        leaving = List.copyOf(leaving);
    }

    /** The models with no baseline: compared as they are. */
    public static AcceptedDrift none(ProjectModels models) {
        return new AcceptedDrift(models, models, List.of(), List.of());
    }

    /**
     * @param reconcile the ids of the items to reconcile (or {@value #ALL}); empty for none
     * @throws WorkflowFailure naming an id that is not in the baseline, and the closest ones
     */
    public static AcceptedDrift of(ProjectModels models, DriftBaseline baseline, List<String> reconcile) {
        Set<String> asked = reconcileIds(baseline, reconcile);
        SchemaModel database = models.snapshot();
        SchemaModel model = models.model();
        List<DriftItem> accepted = new ArrayList<>();
        List<DriftItem> leaving = new ArrayList<>();
        for (DriftItem item : baseline.items()) {
            database = SchemaObjects.put(database, item, item.database());
            boolean unchanged = Objects.equals(SchemaObjects.find(models.model(), item).orElse(null), item.model());
            if (unchanged && !asked.contains(item.id())) {
                accepted.add(item);
                model = SchemaObjects.put(model, item, item.database());
            } else {
                leaving.add(item);
            }
        }
        return new AcceptedDrift(models, new ProjectModels(database, model, models.hasSnapshot()), accepted, leaving);
    }

    /**
     * The schema the migrations build where the snapshot is {@code snapshot} and the drift baseline
     * {@code baseline}: the snapshot with every item's database side put in. What {@link #compared()}
     * holds as its snapshot, for a snapshot and baseline read elsewhere (a git revision's).
     */
    public static SchemaModel database(SchemaModel snapshot, DriftBaseline baseline) {
        SchemaModel database = snapshot;
        for (DriftItem item : baseline.items()) {
            database = SchemaObjects.put(database, item, item.database());
        }
        return database;
    }

    /** The project's models through its committed drift baseline, reconciling nothing. */
    public static AcceptedDrift read(ProjectLayout layout, ProjectModels models) throws IOException {
        return of(models, new BaselineFile(layout.driftBaseline()).read(), List.of());
    }

    private static Set<String> reconcileIds(DriftBaseline baseline, List<String> reconcile) {
        Set<String> ids = new java.util.TreeSet<>();
        for (String raw : reconcile) {
            String id = raw.trim().toLowerCase(Locale.ROOT);
            if (id.equals(ALL)) {
                // an item that differs only in its name has nothing a migration could change: it stays
                baseline.items().stream().filter(item -> !item.namesOnly()).forEach(item -> ids.add(item.id()));
            } else if (baseline.item(id).filter(DriftItem::namesOnly).isPresent()) {
                DriftItem item = baseline.item(id).get();
                throw new WorkflowFailure("-Djpamigrate.reconcile names \"" + raw.trim() + "\", which differs from the model"
                        + " only in its name: " + item.describe() + ". No migration changes that, and generate writes no"
                        + " rename. To have the model's name and the database's agree, give the entity the database's name ("
                        + (item.kind() == DriftItem.Kind.INDEX ? "@Index(name = \"" : item.kind() == DriftItem.Kind.UNIQUE
                        ? "@UniqueConstraint(name = \"" : "@ForeignKey(name = \"")
                        + item.databaseName() + "\")): the item then leaves the baseline on the next generate. Nothing was"
                        + " written.");
            } else if (baseline.item(id).isPresent()) {
                ids.add(id);
            } else if (baseline.isEmpty()) {
                throw new WorkflowFailure("-Djpamigrate.reconcile names \"" + raw.trim() + "\", but the project has no"
                        + " accepted differences (no drift baseline, or an empty one). Nothing was written.");
            } else {
                throw new WorkflowFailure("-Djpamigrate.reconcile names \"" + raw.trim() + "\", which is not an item of"
                        + " the drift baseline" + ClosestName.hint(id, baseline.ids()) + ". mvn jpa-migrate:check lists"
                        + " every item with its id. Nothing was written.");
            }
        }
        return ids;
    }

    /** The baseline after this: the items that stay accepted. */
    public DriftBaseline remaining() {
        return new DriftBaseline(accepted);
    }

    /** Whether the baseline file has to be rewritten (items leave it). */
    public boolean baselineChanges() {
        return !leaving.isEmpty();
    }

    /** Each accepted item, one per line, indented, for a log or a report. */
    public static String lines(List<DriftItem> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(item -> out.append("\n  - ").append(item.describe()));
        return out.toString();
    }
}
