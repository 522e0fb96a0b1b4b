package io.github.jpamigrate.plugin.io;

/**
 * A project file or folder that is not as JPA Migrate needs it (an unreadable snapshot, a
 * migration name Flyway would skip, two migrations with one version, a file that already
 * exists). The message names the file and says how to fix it; the build reports it as a failure,
 * never with a stack trace.
 */
public class ProjectFileException extends RuntimeException {
    public ProjectFileException(String message) {
        super(message);
    }

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
