package io.github.jpamigrate.plugin.git;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one commit, addressed by where they are in the work tree now, so that a file at
 * the commit and the same file today are found under one path.
 */
public final class RevisionFiles {

    private final Repository repository;
    private final String ref;
    private final RevCommit commit;
    private final Path workTree;

    RevisionFiles(Repository repository, String ref, RevCommit commit, Path workTree) {
        this.repository = repository;
        this.ref = ref;
        this.commit = commit;
        this.workTree = workTree;
    }

    /** The ref as the user gave it. */
    public String ref() {
        return ref;
    }

    /** The abbreviated commit id, for messages and the report. */
    public String commitId() {
        return commit.abbreviate(10).name();
    }

    /** The content of {@code file} at this commit; empty when it did not exist then. */
    public Optional<byte[]> read(Path file) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, gitPath(file), commit.getTree())) {
            return walk == null ? Optional.empty() : Optional.of(repository.open(walk.getObjectId(0)).getBytes());
        }
    }

    /** Every file under {@code directory} at this commit, by its path in the work tree, in path order. */
    public Map<Path, byte[]> readAll(Path directory) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        String prefix = gitPath(directory);
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!prefix.isEmpty()) {
                walk.setFilter(PathFilter.create(prefix));
            }
            while (walk.next()) {
                files.put(workTree.resolve(walk.getPathString()), repository.open(walk.getObjectId(0)).getBytes());
            }
        }
        return files;
    }

    /** The commit. */
    RevCommit id() {
        return commit;
    }

    /** A work-tree path as git names it: relative, with forward slashes. */
    String gitPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(workTree)) {
            throw new GitProblem(absolute + " is outside the git work tree " + workTree
                    + ", so its history cannot be read. Keep the migrations and the snapshot inside the repository.");
        }
        return workTree.relativize(absolute).toString().replace('\\', '/');
    }
}
