package io.github.jpamigrate.plugin.replay;

/** A migration folder that does not apply cleanly; the message names the migration and the reason. */
public class ReplayException extends RuntimeException {
    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
