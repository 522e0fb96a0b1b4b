package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;

/**
 * One database the migrations are written for, with everything that differs per database: where
 * its migrations live, what Flyway replays for it, and the server its scratch databases are made
 * on. {@link MigrationTargets} makes them; rendering, the self-check, replay and verify each take
 * one, so that none of them narrows the user's list on its own.
 *
 * @param dialect the database's SQL dialect
 * @param layout  the project's files, with this target's migration and undo folders
 * @param flyway  the Flyway settings for this target ({@code {vendor}} in a location resolved)
 * @param shadow  the server for its scratch databases; null for SQLite and H2, or when none serves it
 * @param label   {@code " (postgresql)"} when there are several targets, else empty: what tells one
 *                target's output from another's
 */
public record Target(Dialect dialect, ProjectLayout layout, FlywaySettings flyway, ShadowDatabase shadow, String label) {

    /** Whether a scratch database can be made: SQLite and H2 always, servers with a shadow (or embedded PostgreSQL). */
    public boolean hasScratchDatabase() {
        return !ScratchDatabase.needsShadow(dialect) || shadow != null;
    }

    /** A new empty scratch database of this target's dialect. */
    public ScratchDatabase scratch() {
        return ScratchDatabase.of(dialect, layout.workDirectory().resolve("scratch"), shadow);
    }
}
