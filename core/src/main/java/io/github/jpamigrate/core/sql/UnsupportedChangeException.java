package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;

/** A change a dialect's renderer cannot express; the message names the change and the dialect. */
public class UnsupportedChangeException extends RuntimeException {
    public UnsupportedChangeException(DialectFacts dialect, SchemaChange change, String why) {
        super("cannot write '" + change.describe() + "' for " + dialect.id() + ": " + why);
    }
}
