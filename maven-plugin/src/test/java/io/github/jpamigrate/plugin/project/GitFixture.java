package io.github.jpamigrate.plugin.project;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

import java.nio.file.Path;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;

/** Real git repositories, made with JGit, for the goals that read history ({@code diff -Djpamigrate.from}, {@code verify -Djpamigrate.base}). */
public final class GitFixture {

    private GitFixture() {
    }

    /** Commits the project's {@code src} folder: new, changed and deleted files. */
    public static RevCommit commit(Git git, String message) throws Exception {
        return commit(git, "src", message);
    }

    /** Commits what lies under {@code path} (new, changed and deleted files) as a fixed author, unsigned. */
    public static RevCommit commit(Git git, String path, String message) throws Exception {
        git.add().addFilepattern(path).call();
        git.add().addFilepattern(path).setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }

    /** A depth-1 clone and the older commit it lacks. */
    public record ShallowClone(ProjectFixture project, RevCommit missing) {
    }

    /**
     * {@code dir/origin}: a repository with two commits, {@code initial} (V1) and {@code phone}
     * (V2); {@code dir/clone}: a clone of it holding only the newest commit, its model compiled.
     */
    public static ShallowClone shallowClone(Path dir) throws Exception {
        Path origin = dir.resolve("origin");
        Path clone = dir.resolve("clone");
        RevCommit first;
        try (Git git = Git.init().setDirectory(origin.toFile()).call()) {
            ProjectFixture project = new ProjectFixture(origin).compile(shop());
            project.generate("initial");
            first = commit(git, "initial");
            project.compile(withPhone(shop()));
            project.generate("phone");
            commit(git, "phone");
        }
        try (Git shallow = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile())
                .setDepth(1).call()) {
            return new ShallowClone(new ProjectFixture(clone).compile(withPhone(shop())), first);
        }
    }
}
