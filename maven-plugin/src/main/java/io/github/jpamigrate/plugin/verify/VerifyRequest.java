package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;

import java.util.List;

/**
 * What {@code verify} is asked to prove.
 *
 * @param layout     the project's files
 * @param options    declared renames, backfills and acknowledged destructive changes
 * @param flyway     the project's Flyway settings the replay uses (locations, history table, placeholders);
 *                   {@code {vendor}} in a location stands for each target's vendor folder name
 * @param base       the git ref to compare with ({@code v1.4.0}, {@code origin/main}), or null for no git checks
 * @param outOfOrder whether migrations added since {@code base} may sort before its newest (Flyway's {@code outOfOrder})
 * @param shadows    where scratch PostgreSQL/MariaDB/MySQL databases may be made; none for SQLite and H2
 * @param targets    the databases the migrations are for and their folders; by default SQLite in the
 *                   plain migration folder
 */
public record VerifyRequest(ProjectLayout layout, ChangeOptions options, FlywaySettings flyway, String base,
                            boolean outOfOrder, ShadowServers shadows, MigrationTargets targets) {

    public VerifyRequest {
        base = base == null || base.isBlank() ? null : base.strip();
        shadows = shadows == null ? ShadowServers.NONE : shadows;
        targets = targets == null ? MigrationTargets.single(Dialect.SQLITE) : targets;
    }

    /** A request with one shadow server (or none) for these targets. */
    public VerifyRequest(ProjectLayout layout, ChangeOptions options, FlywaySettings flyway, String base,
                         boolean outOfOrder, ShadowDatabase shadow, MigrationTargets targets) {
        this(layout, options, flyway, base, outOfOrder, ShadowServers.of(shadow), targets);
    }

    /** A request for SQLite in the plain migration folder. */
    public VerifyRequest(ProjectLayout layout, ChangeOptions options, FlywaySettings flyway, String base,
                         boolean outOfOrder) {
        this(layout, options, flyway, base, outOfOrder, ShadowServers.NONE, null);
    }

    /** What is proven for each target: its vendor folder, its Flyway locations, the server that serves it. */
    List<Target> resolved() {
        return targets.resolve(layout, flyway, shadows);
    }
}
