package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check-db} and {@code status} read.
 *
 * @param layout   the project's files (the descriptor, the snapshot, the migration folder)
 * @param database the live database, or null (only {@code status} works without one)
 * @param flyway   the application's Flyway settings: locations, history table, placeholders;
 *                 {@code {vendor}} in a location stands for a target's vendor folder name
 * @param targets  the databases the migrations are written for; with vendor folders, the live
 *                 database's vendor picks the folder read
 * @param shadow   a server where {@code check-db} may make a scratch database of the live database's
 *                 vendor (to replay the migrations when the database has no Flyway history), or null
 */
public record LiveRequest(ProjectLayout layout, LiveDatabase database, FlywaySettings flyway, MigrationTargets targets,
                          ShadowDatabase shadow) {

    public LiveRequest {
        targets = targets == null ? MigrationTargets.single(Dialect.SQLITE) : targets;
    }

    /** A request without a shadow server. */
    public LiveRequest(ProjectLayout layout, LiveDatabase database, FlywaySettings flyway, MigrationTargets targets) {
        this(layout, database, flyway, targets, null);
    }

    /** A request for the plain migration folder. */
    public LiveRequest(ProjectLayout layout, LiveDatabase database, FlywaySettings flyway) {
        this(layout, database, flyway, null);
    }

    /**
     * The request for the database's own migrations: in the vendor layout, the folder of the
     * URL's vendor ({@code mysql/} for a MariaDB or MySQL URL); else this request.
     *
     * @throws WorkflowFailure when the URL's vendor is not among the targets
     */
    LiveRequest forDatabase() {
        if (database == null || !targets.vendorFolders()) {
            return this;
        }
        Dialect target = targets.targetFor(database.dialect(), "jpamigrate.url " + database.shownUrl());
        return forTarget(target);
    }

    /** One request per vendor folder (without a database: what {@code status} lists); else this request. */
    List<LiveRequest> perVendor() {
        return targets.vendorFolders() ? targets.dialects().stream().map(this::forTarget).toList() : List.of(this);
    }

    private LiveRequest forTarget(Dialect dialect) {
        Target target = targets.target(dialect, layout, flyway, ShadowServers.NONE);
        return new LiveRequest(target.layout(), database, target.flyway(), MigrationTargets.single(dialect), shadow);
    }

    /** The folders behind the {@code filesystem:} locations, which this tool reads the migration files from. */
    List<MigrationDirectory> folders() {
        List<MigrationDirectory> folders = new ArrayList<>();
        for (String location : flyway.locations()) {
            if (location.startsWith("filesystem:")) {
                folders.add(new MigrationDirectory(Path.of(location.substring("filesystem:".length()))));
            }
        }
        return folders;
    }
}
