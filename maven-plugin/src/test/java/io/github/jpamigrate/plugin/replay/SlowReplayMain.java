package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;

import java.nio.file.Path;

/**
 * A run that a test kills mid-replay: makes a scratch database on the server of the arguments,
 * prints its name, and replays a folder whose migration sleeps.
 * Arguments: dialect id, shadow URL, user, folder.
 */
public final class SlowReplayMain {

    private SlowReplayMain() {
    }

    public static void main(String[] args) {
        Dialect dialect = Dialect.valueOf(args[0]);
        ScratchDatabase db = ScratchDatabase.onServer(dialect, args[1], args[2], "");
        System.out.println("SCRATCH " + db.url());
        System.out.flush();
        MigrationReplay.migrate(db, FlywaySettings.folder(Path.of(args[3])));
        db.close();
    }
}
