package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.FlywayChecksum;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.generate.MigrationDraft;
import io.github.jpamigrate.plugin.generate.SelfCheck;
import io.github.jpamigrate.plugin.git.GitRepository;
import io.github.jpamigrate.plugin.git.RevisionFiles;
import io.github.jpamigrate.plugin.io.AtomicFileSet;
import io.github.jpamigrate.plugin.io.GenerateLock;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.AcknowledgedLoss;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code rebase}: on a branch that merged the main line, this branch's own migrations (those that
 * are neither at the merge base nor on the merged line) are renumbered after the newest merged
 * migration, with their undo scripts and {@code .conf} files, and the branch's migration is
 * regenerated against the merged line's snapshot, so that a table rebuild or a backfill sees the
 * other branch's columns. A migration edited by hand after generation (its checksum is not the one
 * its snapshot recorded) is refused unless kept as it is ({@code keep}: then it is only renumbered).
 * Released migrations (at {@code -Djpamigrate.base}) are never touched. One atomic file set, under
 * the lock {@code generate} takes.
 *
 * <p><b>Online follow-ups.</b> A {@code generate} with the online forms may write two migrations,
 * {@code V<n>} and {@code V<n+1>__complete_v<n>_online.sql} (run outside a transaction). Its snapshot
 * stamp names the follow-up and records the migration it completes with that one's checksum
 * ({@link MigrationStamp#completes()}); every checksum rebase compares comes from those stamps in
 * the branch's snapshot history, for both files alike. A follow-up whose recorded stamp completes
 * another of the branch's migrations joins it as one unit: both are checked for hand edits, both
 * (with their {@code .conf} files and undo scripts) are removed, and the regenerated migration is
 * written with its own follow-up, if the merged change needs one, at the next two versions; the
 * self-check replays the folder without both old files. {@code keep} names the unit by either
 * file. Two separate generates remain two units and take the refusal of a branch with several
 * migrations (kept, or squashed first).
 */
public final class RebaseWorkflow {

    private final WorkflowLog log;
    private final Clock clock;

    public RebaseWorkflow(WorkflowLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * One of this branch's generates: its migration's version and, per target, its file and the
     * online follow-up that completes it (in the targets where that generate wrote one).
     */
    private record Own(MigrationVersion version, Map<Target, Path> files, Map<Target, Path> followUps) {

        MigrationFile file() {
            return FolderScan.file(files.values().iterator().next());
        }

        /** The follow-up's file (the same name in every target that has one), or null. */
        MigrationFile followUp() {
            return followUps.isEmpty() ? null : FolderScan.file(followUps.values().iterator().next());
        }

        /** Every file of the unit, per target: the migration, then its follow-up. */
        List<Map.Entry<Target, Path>> all() {
            List<Map.Entry<Target, Path>> out = new ArrayList<>(files.entrySet());
            out.addAll(followUps.entrySet());
            return out;
        }

        String names() {
            return file().fileName() + (followUp() == null ? "" : " with " + followUp().fileName());
        }
    }

    /**
     * What the branch's snapshots recorded, by folder and file name ({@link #key}): the Flyway
     * checksum of every migration they name (follow-ups and the migrations they complete), and for
     * each follow-up the file name of the migration it completes.
     */
    private record Recorded(Map<String, Integer> checksums, Map<String, String> completes) {
    }

    /**
     * @return the files written (the removed old names are logged)
     * @throws WorkflowFailure when the user has to decide first; nothing is written then
     */
    public List<Path> run(RebaseRequest request) throws IOException {
        ProjectLayout layout = request.layout();
        try (GenerateLock lock = GenerateLock.acquire(layout.lockFile())) {
            AtomicFileSet.recover(layout.writeJournal()).ifPresent(log::warn);
            try (GitRepository git = GitRepository.open(layout.projectDirectory(), "rebase", "jpamigrate.onto")) {
                return rebase(request, git);
            }
        }
    }

    private List<Path> rebase(RebaseRequest request, GitRepository git) throws IOException {
        ProjectLayout layout = request.layout();
        String[] sides = sides(request, git);
        String ours = sides[0];
        String theirs = sides[1];
        String mergeBase = git.mergeBase(ours, theirs);
        RevisionFiles atBase = git.at(mergeBase);
        RevisionFiles atTheirs = git.at(theirs);
        RevisionFiles released = request.base() == null ? null : git.at("jpamigrate.base", request.base());

        List<Target> targets = request.targets().resolve(layout, MigrationTargets.defaultFlyway(layout, request.targets()),
                request.shadows());
        TreeMap<MigrationVersion, Own> own = new TreeMap<>();
        List<MigrationVersion> merged = new ArrayList<>();
        Map<Target, MigrationVersion> mergedNewest = new HashMap<>();
        boolean theirsAdded = false;
        for (Target target : targets) {
            FolderScan scan = FolderScan.of(target.layout().migrationDirectory(), target.layout().undoDirectory());
            for (var entry : scan.migrations().entrySet()) {
                for (Path path : entry.getValue()) {
                    boolean atMergeBase = atBase.read(path).isPresent();
                    if (!atMergeBase && atTheirs.read(path).isEmpty()) {
                        if (released != null && released.read(path).isPresent()) {
                            throw new WorkflowFailure(layout.show(path) + " is released (it is at jpamigrate.base="
                                    + request.base() + "), and released migrations are never renumbered or rewritten."
                                    + " Nothing was written. If it is not released, give the release tag as"
                                    + " -Djpamigrate.base; if it is, keep it and renumber the other branch's migration"
                                    + " instead (run rebase on that branch).");
                        }
                        own.computeIfAbsent(entry.getKey(), v -> new Own(v, new LinkedHashMap<>(), new LinkedHashMap<>()))
                                .files().put(target, path);
                    } else {
                        merged.add(entry.getKey());
                        mergedNewest.merge(target, entry.getKey(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                        theirsAdded |= !atMergeBase;
                    }
                }
            }
        }
        Recorded records = recorded(git, layout, mergeBase, ours);
        joinFollowUps(request.targets(), own, records);
        if (own.isEmpty()) {
            log.info("This branch added no migration since it left " + theirs + " (merge base " + abbreviate(mergeBase)
                    + "): nothing to rebase.");
            return List.of();
        }
        if (!theirsAdded) {
            log.info("The merged line added no migration since this branch left it (merge base " + abbreviate(mergeBase)
                    + "), so " + names(own) + " already follow" + (own.size() == 1 ? "s" : "") + " its newest: nothing"
                    + " to rebase.");
            return List.of();
        }
        Map<String, Integer> recorded = records.checksums();
        List<Own> kept = new ArrayList<>();
        List<Own> regenerate = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Own migration : own.values()) {
            if (isKept(request, migration)) {
                kept.add(migration);
                continue;
            }
            regenerate.add(migration);
            for (var file : migration.all()) {
                Integer checksum = recorded.get(key(request.targets(), file.getKey(), FolderScan.file(file.getValue())));
                int now = FlywayChecksum.of(Files.readAllBytes(file.getValue()));
                if (checksum == null) {
                    refused.add(layout.show(file.getValue()) + ": no snapshot of this branch records it, so JPA Migrate"
                            + " cannot tell whether it was edited by hand (written by hand, or before JPA Migrate"
                            + " recorded migrations in the snapshot)");
                } else if (checksum != now) {
                    refused.add(layout.show(file.getValue()) + ": edited by hand after generate (Flyway checksum "
                            + now + ", generated as " + checksum + ")");
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new WorkflowFailure("rebase regenerates this branch's migrations, which would lose what was written"
                    + " into them by hand:\n  - " + String.join("\n  - ", refused) + "\nNothing was written. To keep"
                    + " them as they are (only renumbered; check their SQL against the merged schema yourself), run:\n"
                    + "  mvn jpa-migrate:rebase -Djpamigrate.keep=" + String.join(",", regenerate.stream()
                            .map(o -> o.version().toString()).toList()));
        }
        if (!regenerate.isEmpty() && own.size() > 1) {
            throw new WorkflowFailure("this branch added " + own.size() + " migrations (" + names(own) + "), and"
                    + " rebase regenerates a branch's migration only when it is the only one: the schema between"
                    + " them on top of the merged line is not known without replaying them. Nothing was written."
                    + " Either keep them as they are (only renumbered):\n  mvn jpa-migrate:rebase -Djpamigrate.keep="
                    + String.join(",", own.keySet().stream().map(MigrationVersion::toString).toList())
                    + "\nor squash them into one first: delete them (with their undo scripts and .conf files), take the"
                    + " merged line's snapshot (git checkout " + theirs + " -- " + layout.show(layout.snapshot())
                    + ") and run mvn jpa-migrate:generate.");
        }
        Map<MigrationVersion, MigrationVersion> renumbered = new LinkedHashMap<>();
        Map<MigrationVersion, MigrationVersion> followUpAt = new HashMap<>();
        List<MigrationVersion> taken = new ArrayList<>(merged);
        for (Own migration : own.values()) {
            MigrationVersion next = request.versionScheme().next(taken, clock.instant());
            taken.add(next);
            renumbered.put(migration.version(), next);
            // the follow-up takes the version after its migration's, as generate numbers it
            MigrationVersion followUp = request.versionScheme().next(taken, clock.instant());
            followUpAt.put(migration.version(), followUp);
            if (migration.followUp() != null) {
                taken.add(followUp);
            }
        }
        refusePendingContract(layout, List.of(atTheirs, git.at(ours)));
        AtomicFileSet files = new AtomicFileSet(layout.writeJournal());
        List<MigrationStamp> stamps = new ArrayList<>();
        SchemaModel model = ProjectModels.descriptor(layout);
        if (regenerate.isEmpty()) {
            keepAll(request, own, renumbered, followUpAt, mergedNewest, files, stamps);
        } else {
            Own migration = regenerate.get(0);
            regenerate(request, migration, renumbered.get(migration.version()), followUpAt.get(migration.version()),
                    model, snapshotAt(atTheirs, layout, theirs), changesOf(git, layout, atBase, ours), mergedNewest,
                    files, stamps);
        }
        files.replace(layout.snapshot(), SnapshotFile.content(model, stamps,
                request.targets().dialects().stream().map(d -> d.id()).toList()));
        List<Path> written = files.commit();
        renumbered.forEach((from, to) -> log.info("Renumbered " + own.get(from).names() + " to "
                + MigrationFile.versioned(to, own.get(from).file().description()).fileName()
                + (own.get(from).followUp() == null || !regenerate.isEmpty() ? "" : " with "
                        + MigrationFile.versioned(followUpAt.get(from), own.get(from).followUp().description()).fileName())
                + (regenerate.isEmpty() ? " (kept as it is)" : " (regenerated against " + theirs + "'s snapshot)")
                + ", with " + (own.get(from).followUp() == null ? "its" : "their") + " undo script and .conf files."));
        for (Path path : written) {
            log.info("Wrote " + layout.show(path));
        }
        log.info("Next: mvn jpa-migrate:verify (it replays the folder and compares it with the model), then"
                + " git add the migration folder, the undo folder and the snapshot and commit"
                + (git.mergeHead().isPresent() ? " (that finishes the merge)." : "."));
        return written;
    }

    /** [ours, theirs]: the branch's side and the merged line's. */
    private static String[] sides(RebaseRequest request, GitRepository git) throws IOException {
        if (request.onto() != null && !request.onto().isBlank()) {
            return new String[] {"HEAD", request.onto().strip()};
        }
        Optional<String> merging = git.mergeHead();
        if (merging.isPresent()) {
            return new String[] {"HEAD", merging.get()};
        }
        List<String> parents = git.parents("HEAD");
        if (parents.size() == 2) {
            return new String[] {parents.get(0), parents.get(1)};
        }
        throw new WorkflowFailure("rebase works on a branch that has merged the main line, and HEAD is not a merge"
                + " and no merge is under way. Merge first (git merge main; if the snapshot conflicts, leave it"
                + " conflicted or take either side), then run mvn jpa-migrate:rebase; or name the merged line:"
                + " -Djpamigrate.onto=main.");
    }

    /**
     * The one migration of the branch (with its follow-up), regenerated from the merged line's
     * snapshot to the merged build's model, with its own follow-up at {@code followUpVersion} when
     * the merged change needs one.
     */
    private void regenerate(RebaseRequest request, Own migration, MigrationVersion version,
                            MigrationVersion followUpVersion, SchemaModel model, Snapshot theirs,
                            List<String> branchChanges, Map<Target, MigrationVersion> mergedNewest, AtomicFileSet files,
                            List<MigrationStamp> stamps) throws IOException {
        ProjectModels models = new ProjectModels(theirs.model(), model, true);
        List<String> dialects = request.targets().dialects().stream().map(d -> d.id()).toList();
        // What the branch's migration acknowledged in its header stays acknowledged in the regenerated one.
        List<String> acknowledged = new ArrayList<>();
        for (Path old : migration.files().values()) {
            AcknowledgedLoss.read(old).ifPresent(header -> acknowledged.addAll(header.targets()));
        }
        PendingChanges pending = PendingChanges.of(models, request.options().withAcknowledged(acknowledged), dialects);
        String name = migration.file().fileName();
        if (pending.isEmpty()) {
            throw new WorkflowFailure("the merged line's snapshot already is the model of this build, so "
                    + migration.names() + " ha" + (migration.followUp() == null ? "s" : "ve") + " nothing left to do"
                    + " (the other branch made the same change). Nothing was written. Delete " + migration.names()
                    + " with " + (migration.followUp() == null ? "its" : "their") + " undo script and .conf files,"
                    + " and take the merged line's snapshot.");
        }
        if (!pending.probableRenames().isEmpty()) {
            throw new WorkflowFailure("regenerating " + name + " against the merged snapshot meets a drop and an add"
                    + " that look like a rename, and JPA Migrate never guesses one (give the rename you gave generate"
                    + " again). Say which it is:" + PendingChanges.renameChoices(pending.probableRenames())
                    + "\nNothing was written.");
        }
        if (!pending.blockingHazards().isEmpty()) {
            throw new WorkflowFailure("regenerating " + name + " against the merged snapshot would lose data or fail"
                    + " on a table with rows (give the options you gave generate again); nothing was written:"
                    + PendingChanges.hazardList(pending.blockingHazards()));
        }
        Set<String> now = new LinkedHashSet<>(pending.changes().stream().map(SchemaChange::describe).toList());
        if (!now.equals(new LinkedHashSet<>(branchChanges))) {
            log.warn("The regenerated migration's changes are not exactly the ones " + name + " made on the branch"
                    + " (the merged entities differ from both sides). Before: " + branchChanges + "; now: " + now
                    + ". Review it.");
        }
        MigrationFile file = MigrationFile.versioned(version, migration.file().description());
        MigrationFile followUp = MigrationFile.versioned(followUpVersion, GenerateWorkflow.followUpSlug(version));
        String title = "V" + version + ": " + migration.file().readableDescription();
        for (var entry : migration.files().entrySet()) {
            Target target = entry.getKey();
            List<Path> old = new ArrayList<>(List.of(entry.getValue()));
            Optional.ofNullable(migration.followUps().get(target)).ifPresent(old::add);
            MigrationDraft draft = MigrationDraft.render(pending, target.dialect(), file, title, followUp);
            selfCheck(target, old, draft, theirs.model(), model);
            for (Path path : old) {
                removeOld(files, target, path);
            }
            GenerateWorkflow.stage(files, target, draft, log);
            stamps.add(GenerateWorkflow.stamp(folder(request.targets(), target), draft, mergedNewest.get(target)));
        }
    }

    /**
     * Proves the regenerated migration as {@code generate} proves a new one: the folder without the
     * branch's old migration (and its old follow-up), plus the new one (and its follow-up), replayed
     * on a scratch database must give the model.
     */
    private void selfCheck(Target target, List<Path> old, MigrationDraft draft, SchemaModel before, SchemaModel after)
            throws IOException {
        if (!target.hasScratchDatabase()) {
            log.warn("Self-check" + target.label() + " skipped: a scratch " + SelfCheck.engine(target.dialect())
                    + " database needs a server (<shadowUrl> or -Djpamigrate.shadowUrl=jdbc:...). Run mvn"
                    + " jpa-migrate:verify before committing.");
            return;
        }
        ProjectLayout layout = target.layout();
        Path staged = layout.workDirectory().resolve("rebase").resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(staged);
            Set<Path> left = new HashSet<>();
            for (Path path : old) {
                left.add(path);
                left.add(path.resolveSibling(path.getFileName() + ".conf"));
            }
            String oldNames = String.join(" and ", old.stream().map(p -> p.getFileName().toString()).toList());
            String newNames = draft.file().fileName()
                    + (draft.followUpFile() == null ? "" : " and " + draft.followUpFile().fileName());
            try (Stream<Path> scripts = Files.walk(layout.migrationDirectory())) {
                for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                    if (!left.contains(script)) {
                        Path copy = staged.resolve(layout.migrationDirectory().relativize(script).toString());
                        Files.createDirectories(copy.getParent());
                        Files.copy(script, copy);
                    }
                }
            }
            Target without = new Target(target.dialect(), new ProjectLayout(layout.projectDirectory(), layout.descriptor(),
                    layout.snapshot(), staged, layout.undoDirectory(), layout.workDirectory()), target.flyway(),
                    target.shadow(), target.label());
            new SelfCheck(without).verify(draft, before, after);
            log.info("Self-check passed" + target.label() + ": the folder with " + newNames
                    + " instead of " + oldNames + " replays to the model on a scratch "
                    + SelfCheck.engine(target.dialect()) + " database.");
        } catch (java.sql.SQLException e) {
            throw new WorkflowFailure("the self-check of " + draft.file().fileName() + " could not use its scratch"
                    + " database: " + e.getMessage() + ". Nothing was written.", e);
        } finally {
            deleteTree(staged);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Every migration of the branch kept as it is, under its new number, with its undo script and
     * .conf files; a follow-up moves with its migration, to the version after the migration's.
     */
    private void keepAll(RebaseRequest request, TreeMap<MigrationVersion, Own> own,
                         Map<MigrationVersion, MigrationVersion> renumbered, Map<MigrationVersion, MigrationVersion> followUpAt,
                         Map<Target, MigrationVersion> mergedNewest, AtomicFileSet files, List<MigrationStamp> stamps)
            throws IOException {
        Map<Target, MigrationStamp> newest = new LinkedHashMap<>();
        Map<Target, MigrationVersion> previous = new HashMap<>(mergedNewest);
        for (Own migration : own.values()) {
            MigrationVersion to = renumbered.get(migration.version());
            for (var entry : migration.files().entrySet()) {
                Target target = entry.getKey();
                String folder = folder(request.targets(), target);
                int checksum = FlywayChecksum.of(Files.readString(entry.getValue(), StandardCharsets.UTF_8));
                MigrationFile renamed = renumber(files, target, entry.getValue(), to);
                Path followUp = migration.followUps().get(target);
                if (followUp == null) {
                    newest.put(target, new MigrationStamp(folder, renamed, checksum, previous.get(target)));
                    previous.put(target, to);
                } else {
                    MigrationVersion next = followUpAt.get(migration.version());
                    int followUpChecksum = FlywayChecksum.of(Files.readString(followUp, StandardCharsets.UTF_8));
                    MigrationFile renamedFollowUp = renumber(files, target, followUp, next);
                    newest.put(target, new MigrationStamp(folder, renamedFollowUp, followUpChecksum, previous.get(target),
                            new MigrationStamp.Completed(renamed, checksum)));
                    previous.put(target, next);
                }
            }
            boolean pair = migration.followUp() != null;
            log.warn(migration.names() + (pair ? " are kept as they were" : " is kept as it was") + " written"
                    + " (-Djpamigrate.keep): " + (pair ? "they were" : "it was") + " written against this branch's old"
                    + " base, not the merged schema; " + (pair ? "their headers still name" : "its header still names")
                    + " version " + migration.version() + ". Run mvn jpa-migrate:verify before committing.");
        }
        stamps.addAll(newest.values());
    }

    /** Moves one migration, its undo script and their .conf files to version {@code to}; returns its new name. */
    private static MigrationFile renumber(AtomicFileSet files, Target target, Path from, MigrationVersion to)
            throws IOException {
        MigrationFile old = FolderScan.file(from);
        MigrationFile renamed = MigrationFile.versioned(to, old.description());
        move(files, from, from.resolveSibling(renamed.fileName()));
        Path undo = target.layout().undoDirectory().resolve(old.undo().fileName());
        move(files, undo, undo.resolveSibling(renamed.undo().fileName()));
        return renamed;
    }

    /** Moves a script and its .conf file, if they exist, within the one file set. */
    private static void move(AtomicFileSet files, Path from, Path to) throws IOException {
        for (String suffix : List.of("", ".conf")) {
            Path source = from.resolveSibling(from.getFileName() + suffix);
            if (Files.isRegularFile(source)) {
                files.create(to.resolveSibling(to.getFileName() + suffix), Files.readString(source, StandardCharsets.UTF_8));
                files.delete(source);
            }
        }
    }

    /** The old migration, its undo script and their .conf files, removed in the set that writes their successors. */
    private static void removeOld(AtomicFileSet files, Target target, Path migration) throws IOException {
        MigrationFile old = FolderScan.file(migration);
        Path undo = target.layout().undoDirectory().resolve(old.undo().fileName());
        for (Path path : List.of(migration, undo)) {
            for (String suffix : List.of("", ".conf")) {
                Path file = path.resolveSibling(path.getFileName() + suffix);
                if (Files.isRegularFile(file)) {
                    files.delete(file);
                }
            }
        }
    }

    /**
     * What the branch's snapshots recorded (each version of the snapshot file between the merge base
     * and the branch, and the file on disk): checksums by folder and file name, the migration a
     * follow-up completes included, and which migration each follow-up completes.
     */
    private static Recorded recorded(GitRepository git, ProjectLayout layout, String since, String until)
            throws IOException {
        Map<String, Integer> checksums = new HashMap<>();
        Map<String, String> completes = new HashMap<>();
        List<byte[]> versions = new ArrayList<>(git.history(layout.snapshot(), since, until));
        if (Files.isRegularFile(layout.snapshot())) {
            versions.add(Files.readAllBytes(layout.snapshot()));
        }
        for (byte[] content : versions) {
            try {
                for (MigrationStamp stamp : DescriptorJson.readSnapshot(content, layout.show(layout.snapshot())).migrations()) {
                    String key = stamp.folder() + "/" + stamp.file().fileName();
                    checksums.putIfAbsent(key, stamp.checksum());
                    if (stamp.completes() != null) {
                        checksums.putIfAbsent(stamp.folder() + "/" + stamp.completes().file().fileName(),
                                stamp.completes().checksum());
                        completes.putIfAbsent(key, stamp.completes().file().fileName());
                    }
                }
            } catch (DescriptorException e) {
                // a version with merge conflict markers, or unreadable: it records nothing
            }
        }
        return new Recorded(checksums, completes);
    }

    /**
     * Joins each follow-up to the migration its recorded stamp says it completes, when both are the
     * branch's own and it is that migration's follow-up in every target that has it: one unit, as
     * one generate wrote them. Anything else stays a migration of its own.
     */
    private static void joinFollowUps(MigrationTargets targets, TreeMap<MigrationVersion, Own> own, Recorded recorded) {
        for (Own candidate : List.copyOf(own.values())) {
            Own completed = null;
            boolean joins = true;
            for (var file : candidate.files().entrySet()) {
                String name = recorded.completes().get(key(targets, file.getKey(), FolderScan.file(file.getValue())));
                Own unit = name == null ? null : MigrationFile.parse(name).map(f -> own.get(f.version())).orElse(null);
                Path main = unit == null ? null : unit.files().get(file.getKey());
                if (unit == null || unit == candidate || main == null || !main.getFileName().toString().equals(name)
                        || !unit.followUps().isEmpty() || completed != null && completed != unit) {
                    joins = false;
                    break;
                }
                completed = unit;
            }
            if (joins && completed != null) {
                completed.followUps().putAll(candidate.files());
                own.remove(candidate.version());
            }
        }
    }

    private static String key(MigrationTargets targets, Target target, MigrationFile file) {
        return folder(targets, target) + "/" + file.fileName();
    }

    private static String folder(MigrationTargets targets, Target target) {
        return targets.vendorFolders() ? MigrationTargets.vendor(target.dialect()) : "";
    }

    /** Whether {@code keep} names the unit, by its migration's or its follow-up's version or file name. */
    private static boolean isKept(RebaseRequest request, Own migration) {
        List<MigrationFile> files = migration.followUp() == null ? List.of(migration.file())
                : List.of(migration.file(), migration.followUp());
        return request.keep().stream().map(String::strip).anyMatch(k -> files.stream().anyMatch(file ->
                k.equals(file.fileName())
                || k.replaceFirst("^[Vv]", "").equals(file.version().toString())
                || k.replaceFirst("^[Vv]", "").equals(file.version().fileForm())));
    }

    /**
     * A snapshot between an expand and a contract step ({@code expanded}) is not carried over by
     * rebase yet: its model keeps old columns the regenerated snapshot would lose.
     */
    private static void refusePendingContract(ProjectLayout layout, List<RevisionFiles> sides) throws IOException {
        List<String> pending = new ArrayList<>();
        for (RevisionFiles side : sides) {
            Optional<byte[]> content = side.read(layout.snapshot());
            if (content.isEmpty()) {
                continue;
            }
            try {
                DescriptorJson.readSnapshot(content.get(), layout.show(layout.snapshot())).expanded().stream()
                        .map(e -> e.describe()).filter(e -> !pending.contains(e)).forEach(pending::add);
            } catch (DescriptorException e) {
                // an unreadable side is reported where the rebase reads it
            }
        }
        if (!pending.isEmpty()) {
            throw new WorkflowFailure("rebase does not carry a pending expand/contract step over yet, and the snapshot"
                    + " records one: " + String.join(", ", pending) + ". Nothing was written. Renumber the branch's"
                    + " migrations by hand, or write the contract step (-Djpamigrate.contract=true) on one line first.");
        }
    }

    private static Snapshot snapshotAt(RevisionFiles at, ProjectLayout layout, String ref) throws IOException {
        byte[] content = at.read(layout.snapshot()).orElseThrow(() -> new WorkflowFailure("the merged line (" + ref
                + ") has no snapshot at " + layout.show(layout.snapshot()) + ", so there is nothing to regenerate the"
                + " branch's migration against. Nothing was written."));
        try {
            return DescriptorJson.readSnapshot(content, ref + ":" + layout.show(layout.snapshot()));
        } catch (DescriptorException e) {
            throw new WorkflowFailure("the merged line's snapshot cannot be read: " + e.getMessage(), e);
        }
    }

    /** What the branch changed in the model since the merge base, in words. */
    private static List<String> changesOf(GitRepository git, ProjectLayout layout, RevisionFiles atBase, String ours)
            throws IOException {
        Optional<byte[]> before = atBase.read(layout.snapshot());
        Optional<byte[]> after = git.at(ours).read(layout.snapshot());
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        try {
            SchemaModel from = DescriptorJson.read(before.get(), "base snapshot");
            SchemaModel to = DescriptorJson.read(after.get(), "branch snapshot");
            return SchemaDiff.compare(from, to).stream().map(SchemaChange::describe).toList();
        } catch (DescriptorException e) {
            return List.of();
        }
    }

    private static String names(TreeMap<MigrationVersion, Own> own) {
        return String.join(", ", own.values().stream().map(Own::names).toList());
    }

    private static String abbreviate(String id) {
        return id.length() > 10 ? id.substring(0, 10) : id;
    }
}
