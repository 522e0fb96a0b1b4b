package io.github.jpamigrate.plugin.live;

/** Where one migration stands between the code and the database's Flyway history, in the words the goals print. */
public enum AppliedState {
    /** In the code and applied successfully (also out of order, or as the baseline). */
    APPLIED("applied"),
    /** In the code, not applied yet: the next {@code migrate} applies it. */
    PENDING("pending"),
    /** In the code, not applied, and older than the database's current version: {@code migrate} refuses it unless {@code outOfOrder}. */
    OUT_OF_ORDER("not applied, older than the current version"),
    /** Applied and recorded as failed: part of it may be in the database; {@code migrate} refuses to continue. */
    FAILED("failed"),
    /** Applied successfully, but the code has no such migration (deleted, renamed, or from a newer release). */
    NOT_IN_CODE("applied, missing from the code"),
    /** In the code, older than the baseline the database was started from: never applied, never needed. */
    BELOW_BASELINE("below the baseline");

    private final String words;

    AppliedState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
