package io.github.jpamigrate.plugin.replay;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A failed Flyway {@code migrate} in JPA Migrate's words: which file, which line and statement,
 * what the database said, and the likely cause, instead of Flyway's banner of dashes and fields.
 */
final class ReplayFailure {

    private static final int STATEMENT_LENGTH = 200;

    private ReplayFailure() {
    }

    /** The failure as one paragraph: the file, the statement, the database's message, and a likely cause. */
    static String describe(FlywayException e) {
        FlywaySqlScriptException script = find(e, FlywaySqlScriptException.class);
        FlywayMigrateException migrate = find(e, FlywayMigrateException.class);
        MigrationInfo migration = migrate == null ? null : migrate.getMigration();
        String file = script != null && script.getResource() != null ? fileName(script.getResource().getFilename())
                : migration != null && migration.getScript() != null ? fileName(migration.getScript()) : null;
        SQLException sql = find(e, SQLException.class);
        String said = sql != null ? sql.getMessage() : flattened(e.getMessage());
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (script != null && script.getLineNumber() > 0) {
                out.append(", line ").append(script.getLineNumber());
            }
            if (script != null && script.getStatement() != null) {
                out.append(", statement `").append(shorten(script.getStatement())).append('`');
            }
            out.append(": the database says: ");
        }
        // PostgreSQL puts "Position: 13" on a line of its own: one line reads better in Maven's output.
        out.append(said == null ? "(no message)" : flattened(said));
        String cause = likelyCause(said == null ? "" : said, file);
        if (cause != null) {
            out.append(" (likely cause: ").append(cause).append(')');
        }
        return out.toString();
    }

    /** The usual reasons a migration that once ran fails on a fresh database. */
    private static String likelyCause(String message, String file) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("no value provided for placeholder")) {
            return "a placeholder the application sets is not set here: give the same values in <flywayPlaceholders>";
        }
        boolean missing = text.contains("does not exist") || text.contains("no such table") || text.contains("not found")
                || text.contains("doesn't exist") || text.contains("unknown table");
        if (missing) {
            return "the migration expects an object an earlier one creates: a migration folder of another vendor"
                    + " (after a changed <dialect>, run mvn jpa-migrate:baseline), a baseline migration (B) missing"
                    + " from the folder, or an earlier migration edited";
        }
        boolean syntax = text.contains("syntax error") || text.contains("syntax") && text.contains("near");
        if (syntax) {
            return (file == null ? "the" : file) + " is not SQL this database reads: written for another vendor"
                    + " (after a changed <dialect>, run mvn jpa-migrate:baseline) or edited by hand";
        }
        return null;
    }

    private static String fileName(String path) {
        return Path.of(path).getFileName().toString();
    }

    /** The statement on one line, without the comment lines Flyway keeps above it, cut after 200 characters. */
    private static String shorten(String statement) {
        String one = statement.strip().replaceAll("(?m)^\\s*--.*$", "").strip().replaceAll("\\s+", " ");
        return one.length() <= STATEMENT_LENGTH ? one : one.substring(0, STATEMENT_LENGTH) + " …";
    }

    private static String flattened(String message) {
        return message == null ? null : message.strip().replaceAll("\\s+", " ");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
