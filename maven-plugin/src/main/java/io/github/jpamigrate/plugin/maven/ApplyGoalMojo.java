package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.apply.ApplyRequest;
import io.github.jpamigrate.plugin.project.ShadowServers;

/** The goals that change a database the user names ({@code migrate}, {@code undo}): where it is and how to log in. */
abstract class ApplyGoalMojo extends DatabaseGoalMojo {

    ApplyRequest applyRequest(String version) {
        return new ApplyRequest(targets().resolve(layout(), flywaySettings(), ShadowServers.NONE), url, user, password, version);
    }
}
