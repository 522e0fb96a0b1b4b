package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code generate}'s self-check and {@code verify} both do on a scratch database: let Flyway
 * apply a folder, read the schema back through JDBC, and diff it with a model.
 */
public final class ScratchReplay {

    private ScratchReplay() {
    }

    /**
     * Applies the pending migrations with Flyway, up to {@code target} (all when null), without
     * Flyway's INFO lines.
     *
     * @throws io.github.jpamigrate.plugin.replay.ReplayException naming the failing migration
     */
    public static int migrate(ScratchDatabase db, FlywaySettings settings, String target) {
        try (QuietFlyway quiet = QuietFlyway.silent()) {
            return MigrationReplay.migrate(db, settings, target);
        }
    }

    /** The changes from the model to the database, both in the dialect's normal form: empty when they agree. */
    public static List<SchemaChange> drift(ScratchDatabase db, SchemaModel model, Set<String> ignored) throws SQLException {
        try (Connection connection = db.connect()) {
            return SchemaDrift.between(model, connection, db.dialect(), ignored);
        }
    }

    /** As {@link #drift}, with the schema read (whose column types the words for the user take). */
    public static SchemaDrift.Read driftRead(ScratchDatabase db, SchemaModel model, Set<String> ignored) throws SQLException {
        try (Connection connection = db.connect()) {
            return SchemaDrift.read(model, connection, db.dialect(), ignored);
        }
    }

    /** Flyway's history table, and the one-row tables that stand for sequences on SQLite. */
    public static Set<String> ignoredTables(String historyTable, SchemaModel... models) {
        Set<String> ignored = new HashSet<>(Set.of(historyTable));
        Stream.of(models).flatMap(m -> m.sequences().stream()).map(Sequence::name).forEach(ignored::add);
        return ignored;
    }

    public static String lines(List<SchemaChange> changes) {
        StringBuilder out = new StringBuilder();
        changes.forEach(c -> out.append("\n  - ").append(c.describe()));
        return out.toString();
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
