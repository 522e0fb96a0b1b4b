package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.replay.FlywaySettings;
import io.github.jpamigrate.replay.ScratchDatabase;
import io.github.jpamigrate.replay.ShadowDatabase;

/**
 * What {@code verify} is asked to prove.
 *
 * @param layout     the project's files
 * @param options    declared renames, backfills and acknowledged destructive changes (and the primary dialect)
 * @param flyway     the project's Flyway settings the replay uses (locations, history table, placeholders);
 *                   {@code {vendor}} in a location stands for each target's vendor folder name
 * @param base       the git ref to compare with ({@code v1.4.0}, {@code origin/main}), or null for no git checks
 * @param outOfOrder whether migrations added since {@code base} may sort before its newest (Flyway's {@code outOfOrder})
 * @param shadow     where a scratch PostgreSQL/MariaDB/MySQL database may be made; null for SQLite and H2
 * @param targets    the databases the migrations are for and their folders; by default {@code options}'
 *                   dialect in the plain migration folder
 */
public record VerifyRequest(ProjectLayout layout, ChangeOptions options, FlywaySettings flyway, String base,
                            boolean outOfOrder, ShadowDatabase shadow, MigrationTargets targets) {

    /** The placeholder Spring Boot resolves to the vendor folder name, and so does {@link #forDialect}. */
    public static final String VENDOR = "{vendor}";

    public VerifyRequest {
        base = base == null || base.isBlank() ? null : base.strip();
        targets = targets == null ? MigrationTargets.single(options.dialect()) : targets;
    }

    /** A request for the dialect of {@code options}, in the plain migration folder. */
    public VerifyRequest(ProjectLayout layout, ChangeOptions options, FlywaySettings flyway, String base,
                         boolean outOfOrder, ShadowDatabase shadow) {
        this(layout, options, flyway, base, outOfOrder, shadow, null);
    }

    /**
     * What is proven for one target: its vendor folder, its Flyway locations ({@code {vendor}}
     * resolved), the shadow server that serves it (or none).
     */
    VerifyRequest forDialect(Dialect dialect) {
        return new VerifyRequest(targets.layout(layout, dialect), options.withDialect(dialect), targets.flyway(flyway, dialect), base,
                outOfOrder, targets.shadowFor(dialect, shadow).orElse(null), MigrationTargets.single(dialect));
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

    /** The standard Flyway settings for the targets: the migration folder, or each vendor's folder in it. */
    public static FlywaySettings defaultFlyway(ProjectLayout layout, MigrationTargets targets) {
        return targets.vendorFolders() ? FlywaySettings.folder(layout.migrationDirectory().resolve(VENDOR))
                : defaultFlyway(layout);
    }
}
