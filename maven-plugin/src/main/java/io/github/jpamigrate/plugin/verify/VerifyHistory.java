package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.baseline.AcceptedDrift;
import io.github.jpamigrate.plugin.baseline.BaselineFile;
import io.github.jpamigrate.plugin.git.GitProblem;
import io.github.jpamigrate.plugin.git.GitRepository;
import io.github.jpamigrate.plugin.git.RevisionFiles;
import io.github.jpamigrate.plugin.io.JavaMigrations;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.replay.ScratchReplay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Step 4 of {@code verify}, against the commit {@code base} (a release tag, the target branch of a
 * pull request): what was released stays as it was, and what was added since comes after it and
 * covers every model change since.
 */
final class VerifyHistory {

    /**
     * What the project looked like at {@code base}.
     *
     * @param ref         the ref as given
     * @param commit      its abbreviated commit id
     * @param snapshot    the schema the migrations built then: the snapshot then, with the database side of each
     *                    item of the drift baseline then put in (an empty model when there was no snapshot)
     * @param newest      the newest migration version then, null when there was none
     * @param added       the versioned migrations added since, in version order
     * @param baselines   the baseline migrations ({@code B} files) then, as paths in the project
     */
    record Base(String ref, String commit, SchemaModel snapshot, MigrationVersion newest, List<MigrationFile> added,
                Set<Path> baselines) {
    }

    /** The step and, when git could answer, the base for the steps after it. */
    record Result(VerifyReport.Step step, Optional<Base> base) {
    }

    private final ProjectLayout layout;
    private final JavaMigrations javaMigrations;

    /** @param java the project's Java migrations, whose sources count as migrations next to the folder's files */
    VerifyHistory(ProjectLayout layout, JavaMigrations java) {
        this.layout = layout;
        this.javaMigrations = java;
    }

    VerifyHistory(ProjectLayout layout) {
        this(layout, JavaMigrations.NONE);
    }

    /**
     * @param model the model as the other steps compare it: through the drift baseline
     *              ({@link io.github.jpamigrate.plugin.baseline.AcceptedDrift#compared()}), so that it
     *              meets the base's schema on the same terms
     */
    Result run(String ref, boolean outOfOrder, SchemaModel model) throws IOException {
        RevisionFiles files;
        try (GitRepository repository = GitRepository.open(layout.projectDirectory())) {
            files = repository.at(ref);
            return compare(files, outOfOrder, model);
        } catch (GitProblem e) {
            return new Result(new VerifyReport.Step("git", VerifyReport.Outcome.FAILED,
                    "cannot read jpamigrate.base=" + ref, List.of(e.getMessage()), List.of()), Optional.empty());
        }
    }

    private Result compare(RevisionFiles at, boolean outOfOrder, SchemaModel model) throws IOException {
        Map<Path, byte[]> releasedBytes = at.readAll(layout.migrationDirectory());
        Map<Path, MigrationFile> released = migrations(releasedBytes.keySet().stream());
        Map<Path, MigrationFile> current = currentMigrations();
        for (Path folder : javaFolders()) {
            released.putAll(javaMigrations(at.readAll(folder).keySet().stream()));
            current.putAll(javaMigrations(walk(folder).stream()));
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String where = at.ref() + " (" + at.commitId() + ")";
        problems.addAll(edits(released, releasedBytes, at.ref()));
        problems.addAll(duplicates(current, released));
        MigrationVersion newest = released.values().stream().filter(f -> f.kind() == MigrationFile.Kind.VERSIONED)
                .map(MigrationFile::version).max(Comparator.naturalOrder()).orElse(null);
        // A baseline migration added since (B7__schema.sql) only changes what an empty database gets: it is not
        // "added" in the sense of the checks below, which are about the databases that exist.
        List<MigrationFile> added = current.entrySet().stream()
                .filter(e -> !released.containsKey(e.getKey()) && e.getValue().kind() == MigrationFile.Kind.VERSIONED)
                .map(Map.Entry::getValue).sorted(Comparator.comparing(MigrationFile::version)).toList();
        belowBaseline(added, released, releasedBytes, current, problems, notes);
        if (newest != null && !outOfOrder) {
            problems.addAll(outOfOrder(added, released, current, newest, at.ref()));
        }
        SchemaModel snapshot = snapshotAt(at, model, problems);
        List<SchemaChange> changes = SchemaDiff.compare(snapshot, model);
        if (!changes.isEmpty() && added.isEmpty()) {
            problems.add("the model changed since " + at.ref() + " but no migration was added since:"
                    + ScratchReplay.lines(changes) + "\nRun:\n  mvn jpa-migrate:generate -Dmessage=\"...\"\nand commit"
                    + " the migration and the snapshot.");
        }
        notes.add(added.size() + " migration(s) added since " + where + (added.isEmpty() ? "" : ": "
                + String.join(", ", added.stream().map(f -> name(f, current)).toList())));
        notes.add(changes.size() + " model change(s) since " + at.ref()
                + (changes.isEmpty() ? "" : "; the replay step proves the added migrations make them"));
        String summary = problems.isEmpty()
                ? released.size() + " released migration(s) unchanged since " + where + ", " + added.size() + " added after them"
                : problems.size() + " problem(s) with the migrations since " + where;
        VerifyReport.Step step = new VerifyReport.Step("git", problems.isEmpty() ? VerifyReport.Outcome.PASSED
                : VerifyReport.Outcome.FAILED, summary, problems, notes);
        Set<Path> baselines = released.entrySet().stream().filter(e -> e.getValue().kind() == MigrationFile.Kind.BASELINE)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        return new Result(step, Optional.of(new Base(at.ref(), at.commitId(), snapshot, newest, added, baselines)));
    }

    /** Added versions that sort before the released newest and are no duplicate (those are reported as such). */
    private static List<String> outOfOrder(List<MigrationFile> added, Map<Path, MigrationFile> released,
                                           Map<Path, MigrationFile> current, MigrationVersion newest, String ref) {
        return added.stream().filter(f -> f.version().compareTo(newest) <= 0)
                .filter(f -> released.values().stream().noneMatch(r -> r.kind() == f.kind() && r.version().sameAs(f.version())))
                .map(f -> name(f, current) + " was added since " + ref + " but sorts before V" + newest + ", the newest"
                        + " migration of " + ref + ": Flyway ignores it on every database already at V" + newest
                        + " (and validate fails). Rename it to V" + next(current) + "__" + f.description()
                        + extension(f, current) + ", or,"
                        + " if your Flyway runs with outOfOrder=true, say so with -Djpamigrate.outOfOrder=true.")
                .toList();
    }

    private List<String> edits(Map<Path, MigrationFile> released, Map<Path, byte[]> bytes, String ref) throws IOException {
        List<String> problems = new ArrayList<>();
        for (var entry : released.entrySet()) {
            // Not baseline migrations: Flyway does not validate an applied one against its file (BaselineReplayTest),
            // and teams keep them in step with the versioned ones. Not Java migrations: Flyway keeps no checksum of them.
            if (entry.getValue().kind() == MigrationFile.Kind.VERSIONED && entry.getKey().getFileName().toString().endsWith(".sql")) {
                unchanged(entry.getKey(), bytes.get(entry.getKey()), ref).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /**
     * Byte for byte, except line endings: git may check a file out with CRLF (core.autocrlf) and
     * Flyway's checksum reads lines, so only a change that Flyway sees counts.
     */
    private Optional<String> unchanged(Path file, byte[] then, String ref) throws IOException {
        String name = layout.show(file);
        if (!Files.exists(file)) {
            return Optional.of(name + " was released in " + ref + " and is gone now (deleted or renamed): databases"
                    + " that applied it report it as missing. Restore it:\n  git checkout " + ref + " -- " + name);
        }
        byte[] now = Files.readAllBytes(file);
        if (Arrays.equals(now, then) || lines(now).equals(lines(then))) {
            return Optional.empty();
        }
        return Optional.of(name + " was edited since " + ref + ", but databases have already applied it: Flyway's"
                + " checksum no longer matches and validate fails on them. Restore it:\n  git checkout " + ref + " -- "
                + name + "\nand put the change in a new migration (change the entities, then mvn jpa-migrate:generate).");
    }

    private static String lines(byte[] content) {
        return new String(content, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /**
     * Versions that two files claim (two versioned ones, Java or SQL, or two baseline ones); the one
     * not released is the one to renumber.
     */
    private List<String> duplicates(Map<Path, MigrationFile> current, Map<Path, MigrationFile> released) {
        List<String> problems = new ArrayList<>(duplicates(current, released, MigrationFile.Kind.VERSIONED));
        problems.addAll(duplicates(current, released, MigrationFile.Kind.BASELINE));
        return problems;
    }

    private List<String> duplicates(Map<Path, MigrationFile> current, Map<Path, MigrationFile> released,
                                    MigrationFile.Kind kind) {
        Map<MigrationVersion, List<Path>> byVersion = new TreeMap<>();
        current.forEach((path, file) -> {
            if (file.kind() == kind) {
                byVersion.computeIfAbsent(byVersion.keySet().stream().filter(v -> v.sameAs(file.version())).findFirst()
                        .orElse(file.version()), v -> new ArrayList<>()).add(path);
            }
        });
        List<String> problems = new ArrayList<>();
        byVersion.forEach((version, paths) -> {
            if (paths.size() > 1) {
                List<String> unreleased = paths.stream().filter(p -> !released.containsKey(p)).map(layout::show).toList();
 problems.add("two " + (kind == MigrationFile.Kind.BASELINE ? "baseline " : "") + "migrations claim version "
                        + version + " (typically two branches each added " + kind.prefix() + version + "): " + String.join(" and ", paths.stream().map(layout::show).toList())
                        + ". Flyway fails on every run. Rename the one that was not released"
                        + (unreleased.isEmpty() ? "" : " (" + String.join(", ", unreleased) + ")") + " to V"
                        + next(current) + "__<description>.sql; if it was generated, run mvn jpa-migrate:generate"
                        + " again after removing it.");
            }
        });
        return problems;
    }

    /**
     * Versioned migrations added since the base at or below a baseline migration released in it:
     * Flyway applies the newest baseline migration to a new database and skips every versioned one
     * at or below it. When that baseline migration is unchanged since, new databases never get the
     * added ones (a problem); when it was edited too, it presumably restates them, which the replay
     * step proves on an empty database (a note).
     */
    private void belowBaseline(List<MigrationFile> added, Map<Path, MigrationFile> released, Map<Path, byte[]> bytes,
                               Map<Path, MigrationFile> current, List<String> problems, List<String> notes)
            throws IOException {
        Optional<Map.Entry<Path, MigrationFile>> newest = released.entrySet().stream()
                .filter(e -> e.getValue().kind() == MigrationFile.Kind.BASELINE)
                .max(Map.Entry.comparingByValue(Comparator.comparing(MigrationFile::version)));
        if (newest.isEmpty()) {
            return;
        }
        Path file = newest.get().getKey();
        MigrationVersion baseline = newest.get().getValue().version();
        List<MigrationFile> below = added.stream().filter(f -> f.version().compareTo(baseline) <= 0).toList();
        if (below.isEmpty()) {
            return;
        }
        boolean edited = Files.exists(file) && !lines(Files.readAllBytes(file)).equals(lines(bytes.get(file)));
        for (MigrationFile f : below) {
            if (edited) {
                notes.add(name(f, current) + " is at or below the baseline migration " + layout.show(file) + ", which was"
                        + " edited since as well: new databases get its change through the baseline migration only"
                        + " (the replay step builds one that way)");
            } else {
                problems.add(name(f, current) + " was added at or below the baseline migration B" + baseline + ": Flyway"
                        + " applies B" + baseline + " to a new database and skips every versioned migration up to it,"
                        + " so new databases never get this one. Give it a version above " + baseline + " (rename it to V"
                        + next(current) + "__" + f.description() + "), or make the same change in "
                        + layout.show(file) + " as well.");
            }
        }
    }

    /** The file's name as it is in the project: {@code V3__x.sql}, or {@code V3__Fill.java} for a Java migration. */
    private static String name(MigrationFile file, Map<Path, MigrationFile> current) {
        return current.entrySet().stream().filter(e -> e.getValue().equals(file)).map(e -> e.getKey().getFileName().toString())
                .findFirst().orElse(file.fileName());
    }

    private static String extension(MigrationFile file, Map<Path, MigrationFile> current) {
        String name = name(file, current);
        return name.substring(name.lastIndexOf('.'));
    }

    private static String next(Map<Path, MigrationFile> current) {
        MigrationVersion max = current.values().stream().filter(f -> f.kind().claimsVersion())
                .map(MigrationFile::version).max(Comparator.naturalOrder()).orElse(MigrationVersion.of(0));
        return max.parts().get(0).add(java.math.BigInteger.ONE).toString();
    }

    /**
     * The schema the migrations built at the base: its snapshot with its drift baseline's database
     * sides put in, as {@code generate}, {@code check} and the replay step see the project now.
     */
    private SchemaModel snapshotAt(RevisionFiles at, SchemaModel model, List<String> problems) throws IOException {
        Optional<byte[]> bytes = at.read(layout.snapshot());
        if (bytes.isEmpty()) {
            return ProjectModels.empty(model);
        }
        SchemaModel snapshot;
        try {
            snapshot = DescriptorJson.read(bytes.get(), layout.show(layout.snapshot()) + " at " + at.ref());
        } catch (DescriptorException e) {
            problems.add("the snapshot " + layout.show(layout.snapshot()) + " at " + at.ref() + " cannot be read ("
                    + ProjectModels.sentence(e.getMessage()) + ") Compare with a base whose snapshot this version reads.");
            return ProjectModels.empty(model);
        }
        Optional<byte[]> baseline = at.read(layout.driftBaseline());
        if (baseline.isEmpty()) {
            return snapshot;
        }
        try {
            return AcceptedDrift.database(snapshot, BaselineFile.parse(baseline.get(),
                    layout.show(layout.driftBaseline()) + " at " + at.ref()));
        } catch (ProjectFileException e) {
            problems.add(e.getMessage());
            return snapshot;
        }
    }

    private Map<Path, MigrationFile> currentMigrations() throws IOException {
        return migrations(walk(layout.migrationDirectory()).stream());
    }

    private static List<Path> walk(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList();
        }
    }

    /** The source folders of the Java migrations ({@code src/main/java/db/migration}). */
    private List<Path> javaFolders() {
        List<Path> out = new ArrayList<>();
        for (Path root : javaMigrations.sourceRoots()) {
            javaMigrations.packages().forEach(pkg -> out.add(root.resolve(pkg).toAbsolutePath().normalize()));
        }
        return out;
    }

    /** Java sources named like Flyway Java migrations ({@code V3__Fill_codes.java}). */
    private static Map<Path, MigrationFile> javaMigrations(Stream<Path> paths) {
        Map<Path, MigrationFile> out = new TreeMap<>();
        paths.forEach(p -> {
            String name = p.getFileName().toString();
            if (name.endsWith(".java")) {
                MigrationFile.parseClassName(name.substring(0, name.length() - ".java".length()))
                        .ifPresent(f -> out.put(p, f));
            }
        });
        return out;
    }

    private static Map<Path, MigrationFile> migrations(Stream<Path> paths) {
        Map<Path, MigrationFile> out = new TreeMap<>();
        paths.forEach(p -> MigrationFile.parse(p.getFileName().toString()).ifPresent(f -> out.put(p, f)));
        return out;
    }
}
