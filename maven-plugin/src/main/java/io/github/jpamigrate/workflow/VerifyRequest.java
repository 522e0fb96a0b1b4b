package io.github.jpamigrate.workflow;

import io.github.jpamigrate.replay.FlywaySettings;
import io.github.jpamigrate.replay.ScratchDatabase;
import io.github.jpamigrate.replay.ShadowDatabase;

/**
 * What {@code verify} is asked to prove.
 *
 * @param layout     the project's files
 * @param options    dialect, declared renames, backfills and acknowledged destructive changes
 * @param flyway     the project's Flyway settings the replay uses (locations, history table, placeholders)
 * @param base       the git ref to compare with ({@code v1.4.0}, {@code origin/main}), or null for no git checks
 * @param outOfOrder whether migrations added since {@code base} may sort before its newest (Flyway's {@code outOfOrder})
 * @param shadow     where a scratch PostgreSQL/MariaDB/MySQL database may be made; null for SQLite and H2
 */
public record VerifyRequest(ProjectLayout layout, ChangeOptions options, FlywaySettings flyway, String base,
                            boolean outOfOrder, ShadowDatabase shadow) {

    public VerifyRequest {
        base = base == null || base.isBlank() ? null : base.strip();
    }

    /** Whether a scratch database of the dialect can be made: SQLite and H2 always, servers with a shadowUrl. */
    boolean hasScratchDatabase() {
        return !ScratchDatabase.needsShadow(options.dialect()) || shadow != null;
    }

    /** A new empty scratch database of the target dialect. */
    ScratchDatabase scratch() {
        return ScratchDatabase.of(options.dialect(), layout.workDirectory().resolve("scratch"), shadow);
    }

    /** The standard Flyway settings for the layout: its migration folder, the default history table. */
    public static FlywaySettings defaultFlyway(ProjectLayout layout) {
        return FlywaySettings.folder(layout.migrationDirectory());
    }
}
