package io.github.jpamigrate.plugin.apply;

import io.github.jpamigrate.plugin.project.Target;

import java.util.List;

/**
 * What {@code migrate} and {@code undo} act on.
 *
 * @param targets  the project's targets (one per dialect); the one whose dialect the URL speaks is used
 * @param url      the JDBC URL of the database to change, as the user named it
 * @param user     the user to connect as, or null
 * @param password the password, or null; never shown
 * @param version  for {@code undo}: the version the user expects to undo, or null for the newest applied
 */
public record ApplyRequest(List<Target> targets, String url, String user, String password, String version) {

    public ApplyRequest {
        targets = List.copyOf(targets);
    }
}
