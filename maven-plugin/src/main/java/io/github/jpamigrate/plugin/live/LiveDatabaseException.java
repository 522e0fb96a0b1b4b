package io.github.jpamigrate.plugin.live;

/**
 * A live database that cannot be read as asked: an unknown URL, a server that does not answer,
 * a user it refuses. The message says which and what to check, and never holds the password.
 */
public class LiveDatabaseException extends RuntimeException {
    public LiveDatabaseException(String message) {
        super(message);
    }

    public LiveDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
