package io.github.jpamigrate.plugin.project;

/**
 * A state of the project the user has to fix (a model change without a migration, a hazard not
 * acknowledged, a rename not declared, the processor missing). The message says what is wrong,
 * where, and the command or setting that fixes it; the build reports it as a failure without a
 * stack trace.
 */
public class WorkflowFailure extends RuntimeException {
    public WorkflowFailure(String message) {
        super(message);
    }

    public WorkflowFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
