package io.github.jpamigrate.plugin.squash;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.json.Snapshot;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.migration.Slug;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.plugin.generate.MigrationDraft;
import io.github.jpamigrate.plugin.git.GitProblem;
import io.github.jpamigrate.plugin.git.GitRepository;
import io.github.jpamigrate.plugin.io.AtomicFileSet;
import io.github.jpamigrate.plugin.io.GenerateLock;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.UnwrittenTargets;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code baseline}: writes a Flyway baseline migration, {@code B<version>__<slug>.sql}, holding
 * the whole schema of the snapshot at migration {@code <version>} in the target's dialect. Flyway
 * applies it to an empty database and skips the versioned migrations it covers; databases with
 * history keep theirs. Two uses: squash a long history (every target, at the newest migration or
 * the one named), and start a target whose migrations were never written (a vendor added to
 * {@code dialects}, or a changed {@code dialect}), which then gets the newest version and is
 * recorded in the snapshot. Each file is proven on scratch databases before any is written, and
 * all are written together or none.
 */
public final class BaselineWorkflow {

    private final WorkflowLog log;

    public BaselineWorkflow(WorkflowLog log) {
        this.log = log;
    }

    /**
     * @return the files written
     * @throws WorkflowFailure when the request cannot be served (the message says why and what to do); nothing is written then
     */
    public List<Path> run(BaselineRequest request) throws IOException, SQLException {
        request.shadows().requireUsed(request.targets());
        ProjectLayout layout = request.layout();
        try (GenerateLock lock = GenerateLock.acquire(layout.lockFile())) {
            AtomicFileSet.recover(layout.writeJournal()).ifPresent(log::warn);
            Snapshot snapshot = new SnapshotFile(layout.snapshot()).readSnapshot().orElseThrow(() -> new WorkflowFailure(
                    "there is no snapshot (" + layout.show(layout.snapshot()) + "), so there is no schema to write a"
                            + " baseline migration from. Run mvn jpa-migrate:generate for the first migration (or"
                            + " mvn jpa-migrate:init to adopt hand-written migrations) first. Nothing was written."));
            request.targets().refuseFlatMigrations(request.layout(), "baseline");
            List<Target> targets = request.resolved();
            UnwrittenTargets unwritten = UnwrittenTargets.of(targets, Optional.of(snapshot));
            List<BaselinePlan> plans = unwritten.isEmpty() ? squash(request, targets, snapshot)
                    : start(request, unwritten, snapshot);
            Map<BaselinePlan, String> scripts = new LinkedHashMap<>();
            for (BaselinePlan plan : plans) {
                String script = render(plan, request.online());
                BaselineProof.Outcome outcome = new BaselineProof(plan).run(script, snapshot.model());
                log.info(proven(plan, outcome));
                scripts.put(plan, script);
            }
            return write(request, snapshot, unwritten, scripts);
        }
    }

    /** Every target squashed at the version asked for, or the newest of its folder. */
    private List<BaselinePlan> squash(BaselineRequest request, List<Target> targets, Snapshot snapshot) throws IOException {
        ProjectLayout layout = request.layout();
        List<BaselinePlan> plans = new ArrayList<>();
        for (Target target : targets) {
            List<MigrationDirectory.Script> scripts = new MigrationDirectory(target.layout().migrationDirectory()).scripts();
            List<MigrationVersion> versions = scripts.stream().filter(s -> s.file().kind() == MigrationFile.Kind.VERSIONED)
                    .map(s -> s.file().version()).toList();
            String folder = layout.show(target.layout().migrationDirectory());
            if (versions.isEmpty()) {
                throw new WorkflowFailure(folder + target.label() + " has no versioned migration, so there is no chain to"
                        + " write a baseline migration for. Run mvn jpa-migrate:generate first. Nothing was written.");
            }
            MigrationVersion newest = versions.get(versions.size() - 1);
            MigrationVersion version = request.version() == null || request.version().isBlank() ? newest
                    : parse(request.version());
            if (versions.stream().noneMatch(v -> v.sameAs(version))) {
                throw new WorkflowFailure("-Djpamigrate.version=" + request.version().strip() + ": " + folder + target.label()
                        + " has no migration V" + version + " (its versioned migrations run from V" + versions.get(0)
                        + " to V" + newest + "). Name one of them, or leave the version out for the newest."
                        + " Nothing was written.");
            }
            for (MigrationDirectory.Script existing : scripts) {
                if (existing.file().kind() == MigrationFile.Kind.BASELINE && existing.file().version().compareTo(version) >= 0) {
                    throw new WorkflowFailure(folder + target.label() + " already has the baseline migration "
                            + existing.file().fileName() + (existing.file().version().sameAs(version) ? " for V" + version
                            : ", newer than V" + version + " (Flyway applies only the newest baseline to an empty database)")
                            + ". Nothing was written. A baseline migration, like every migration, is never rewritten:"
                            + " to replace one that was not released yet, delete it and run baseline again.");
                }
            }
            SchemaModel model = version.sameAs(newest) ? snapshot.model() : snapshotAt(layout, target, version);
            plans.add(new BaselinePlan(target, BaselinePlan.Kind.SQUASH, version, model, file(request, version)));
        }
        return plans;
    }

    /** The targets whose migrations were never written, each started at the newest version from the snapshot. */
    private List<BaselinePlan> start(BaselineRequest request, UnwrittenTargets unwritten, Snapshot snapshot) {
        MigrationVersion version = unwritten.newest();
        if (request.version() != null && !request.version().isBlank() && !parse(request.version()).sameAs(version)) {
            throw new WorkflowFailure("-Djpamigrate.version=" + request.version().strip() + ": "
                    + String.join(", ", unwritten.all().stream().map(t -> t.dialect().id()).toList()) + " starts from the"
                    + " snapshot, which is the schema at the newest migration, V" + version + ". Leave the version out"
                    + " (or give " + version + "). Nothing was written.");
        }
        List<BaselinePlan> plans = new ArrayList<>();
        for (Target target : unwritten.newVendors()) {
            plans.add(new BaselinePlan(target, BaselinePlan.Kind.NEW_VENDOR, version, snapshot.model(), file(request, version)));
        }
        for (Target target : unwritten.newDialects()) {
            plans.add(new BaselinePlan(target, BaselinePlan.Kind.NEW_DIALECT, version, snapshot.model(), file(request, version)));
        }
        return plans;
    }

    private static MigrationVersion parse(String version) {
        String text = version.strip().replaceFirst("^[Vv]", "");
        try {
            return MigrationVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure("-Djpamigrate.version=" + version.strip() + " is not a migration version: give"
                    + " the version of a V migration, e.g. -Djpamigrate.version=11 for V11__add_phone.sql. Nothing was written.");
        }
    }

    private static MigrationFile file(BaselineRequest request, MigrationVersion version) {
        return new MigrationFile(MigrationFile.Kind.BASELINE, version, Slug.of(request.message(), "baseline"));
    }

    /**
     * The snapshot as it was committed with migration {@code version} of the target's folder: the
     * schema the chain up to it builds, from git history.
     */
    private static SchemaModel snapshotAt(ProjectLayout layout, Target target, MigrationVersion version) throws IOException {
        String folder = target.layout().migrationDirectory().equals(layout.migrationDirectory()) ? ""
                : target.layout().migrationDirectory().getFileName().toString();
        String why = "a baseline at V" + version + ", before the newest migration, is made from the snapshot committed"
                + " with V" + version + ", read from git history";
        try (GitRepository git = GitRepository.open(layout.projectDirectory(), "baseline", "jpamigrate.version")) {
            for (byte[] content : git.history(layout.snapshot(), "HEAD")) {
                Snapshot committed;
                try {
                    committed = DescriptorJson.readSnapshot(content, layout.show(layout.snapshot()) + " in git history");
                } catch (DescriptorException e) {
                    continue;
                }
                Optional<MigrationStamp> stamp = committed.migration(folder);
                if (stamp.isPresent() && stamp.get().version().sameAs(version)) {
                    return committed.model();
                }
            }
        } catch (GitProblem e) {
            throw new WorkflowFailure(why + ", but " + e.getMessage() + " Nothing was written.", e);
        }
        throw new WorkflowFailure(why + ", and no commit of " + layout.show(layout.snapshot()) + " belongs to V" + version
                + (folder.isEmpty() ? "" : " in " + folder + "/") + " (it records the migration it belongs to since"
                + " format 2.1; V" + version + " may be a hand-written migration). Leave -Djpamigrate.version out to"
                + " baseline at the newest migration, or name a version generate wrote. Nothing was written.");
    }

    /**
     * The whole schema, from an empty database, as {@code generate} writes a first migration with the
     * same online settings (its lint accept markers included); renames, backfills and acknowledgements
     * have nothing to act on in a migration that only creates.
     */
    private static String render(BaselinePlan plan, RenderOptions.Online online) {
        SchemaModel model = plan.model();
        ProjectModels models = new ProjectModels(ProjectModels.empty(model), model, false);
        ChangeOptions defaults = ChangeOptions.defaults();
        ChangeOptions options = new ChangeOptions(defaults.renames(), defaults.render().withOnline(online), false, List.of());
        PendingChanges pending = PendingChanges.of(models, options, List.of(plan.target().dialect().id()));
        String title = plan.file().kind().prefix() + plan.version() + ": the schema at V" + plan.version() + " for "
                + plan.target().dialect().id() + ", in one baseline migration (Flyway applies it to an empty database"
                + " instead of the versioned migrations up to V" + plan.version() + ")";
        MigrationDraft draft = MigrationDraft.render(pending, plan.target().dialect(), plan.file(), title);
        if (draft.forward().followUp() != null || !draft.forward().transactional()) {
            throw new WorkflowFailure("the schema at V" + plan.version() + " needs statements outside a transaction on "
                    + plan.target().dialect().id() + ", which one baseline migration cannot hold. Nothing was written."
                    + " Please report this as a JPA Migrate bug, with the snapshot.");
        }
        return draft.script();
    }

    private static String proven(BaselinePlan plan, BaselineProof.Outcome outcome) {
        String name = plan.file().fileName() + plan.target().label();
        return switch (plan.kind()) {
            case SQUASH -> "Proven " + name + ": on a scratch " + plan.target().dialect().displayName() + " database Flyway"
                    + " applied only it and the schema is the chain's up to V" + plan.version() + " (structure and id"
                    + " generators)" + (outcome.later() == 0 ? "." : "; with rows in " + outcome.seededTables()
                    + " table(s), the " + outcome.later() + " migration(s) above it apply to both alike.");
            case NEW_VENDOR, NEW_DIALECT -> "Proven " + name + ": on a scratch " + plan.target().dialect().displayName()
                    + " database Flyway applied it and the schema is the snapshot's (V" + plan.version() + ").";
        };
    }

    /** The baseline migrations and, when a target was started, the snapshot recording its dialect: all or none. */
    private List<Path> write(BaselineRequest request, Snapshot snapshot, UnwrittenTargets unwritten,
                             Map<BaselinePlan, String> scripts) throws IOException {
        ProjectLayout layout = request.layout();
        AtomicFileSet files = new AtomicFileSet(layout.writeJournal());
        for (var entry : scripts.entrySet()) {
            files.create(entry.getKey().target().layout().migrationDirectory().resolve(entry.getKey().file().fileName()),
                    entry.getValue());
        }
        if (!unwritten.isEmpty()) {
            // From now on the migrations are written for these dialects too: generate writes one per target.
            List<String> dialects = new ArrayList<>(snapshot.dialects());
            request.targets().dialects().forEach(d -> dialects.add(d.id()));
            files.replace(layout.snapshot(), SnapshotFile.content(snapshot.model(), snapshot.migrations(), dialects, snapshot.expanded()));
        }
        List<Path> written = files.commit();
        written.forEach(path -> log.info("Wrote " + layout.show(path)));
        log.info(unwritten.isEmpty()
                ? "Commit it: a fresh database (CI, tests, a new developer) now gets one migration instead of the chain;"
                        + " databases with history keep theirs and never run it. Keep the V files it covers."
                : "Commit it with the snapshot: from now on generate writes one migration per target. A fresh database"
                        + " of the new target starts from it (flyway info shows it as 'Baseline', and versioned"
                        + " migrations of its folder up to its version as 'Ignored (Baseline)' or 'Below Baseline').");
        return written;
    }
}
