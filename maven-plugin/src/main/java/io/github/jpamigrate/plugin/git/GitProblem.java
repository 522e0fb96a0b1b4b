package io.github.jpamigrate.plugin.git;

/**
 * The git history cannot answer: not a repository, an unknown ref, a shallow clone without the
 * commit. The message says which and what to run; it is the user's to fix, not a bug.
 */
public class GitProblem extends RuntimeException {
    public GitProblem(String message) {
        super(message);
    }

    public GitProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
