package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.git.GitProblem;
import io.github.jpamigrate.plugin.git.GitRepository;
import io.github.jpamigrate.plugin.git.RevisionFiles;
import io.github.jpamigrate.plugin.io.SnapshotFile;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The snapshots {@code diff -Djpamigrate.from=<ref> [-Djpamigrate.to=<ref>]} compares: the one
 * committed at {@code from}, and the one committed at {@code to} or, without it, the one in the
 * working tree (so that uncommitted work shows too).
 *
 * @param from the older side
 * @param to   the newer side
 */
record CommitSnapshots(Side from, Side to) {

    static final String FROM = "jpamigrate.from";
    static final String TO = "jpamigrate.to";

    /**
     * One side of the comparison.
     *
     * @param label    the side as messages name it: {@code v1.4.0 (0a1b2c3d4e)} or {@code the working tree}
     * @param snapshot the snapshot there; empty when that side has none (before the first migration)
     */
    record Side(String label, Optional<SchemaModel> snapshot) {
    }

    /**
     * @param to null or blank for the working tree
     * @throws WorkflowFailure when git cannot resolve a ref, or a snapshot cannot be read
     */
    static CommitSnapshots read(ProjectLayout layout, String from, String to) throws IOException {
        try (GitRepository repository = GitRepository.open(layout.projectDirectory(), "diff", FROM)) {
            Side older = at(layout, repository.at(FROM, from.strip()));
            Side newer = to == null || to.isBlank() ? workingTree(layout) : at(layout, repository.at(TO, to.strip()));
            return new CommitSnapshots(older, newer);
        } catch (GitProblem e) {
            throw new WorkflowFailure(e.getMessage(), e);
        }
    }

    private static Side at(ProjectLayout layout, RevisionFiles files) throws IOException {
        String label = label(files);
        Optional<byte[]> bytes = files.read(layout.snapshot());
        if (bytes.isEmpty()) {
            return new Side(label, Optional.empty());
        }
        String name = layout.show(layout.snapshot()) + " at " + files.ref();
        try {
            return new Side(label, Optional.of(DescriptorJson.read(bytes.get(), name)));
        } catch (DescriptorException e) {
            throw new WorkflowFailure("the snapshot " + name + " cannot be read: " + ProjectModels.sentence(e.getMessage())
                    + " Compare commits whose snapshot this plugin version reads, or run diff with the plugin"
                    + " version that wrote it.", e);
        }
    }

    /** The ref and its commit id, or the id alone when the ref is one already. */
    private static String label(RevisionFiles files) {
        String ref = files.ref().toLowerCase(Locale.ROOT);
        String id = files.commitId();
        boolean isId = ref.matches("[0-9a-f]{4,40}") && (ref.startsWith(id) || id.startsWith(ref));
        return isId ? id : files.ref() + " (" + id + ")";
    }

    private static Side workingTree(ProjectLayout layout) throws IOException {
        return new Side("the working tree", new SnapshotFile(layout.snapshot()).read());
    }

    /** Whether neither side has a snapshot, so there is nothing to compare. */
    boolean bothMissing() {
        return from.snapshot().isEmpty() && to.snapshot().isEmpty();
    }

    /**
     * The two snapshots as the models a migration goes between; a missing side is an empty model
     * (the database before the first migration).
     */
    ProjectModels models() {
        SchemaModel like = from.snapshot().or(to::snapshot).orElseThrow();
        return new ProjectModels(from.snapshot().orElseGet(() -> ProjectModels.empty(like)),
                to.snapshot().orElseGet(() -> ProjectModels.empty(like)), from.snapshot().isPresent());
    }
}
