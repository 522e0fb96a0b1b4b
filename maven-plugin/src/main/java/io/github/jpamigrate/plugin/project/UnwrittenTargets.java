package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.SnapshotFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets whose migrations were never written while the project already has migrations: a
 * vendor added to {@code dialects} (its folder is empty while another vendor's is not), or a
 * changed {@code dialect} (the snapshot records the dialects the folder's migrations are written
 * for, and this one is not among them). Neither can be served by the next migration alone, which
 * holds only the changes since the snapshot: such a target first needs the whole schema, its
 * baseline migration ({@code jpa-migrate:baseline}). {@code generate} refuses to write the next
 * migration, {@code check} fails and {@code verify} fails the vendor's replay step, each naming
 * that command.
 *
 * @param newVendors  targets whose folder has no migration while another target's has
 * @param newDialects targets whose folder holds migrations written for another dialect
 * @param newest      the newest version of any target's folder (the version their baseline takes); null without migrations
 * @param recorded    the dialects the snapshot records its migrations as written for (none: not known)
 */
public record UnwrittenTargets(List<Target> newVendors, List<Target> newDialects, MigrationVersion newest,
                               List<String> recorded) {

    public UnwrittenTargets {
        newVendors = List.copyOf(newVendors);
        newDialects = List.copyOf(newDialects);
        recorded = List.copyOf(recorded);
    }

    /**
     * The unwritten targets among {@code targets}, judged by their folders and the committed
     * snapshot at {@code layout.snapshot()}.
     *
     * @throws io.github.jpamigrate.plugin.io.ProjectFileException when the snapshot or a folder cannot be read
     */
    public static UnwrittenTargets read(ProjectLayout layout, List<Target> targets) throws IOException {
        return of(targets, new SnapshotFile(layout.snapshot()).readSnapshot());
    }

    /**
     * @param snapshot the committed snapshot, when there is one (its recorded dialects, when known)
     */
    public static UnwrittenTargets of(List<Target> targets, Optional<Snapshot> snapshot) throws IOException {
        List<Target> empty = new ArrayList<>();
        List<Target> written = new ArrayList<>();
        MigrationVersion newest = null;
        for (Target target : targets) {
            List<MigrationVersion> claimed = new MigrationDirectory(target.layout().migrationDirectory()).claimedVersions();
            if (claimed.isEmpty()) {
                empty.add(target);
            } else {
                written.add(target);
                MigrationVersion last = claimed.get(claimed.size() - 1);
                newest = newest == null || last.compareTo(newest) > 0 ? last : newest;
            }
        }
        List<String> recorded = snapshot.map(Snapshot::dialects).orElse(List.of());
        List<Target> newDialects = recorded.isEmpty() ? List.of()
                : written.stream().filter(t -> !recorded.contains(t.dialect().id())).toList();
        return new UnwrittenTargets(written.isEmpty() ? List.of() : empty, newDialects, newest, recorded);
    }

    /** Only {@code target}'s part: what one vendor's step reports. */
    public UnwrittenTargets only(Target target) {
        return new UnwrittenTargets(newVendors.stream().filter(target::equals).toList(),
                newDialects.stream().filter(target::equals).toList(), newest, recorded);
    }

    public boolean contains(Target target) {
        return newVendors.contains(target) || newDialects.contains(target);
    }

    public boolean isEmpty() {
        return newVendors.isEmpty() && newDialects.isEmpty();
    }

    /** Every unwritten target, new vendors first. */
    public List<Target> all() {
        List<Target> all = new ArrayList<>(newVendors);
        all.addAll(newDialects);
        return all;
    }

    /**
     * The failure {@code generate} reports instead of a migration (or "No model change"): what is
     * missing for which target, and the command that writes it.
     */
    public WorkflowFailure failure(ProjectLayout layout) {
        return new WorkflowFailure(problem(layout, " Nothing was written."));
    }

    /**
     * What is missing for which target and the command that writes it, as {@code check} and
     * {@code verify} report it.
     */
    public String problem(ProjectLayout layout) {
        return problem(layout, "");
    }

    private String problem(ProjectLayout layout, String written) {
        StringBuilder message = new StringBuilder("the migrations exist up to V" + newest + ", but");
        for (Target target : newVendors) {
            message.append("\n  - ").append(layout.show(target.layout().migrationDirectory())).append("/ (")
                    .append(target.dialect().id()).append(") has none: a new vendor needs the whole schema first,"
                            + " not only the next change");
        }
        for (Target target : newDialects) {
            message.append("\n  - ").append(layout.show(target.layout().migrationDirectory())).append("/ holds migrations")
                    .append(" written for ").append(String.join(", ", recorded)).append(" (as ")
                    .append(layout.show(layout.snapshot())).append(" records), not for ").append(target.dialect().id());
        }
        message.append("\nRun mvn jpa-migrate:baseline: it writes B").append(newest).append("__<slug>.sql for ")
                .append(String.join(", ", all().stream().map(t -> t.dialect().id()).toList()))
                .append(" from the snapshot (the schema at V").append(newest).append("), proven on a scratch database;"
                        + " after that generate writes one migration per target as usual.").append(written)
                .append(" (To go back instead, restore <dialect>/<dialects> in the pom.xml.)");
        return message.toString();
    }
}
