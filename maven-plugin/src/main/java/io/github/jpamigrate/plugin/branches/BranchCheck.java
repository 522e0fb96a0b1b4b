package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@code check} that catches what a merge of two branches leaves in the migration
 * folders, from the files alone (no git, no database): two migrations of one version, a snapshot
 * that belongs to another migration than the newest, a migration that sorts into the chain the
 * snapshot's migration was generated from without being part of it, and undo scripts and
 * {@code .conf} files whose migration is gone or was renumbered. Each problem comes with the
 * command that fixes it. An online follow-up and the migration its stamp says it completes are one
 * link of the chain: the migration sorts between the stamp's {@code after} and the follow-up
 * without being foreign to it, and must be there.
 */
public final class BranchCheck {

    /** The fix for everything a merge of two generating branches leaves behind. */
    static final String REBASE = "mvn jpa-migrate:rebase";

    private final WorkflowLog log;

    public BranchCheck(WorkflowLog log) {
        this.log = log;
    }

    /**
     * @return the problems found (none when the check passes)
     * @throws WorkflowFailure listing every problem and its fix
     */
    public List<String> run(ProjectLayout layout, MigrationTargets targets) throws IOException {
        return run(layout, targets, false);
    }

    /**
     * @param outOfOrder the project's Flyway runs with {@code outOfOrder=true}: a migration that sorts
     *                   into the chain the snapshot's migration was generated from is a warning, not a failure
     * @return the problems found (none when the check passes)
     * @throws WorkflowFailure listing every problem and its fix
     */
    public List<String> run(ProjectLayout layout, MigrationTargets targets, boolean outOfOrder) throws IOException {
        Optional<Snapshot> snapshot = new SnapshotFile(layout.snapshot()).readSnapshot();
        List<String> problems = new ArrayList<>();
        boolean unknown = false;
        for (Dialect dialect : targets.dialects()) {
            ProjectLayout folder = targets.layout(layout, dialect);
            String vendor = targets.vendorFolders() ? MigrationTargets.vendor(dialect) : "";
            FolderScan scan = FolderScan.of(folder.migrationDirectory(), folder.undoDirectory());
            duplicates(layout, scan, problems);
            Optional<MigrationStamp> stamp = snapshot.flatMap(s -> s.migration(vendor));
            if (stamp.isPresent()) {
                List<String> warnings = new ArrayList<>();
                chain(layout, scan, stamp.get(), problems, outOfOrder ? warnings : problems);
                warnings.forEach(w -> log.warn(w + " (a warning, not a failure: jpamigrate.outOfOrder is set)"));
            } else if (snapshot.isPresent() && !scan.migrations().isEmpty()) {
                unknown = true;
            }
            orphans(layout, scan, problems);
        }
        if (!problems.isEmpty()) {
            throw new WorkflowFailure("the migration folder is not one chain of migrations, as a merge of two branches"
                    + " that each generated one leaves it:\n  - " + String.join("\n  - ", problems));
        }
        if (unknown) {
            log.info("The snapshot " + layout.show(layout.snapshot()) + " does not record which migration it belongs"
                    + " to yet (it was written by an older JPA Migrate), so a merge that kept the other branch's"
                    + " snapshot cannot be told; the next mvn jpa-migrate:generate records it.");
        }
        return problems;
    }

    /** Two migrations that Flyway reads as one version: every Flyway run fails on them. */
    private static void duplicates(ProjectLayout layout, FolderScan scan, List<String> problems) {
        for (Map.Entry<MigrationVersion, List<Path>> entry : scan.migrations().entrySet()) {
            if (entry.getValue().size() > 1) {
                problems.add("version " + entry.getKey() + " has " + entry.getValue().size() + " migrations: "
                        + String.join(" and ", entry.getValue().stream().map(layout::show).toList())
                        + " (two branches each added it; every Flyway run fails on it). Fix: " + REBASE
                        + " on the branch that merged the other: it renumbers that branch's migration after the"
                        + " merged ones and regenerates it.");
            }
        }
    }

    /** The snapshot's migration, its place at the end of the folder, and the chain it was generated from. */
    private static void chain(ProjectLayout layout, FolderScan scan, MigrationStamp stamp, List<String> problems,
                              List<String> order) {
        String own = stamp.file().fileName();
        Optional<Path> present = scan.migration(stamp.file());
        if (present.isEmpty()) {
            List<MigrationFile> renumbered = scan.withDescription(stamp.file().description());
            problems.add("the snapshot belongs to " + own + " in " + stamp.folderName() + ", which is not there"
                    + (renumbered.isEmpty() ? " (it was removed)" : " (renumbered to " + String.join(", ",
                            renumbered.stream().map(MigrationFile::fileName).toList()) + " by hand?)")
                    + ", so the snapshot may not be the schema the folder builds. Fix: " + REBASE
                    + " (it regenerates the branch's migrations and the snapshot together).");
            return;
        }
        // An online follow-up and the migration it completes are one link: one generate wrote both.
        Optional<Path> completed = Optional.empty();
        if (stamp.completes() != null) {
            String first = stamp.completes().file().fileName();
            completed = scan.migration(stamp.completes().file());
            if (completed.isEmpty()) {
                List<MigrationFile> renumbered = scan.withDescription(stamp.completes().file().description());
                problems.add("the snapshot belongs to " + own + ", which completes " + first + " in "
                        + stamp.folderName() + ", but " + first + " is not there" + (renumbered.isEmpty() ? " (it was"
                        + " removed)" : " (renumbered to " + String.join(", ", renumbered.stream()
                                .map(MigrationFile::fileName).toList()) + " by hand?)")
                        + ", so the snapshot may not be the schema the folder builds. Fix: " + REBASE
                        + " (it regenerates the branch's migrations and the snapshot together).");
            }
        }
        List<String> newer = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        for (Map.Entry<MigrationVersion, List<Path>> entry : scan.migrations().entrySet()) {
            MigrationVersion version = entry.getKey();
            for (Path path : entry.getValue()) {
                if (path.equals(present.get()) || completed.isPresent() && path.equals(completed.get())) {
                    continue;
                }
                if (version.compareTo(stamp.version()) > 0) {
                    newer.add(layout.show(path));
                } else if (stamp.after() != null && version.compareTo(stamp.after()) > 0
                        || stamp.after() == null && version.compareTo(stamp.version()) <= 0) {
                    inserted.add(layout.show(path));
                }
            }
        }
        if (!newer.isEmpty()) {
            problems.add("the snapshot belongs to " + layout.show(present.get()) + ", but " + String.join(", ", newer)
                    + (newer.size() == 1 ? " is" : " are") + " newer: a merge kept the snapshot of the branch that"
                    + " wrote " + own + ", so the snapshot lacks the changes of the newer migration(s) and the next"
                    + " generate would repeat them. Fix: " + REBASE + ".");
        }
        if (!inserted.isEmpty()) {
            order.add(String.join(", ", inserted) + (inserted.size() == 1 ? " sorts" : " sort") + " before "
                    + layout.show(present.get()) + ", which was generated "
                    + (stamp.after() == null ? "as the first migration" : "after version " + stamp.after())
                    + " without " + (inserted.size() == 1 ? "it" : "them") + ": another branch's migration came in"
                    + " by a merge (Flyway rejects it as out of order where " + own + " is applied, and "
                    + own + " was generated without its changes). Fix: " + REBASE + ".");
        }
        if (stamp.after() != null && !scan.migrations().containsKey(stamp.after())) {
            problems.add(layout.show(present.get()) + " was generated after version " + stamp.after()
                    + ", which the folder no longer has (renumbered or removed). Fix: " + REBASE + ".");
        }
    }

    /** Undo scripts and .conf files whose migration is gone or carries another number now. */
    private static void orphans(ProjectLayout layout, FolderScan scan, List<String> problems) {
        for (Path undo : scan.undos()) {
            MigrationFile file = FolderScan.file(undo);
            MigrationFile migration = MigrationFile.versioned(file.version(), file.description());
            if (scan.migration(migration).isEmpty()) {
                problems.add(orphan(layout, undo, "undo script", migration, scan));
            }
        }
        for (Path conf : scan.confs()) {
            String script = conf.getFileName().toString();
            script = script.substring(0, script.length() - ".conf".length());
            Optional<MigrationFile> parsed = MigrationFile.parse(script);
            if (parsed.isEmpty() || parsed.get().kind() == MigrationFile.Kind.REPEATABLE) {
                continue;
            }
            MigrationFile file = parsed.get();
            boolean present = file.kind() == MigrationFile.Kind.VERSIONED ? scan.migration(file).isPresent()
                    : scan.undos().stream().anyMatch(u -> u.getFileName().toString().equals(file.fileName()));
            if (!present) {
                problems.add(orphan(layout, conf, ".conf file", MigrationFile.versioned(file.version(), file.description()),
                        scan));
            }
        }
    }

    private static String orphan(ProjectLayout layout, Path path, String what, MigrationFile migration, FolderScan scan) {
        List<MigrationFile> renumbered = scan.withDescription(migration.description());
        String name = path.getFileName().toString();
        if (renumbered.size() == 1) {
            MigrationFile now = renumbered.get(0);
            // keep the file's own spelling of versions: V1_2__x.sql or V1.2__x.sql
            int separator = name.indexOf("__");
            String version = name.substring(1, separator).contains(".") ? now.version().toString()
                    : now.version().fileForm();
            String renamed = name.charAt(0) + version + name.substring(separator);
            return "the " + what + " " + layout.show(path) + " still carries version " + migration.version() + ", but "
                    + migration.fileName() + " was renumbered to " + now.fileName() + ". Fix: git mv " + layout.show(path)
                    + " " + layout.show(path.resolveSibling(renamed)) + " (" + REBASE + " renumbers all three together).";
        }
        return "the " + what + " " + layout.show(path) + " belongs to " + migration.fileName() + ", which is gone."
                + " Fix: git rm " + layout.show(path) + ".";
    }
}
