package io.github.jpamigrate.plugin.apply;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.ConnectionFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.FlywayFailure;
import io.github.jpamigrate.plugin.replay.JdbcSecrets;
import io.github.jpamigrate.plugin.replay.QuietFlyway;
import io.github.jpamigrate.plugin.replay.SeedRows;
import io.github.jpamigrate.plugin.sql.StatementSplitter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * {@code migrate} and {@code undo} on a database the user names.
 * <p>
 * {@code migrate} is Flyway's migrate with the project's own settings (the target's folders,
 * history table, placeholders and Java migrations), as the application would run it at start-up.
 * <p>
 * {@code undo} takes back the newest applied versioned migration only: its undo script
 * ({@code U<version>__*.sql}, which {@code generate} writes beside every migration) runs and the
 * migration's row leaves Flyway's history table, in one transaction where the database makes DDL
 * transactional (PostgreSQL, H2, SQLite); MariaDB/MySQL commit each DDL statement, which the log
 * says. It refuses a version that is not the newest applied, a failed migration in the history, a
 * baseline, and a Java migration (it has no undo script). Flyway's own undo is a paid feature;
 * this one needs none.
 */
public final class ApplyWorkflow {

    private final WorkflowLog log;

    public ApplyWorkflow(WorkflowLog log) {
        this.log = log;
    }

    /** Applies every pending migration; returns how many ran. */
    public int migrate(ApplyRequest request) {
        Target target = target(request);
        String shown = JdbcSecrets.redactUrl(request.url());
        try (FlywaySettings.Configured configured = target.flyway().configure(); QuietFlyway quiet = QuietFlyway.start()) {
            MigrateResult result = flyway(configured.config(), request).migrate();
            for (MigrateOutput migration : result.migrations) {
                log.info("Applied " + (migration.version == null || migration.version.isEmpty() ? "repeatable"
                        : "V" + migration.version) + " " + migration.description + " (" + fileName(migration.filepath)
                        + ", " + migration.executionTime + " ms)");
            }
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            log.info(result.migrationsExecuted == 0
                    ? shown + " is up to date" + (version == null ? " (no migration in " + folders(target) + ")" : " at version " + version) + "."
                    : "Applied " + result.migrationsExecuted + " migration(s) to " + shown + "; it is now at version "
                            + version + ".");
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new WorkflowFailure("migrate on " + shown + " stopped: " + JdbcSecrets.redact(
                    FlywayFailure.of(e, target.dialect(), target.flyway().locations()).message(), request.url(),
                    request.password()) + ". " + afterFailure(target.dialect()), e);
        }
    }

    /** Takes the newest applied migration back with its undo script; returns its version. */
    public String undo(ApplyRequest request) throws IOException {
        Target target = target(request);
        String shown = JdbcSecrets.redactUrl(request.url());
        MigrationInfo newest;
        String table = target.flyway().table();
        try (FlywaySettings.Configured configured = target.flyway().configure(); QuietFlyway quiet = QuietFlyway.start()) {
            newest = newestApplied(flyway(configured.config(), request).info().applied(), shown);
        } catch (FlywayException e) {
            throw new WorkflowFailure("undo cannot read the Flyway history of " + shown + ": "
                    + JdbcSecrets.redact(oneLine(e.getMessage()), request.url(), request.password()), e);
        }
        String version = newest.getVersion().getVersion();
        if (request.version() != null && !request.version().isBlank()
                && MigrationVersion.parse(request.version().strip()).compareTo(MigrationVersion.parse(version)) != 0) {
            throw new WorkflowFailure("V" + request.version().strip() + " is not the newest migration applied to " + shown
                    + " (V" + version + " is): undo takes migrations back one at a time, newest first. Nothing was"
                    + " changed. Run mvn jpa-migrate:undo -Djpamigrate.version=" + version + " first.");
        }
        if (newest.getType().isBaseline()) {
            throw new WorkflowFailure("V" + version + " on " + shown + " is a baseline (" + newest.getDescription()
                    + "): there is nothing before it to go back to. Nothing was changed.");
        }
        if (!"SQL".equals(newest.getType().name())) {
            throw new WorkflowFailure("V" + version + " on " + shown + " is a " + newest.getType().name()
                    + " migration (" + newest.getScript() + "), which has no undo script. Nothing was changed;"
                    + " take it back by hand, then delete its row from " + table + ".");
        }
        Path undo = target.layout().undoScript(MigrationVersion.parse(version)).orElseThrow(() -> new WorkflowFailure("no undo script for V" + version
                + " (" + newest.getScript() + ") in " + target.layout().undoDirectory() + ": generate writes U" + version
                + "__<description>.sql beside each migration it writes; for a hand-written migration, write one there."
                + " Nothing was changed."));
        String script = target.flyway().withPlaceholders(Files.readString(undo, StandardCharsets.UTF_8));
        Dialect dialect = target.dialect();
        boolean mysql = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
        boolean transactional = !mysql;
        List<StatementSplitter.Piece> pieces = StatementSplitter.split(script, mysql);
        try (Connection connection = connect(request, dialect, shown)) {
            connection.setAutoCommit(!transactional);
            int ran = 0;
            for (StatementSplitter.Piece piece : pieces) {
                if (piece.text().isBlank()) {
                    continue;
                }
                try (var statement = connection.createStatement()) {
                    statement.execute(piece.text());
                    ran++;
                } catch (SQLException e) {
                    rollback(connection, transactional);
                    throw new WorkflowFailure("undo of V" + version + " stopped at line " + piece.line() + " of "
                            + undo.getFileName() + ": " + JdbcSecrets.redact(oneLine(e.getMessage()), request.url(),
                            request.password()) + ". " + (transactional
                            ? "Nothing was changed (the transaction was rolled back); V" + version + " is still applied."
                            : "MariaDB/MySQL commit each DDL statement: the " + ran + " statement(s) before it stay"
                                    + " applied and V" + version + " is still recorded as applied; finish the undo by"
                                    + " hand, then delete its row from " + table + "."), e);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from " + SeedRows.quote(dialect, table)
                    + " where installed_rank = ?")) {
                delete.setInt(1, newest.getInstalledRank());
                delete.executeUpdate();
            } catch (SQLException e) {
                rollback(connection, transactional);
                throw new WorkflowFailure("undo of V" + version + " could not remove its row from " + table + ": "
                        + oneLine(e.getMessage()) + ". " + (transactional ? "Nothing was changed."
                        : "The undo script's statements stay applied; delete the row by hand."), e);
            }
            if (transactional) {
                connection.commit();
            }
            log.info("Undid V" + version + " (" + newest.getDescription() + ") on " + shown + " with "
                    + undo.getFileName() + ": " + ran + " statement(s)"
                    + (transactional ? " and its history row, in one transaction." : " (each DDL statement committed"
                    + " on its own, as MariaDB/MySQL do), then its history row."));
            log.info(newest.getScript() + " is still in the migration folder: the next migrate applies it again."
                    + " To drop the change for good, delete it with " + undo.getFileName() + " and take the previous"
                    + " snapshot (git checkout), or generate a new migration.");
            return version;
        } catch (SQLException e) {
            throw new WorkflowFailure("undo of V" + version + " on " + shown + " failed: "
                    + JdbcSecrets.redact(oneLine(e.getMessage()), request.url(), request.password()), e);
        }
    }

    /** The target whose dialect the URL speaks. */
    private static Target target(ApplyRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            throw new WorkflowFailure("no database named: set -Djpamigrate.url=jdbc:... (and -Djpamigrate.user,"
                    + " -Djpamigrate.password where the database needs them). migrate and undo never pick a"
                    + " database by themselves.");
        }
        String shown = JdbcSecrets.redactUrl(request.url().strip());
        Dialect dialect = Dialect.ofJdbcUrl(request.url().strip()).orElseThrow(() -> new WorkflowFailure(
                "jpamigrate.url " + shown + " is not a database JPA Migrate writes for: use a URL starting with"
                        + " jdbc:sqlite:, jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:"));
        return request.targets().stream().filter(t -> t.dialect() == dialect || sameServer(t.dialect(), dialect))
                .findFirst().orElseThrow(() -> new WorkflowFailure("jpamigrate.url " + shown + " is a "
                        + dialect.id() + " database, and this project's migrations are written for "
                        + request.targets().stream().map(t -> t.dialect().id()).toList() + ": add " + dialect.id()
                        + " to <dialects> (and its migrations) or name a database of the project's dialect."));
    }

    private static boolean sameServer(Dialect a, Dialect b) {
        return (a == Dialect.MARIADB || a == Dialect.MYSQL) && (b == Dialect.MARIADB || b == Dialect.MYSQL);
    }

    private static Flyway flyway(FluentConfiguration config, ApplyRequest request) {
        FluentConfiguration withSource = config.dataSource(request.url().strip(), request.user(), request.password());
        // a follow-up's create index concurrently waits for Flyway's transactional lock (docs/dialects.md)
        var postgresql = withSource.getPluginRegister()
                .getPlugin(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class);
        if (postgresql != null) {
            postgresql.setTransactionalLock(false);
        }
        return withSource.load();
    }

    /** The newest applied versioned migration, refusing a history with a failed one. */
    private static MigrationInfo newestApplied(MigrationInfo[] applied, String shown) {
        MigrationInfo newest = null;
        for (MigrationInfo migration : applied) {
            if (migration.getState().isFailed()) {
                throw new WorkflowFailure((migration.getVersion() == null ? migration.getScript() : "V"
                        + migration.getVersion().getVersion()) + " failed on " + shown + " and is recorded as failed:"
                        + " undo does not run on a half-applied history. Fix the database by hand and remove the"
                        + " failed row (Flyway's repair), then run undo again. Nothing was changed.");
            }
            if (migration.getVersion() != null && !migration.getType().isSynthetic() && !migration.getType().isUndo()
                    && (newest == null || migration.getVersion().compareTo(newest.getVersion()) > 0)) {
                newest = migration;
            }
        }
        if (newest == null) {
            throw new WorkflowFailure(shown + " has no applied migration to undo. Nothing was changed.");
        }
        return newest;
    }

    private static Connection connect(ApplyRequest request, Dialect dialect, String shown) {
        Properties properties = new Properties();
        if (dialect != Dialect.SQLITE) {
            if (request.user() != null) {
                properties.setProperty("user", request.user());
            }
            if (request.password() != null) {
                properties.setProperty("password", request.password());
            }
        }
        try {
            return DriverManager.getConnection(request.url().strip(), properties);
        } catch (SQLException e) {
            throw new WorkflowFailure("cannot connect to " + shown + (request.user() == null ? "" : " as " + request.user())
                    + ": " + ConnectionFailure.describe(request.url(), request.password(), e)
                    + " Check -Djpamigrate.url, -Djpamigrate.user and -Djpamigrate.password.", e);
        }
    }

    private static void rollback(Connection connection, boolean transactional) {
        if (transactional) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the failure being reported is the one that matters
            }
        }
    }

    private static String afterFailure(Dialect dialect) {
        return dialect == Dialect.MARIADB || dialect == Dialect.MYSQL
                ? "MariaDB/MySQL commit each DDL statement: the failed migration's statements before the failure stay"
                        + " applied and Flyway records it as failed; fix the database and the script, remove the failed"
                        + " row (Flyway's repair), then run migrate again."
                : "Flyway rolled the failed migration back where it ran in a transaction (a migration whose .conf says"
                        + " executeInTransaction=false keeps what it did); fix the script, then run migrate again.";
    }

    private static String folders(Target target) {
        return String.join(", ", target.flyway().locations());
    }

    private static String fileName(String path) {
        if (path == null) {
            return "?";
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip().replaceAll("\\s+", " ");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
