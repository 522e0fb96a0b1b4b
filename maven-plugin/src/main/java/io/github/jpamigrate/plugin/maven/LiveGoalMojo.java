package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.live.LiveDatabase;
import io.github.jpamigrate.plugin.live.LiveRequest;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;

/** The goals that read a live database ({@code check-db}, {@code status}): where it is and how to log in. */
abstract class LiveGoalMojo extends DatabaseGoalMojo {

    /** The request for the workflows; the database is null when no URL is given. */
    LiveRequest liveRequest() {
        LiveDatabase database = url == null || url.isBlank() ? null : LiveDatabase.of(url, user, password);
        return new LiveRequest(layout(), database, flywaySettings(), targets(), shadowDatabase());
    }

    /** The server scratch databases may be made on; none unless the goal has the parameters for one. */
    ShadowDatabase shadowDatabase() {
        return null;
    }
}
