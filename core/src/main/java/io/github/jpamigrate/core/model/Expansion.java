package io.github.jpamigrate.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A pending contract step: an expand migration ({@code -Djpamigrate.expand}) added {@code column}
 * to {@code table} in place of {@code keeps}, kept the old column for the application version still
 * running, and installed {@code sync} (a trigger and its function of that name) that keeps the two
 * in step. The snapshot records it until {@code -Djpamigrate.contract} writes the contract step.
 *
 * @param table  the table, as the model names it
 * @param column the new column the model maps
 * @param keeps  the old column, kept until the contract step
 * @param sync   the name of the sync trigger and of its function
 */
public record Expansion(String table, String column, String keeps, String sync) {

    /** PostgreSQL's identifier limit, which the sync object's name stays within. */
    private static final int MAX_NAME = 63;

    public Expansion {
        Identifiers.requireName(table, "table");
        Identifiers.requireName(column, "column");
        Identifiers.requireName(keeps, "column");
        Identifiers.requireName(sync, "sync trigger");
    }

    /** An expansion with the deterministic sync name {@link #syncName}. */
    public static Expansion of(String table, String column, String keeps) {
        return new Expansion(table, column, keeps, syncName(table, column));
    }

    /**
     * {@code jm_sync_<table>_<column>} in lower case; a name longer than 63 characters is cut and
     * ends with 8 hex digits of its SHA-256, so that it stays the same on every run.
     */
    public static String syncName(String table, String column) {
        String name = ("jm_sync_" + table + "_" + column).toLowerCase(Locale.ROOT);
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_NAME - 9) + "_" + HexFormat.of().formatHex(hash).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code table.column} (kept {@code keeps}), for messages. */
    public String describe() {
        return table + "." + column + " (keeps " + table + "." + keeps + ", synced by " + sync + ")";
    }
}
