package io.github.jpamigrate.plugin.squash;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.replay.FlywaySettings;

import java.util.List;

/**
 * The parameters of one {@code baseline}.
 *
 * @param layout  where the project's files are
 * @param version the migration whose schema the baseline migration holds ({@code 11}); null for the newest
 * @param message what the baseline is, in words (its file name's description); null for {@code baseline}
 * @param shadows where scratch PostgreSQL/MariaDB/MySQL databases may be created
 * @param targets the databases the migrations are written for and their folders
 * @param flyway  what a replay runs: placeholders, history table, Java migrations ({@code {vendor}} standing
 *                for each vendor's folder); null for the plain migration folders
 * @param online  the online forms and session timeouts ({@code <online>}, {@code <lockTimeout>},
 *                {@code <statementTimeout>}): the baseline migration is rendered as generate renders a
 *                first migration with the same parameters, its lint accept markers included; null for
 *                the goals' default, {@link RenderOptions.Online#DEFAULT}
 */
public record BaselineRequest(ProjectLayout layout, String version, String message, ShadowServers shadows,
                              MigrationTargets targets, FlywaySettings flyway, RenderOptions.Online online) {

    public BaselineRequest {
        shadows = shadows == null ? ShadowServers.NONE : shadows;
        targets = targets == null ? MigrationTargets.single(Dialect.SQLITE) : targets;
        flyway = flyway == null ? MigrationTargets.defaultFlyway(layout, targets) : flyway;
        online = online == null ? RenderOptions.Online.DEFAULT : online;
    }

    /** A request rendered with the goals' default online forms. */
    public BaselineRequest(ProjectLayout layout, String version, String message, ShadowServers shadows,
                           MigrationTargets targets, FlywaySettings flyway) {
        this(layout, version, message, shadows, targets, flyway, null);
    }

    /** The same request with another description for the file name. */
    public BaselineRequest withMessage(String other) {
        return new BaselineRequest(layout, version, other, shadows, targets, flyway, online);
    }

    /** The targets with their folders, Flyway settings and shadow servers. */
    List<Target> resolved() {
        return targets.resolve(layout, flyway, shadows);
    }
}
