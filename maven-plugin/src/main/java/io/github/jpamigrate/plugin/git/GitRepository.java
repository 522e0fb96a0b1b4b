package io.github.jpamigrate.plugin.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The git repository a project lives in, found from the project directory upwards. */
public final class GitRepository implements AutoCloseable {

    private final Repository repository;
    /** The goal and the property that named the refs, so that messages say what the user typed. */
    private final String goal;
    private final String property;

    private GitRepository(Repository repository, String goal, String property) {
        this.repository = repository;
        this.goal = goal;
        this.property = property;
    }

    /**
     * The repository for {@code verify -Djpamigrate.base}.
     *
     * @throws GitProblem when {@code projectDirectory} is not inside a git work tree
     */
    public static GitRepository open(Path projectDirectory) throws IOException {
        return open(projectDirectory, "verify", "jpamigrate.base");
    }

    /**
     * @param goal     the goal that reads the history, for messages ({@code diff})
     * @param property the property that names the ref, for messages ({@code jpamigrate.from})
     * @throws GitProblem when {@code projectDirectory} is not inside a git work tree
     */
    public static GitRepository open(Path projectDirectory, String goal, String property) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(projectDirectory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new GitProblem(projectDirectory.toAbsolutePath() + " is not inside a git repository, so there is"
                    + " no history to compare with. Run " + goal + " inside a clone of the project (in CI: check out"
                    + " the repository, not an exported archive), or drop -D" + property + " to run " + goal
                    + " without git.");
        }
        Repository repository = builder.setMustExist(true).build();
        if (repository.isBare()) {
            repository.close();
            throw new GitProblem(builder.getGitDir() + " is a bare repository: it has no working files to compare"
                    + " with the history. Run " + goal + " in a clone with a work tree.");
        }
        return new GitRepository(repository, goal, property);
    }

    public Path workTree() {
        return repository.getWorkTree().toPath().toAbsolutePath().normalize();
    }

    /** A shallow clone lacks history beyond its depth ({@code .git/shallow} lists where it is cut). */
    public boolean isShallow() {
        return Files.exists(repository.getDirectory().toPath().resolve("shallow"));
    }

    /**
     * The files of the commit {@code ref} names (a tag, branch, {@code HEAD~3} or commit id).
     *
     * @throws GitProblem when the ref is unknown, or the commit is missing from a shallow clone
     */
    public RevisionFiles at(String ref) throws IOException {
        return at(property, ref);
    }

    /**
     * As {@link #at(String)}, for a goal that takes more than one ref.
     *
     * @param refProperty the property that named {@code ref}, for messages ({@code jpamigrate.to})
     */
    public RevisionFiles at(String refProperty, String ref) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(ref + "^{commit}");
        } catch (MissingObjectException e) {
            throw missing(refProperty, ref, true);
        } catch (RevisionSyntaxException e) {
            throw new GitProblem(refProperty + "=" + ref + " is not a git revision (" + e.getMessage() + "). Give a tag,"
                    + " a branch, or a commit id, e.g. -D" + refProperty + "=v1.4.0.", e);
        }
        if (id == null) {
            throw missing(refProperty, ref, false);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(id);
            return new RevisionFiles(repository, ref, commit, workTree());
        } catch (MissingObjectException e) {
            throw missing(refProperty, ref, true);
        }
    }

    /** The commit being merged while a merge stops for conflicts ({@code MERGE_HEAD}); empty when no merge is under way. */
    public Optional<String> mergeHead() throws IOException {
        List<ObjectId> heads = repository.readMergeHeads();
        return heads == null || heads.isEmpty() ? Optional.empty() : Optional.of(heads.get(0).name());
    }

    /** The ids of the parents of the commit {@code ref} names: two for a merge commit. */
    public List<String> parents(String ref) throws IOException {
        ObjectId id = repository.resolve(ref + "^{commit}");
        if (id == null) {
            throw missing(property, ref, false);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return Arrays.stream(walk.parseCommit(id).getParents()).map(ObjectId::name).toList();
        }
    }

    /**
     * The newest common ancestor of two commits (what {@code git merge-base} prints), as an id.
     *
     * @throws GitProblem when they have none (unrelated histories, or a shallow clone cut above it)
     */
    public String mergeBase(String a, String b) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(at(a).id()));
            walk.markStart(walk.parseCommit(at(b).id()));
            RevCommit base = walk.next();
            if (base == null) {
                throw new GitProblem(a + " and " + b + " have no common ancestor in this clone" + (isShallow()
                        ? " (it is a shallow clone: git fetch --unshallow)" : "") + ", so the migrations this branch"
                        + " added cannot be told from the merged ones.");
            }
            return base.name();
        }
    }

    /**
     * Every version of {@code file} committed after {@code since} up to {@code until}, newest first
     * (the file's content at each commit that changed it).
     */
    public List<byte[]> history(Path file, String since, String until) throws IOException {
        RevisionFiles end = at(until);
        List<byte[]> out = new ArrayList<>();
        try (Git git = new Git(repository)) {
            Iterable<RevCommit> commits = git.log().addRange(at(since).id(), end.id())
                    .addPath(end.gitPath(file)).call();
            for (RevCommit commit : commits) {
                new RevisionFiles(repository, commit.name(), commit, workTree()).read(file).ifPresent(out::add);
            }
        } catch (GitAPIException e) {
            throw new GitProblem("the history of " + file + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Every version of {@code file} committed up to {@code until}, newest first. */
    public List<byte[]> history(Path file, String until) throws IOException {
        RevisionFiles end = at(until);
        List<byte[]> out = new ArrayList<>();
        try (Git git = new Git(repository)) {
            for (RevCommit commit : git.log().add(end.id()).addPath(end.gitPath(file)).call()) {
                new RevisionFiles(repository, commit.name(), commit, workTree()).read(file).ifPresent(out::add);
            }
        } catch (GitAPIException e) {
            throw new GitProblem("the history of " + file + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private GitProblem missing(String refProperty, String ref, boolean objectMissing) {
        if (isShallow()) {
            return new GitProblem(refProperty + "=" + ref + " is not in this clone: it is a shallow clone, cut off"
                    + " before that commit. Fetch the history with\n  git fetch --unshallow --tags\nor, in CI, check out"
                    + " with the full history (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab:"
                    + " GIT_DEPTH: 0), then run " + goal + " again.");
        }
        return new GitProblem(refProperty + "=" + ref + (objectMissing ? " names a commit that is missing from this"
                + " clone." : " is not a tag, branch or commit of the repository at " + workTree() + ".")
                + " Check the name (git tag --list, git branch --all), or fetch it first:\n  git fetch origin --tags\n"
                + "(a remote branch is named origin/<branch>).");
    }

    @Override
    public void close() {
        repository.close();
    }
}
