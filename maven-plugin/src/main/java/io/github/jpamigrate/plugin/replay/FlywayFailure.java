package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed Flyway {@code migrate} in this project's words: the file and line, the statement, the
 * database's own message (without the banner Flyway wraps it in) and, where the failure has a
 * usual cause, that cause and its fix — SQL written for another database, a folder that starts
 * from a schema no migration in it makes, a placeholder with no value. Flyway's message says
 * "run Flyway with -X to see the statement" and points at its web help; the goals run Flyway
 * through its API, where neither helps.
 */
public final class FlywayFailure {

    /** Flyway's placeholder message, {@code No value provided for placeholder: ${name}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("No value provided for placeholder: \\$\\{([^}]+)}");
    /** Flyway's parser message, {@code Unable to parse statement in <path> at line <n> col <m>}. */
    private static final Pattern PARSE_LOCATION = Pattern.compile("Unable to parse statement in (\\S+) at line (\\d+)");
    private static final int STATEMENT_LENGTH = 240;

    private final String file;
    private final int line;
    private final String statement;
    private final String databaseMessage;
    private final String sqlState;
    private final String cause;

    private FlywayFailure(String file, int line, String statement, String databaseMessage, String sqlState, String cause) {
        this.file = file;
        this.line = line;
        this.statement = statement;
        this.databaseMessage = databaseMessage;
        this.sqlState = sqlState;
        this.cause = cause;
    }

    /**
     * Reads Flyway's exception.
     *
     * @param dialect   the database the migrations ran on
     * @param locations the Flyway locations replayed, to name in the likely cause
     */
    public static FlywayFailure of(FlywayException failure, Dialect dialect, List<String> locations) {
        Optional<FlywaySqlScriptException> script = find(failure, FlywaySqlScriptException.class);
        Optional<SQLException> sql = find(failure, SQLException.class);
        String folders = String.join(", ", locations);
        String messages = messages(failure);
        Matcher placeholder = PLACEHOLDER.matcher(messages);
        if (placeholder.find()) {
            Matcher at = PARSE_LOCATION.matcher(messages);
            String file = at.find() ? fileName(at.group(1)) : null;
            int line = file != null ? Integer.parseInt(at.group(2)) : 0;
            String name = placeholder.group(1);
            return new FlywayFailure(file, line, null, "the placeholder ${" + name + "} has no value", null,
                    "set it in the plugin's configuration (<flywayPlaceholders><" + name + ">…</" + name + "></flywayPlaceholders>)"
                            + " as the application sets it for Flyway (Spring Boot: spring.flyway.placeholders." + name
                            + "), or write ${" + name + ":default} in the script");
        }
        String file = script.map(s -> s.getResource() == null ? null : fileName(s.getResource().getFilename())).orElse(null);
        int line = script.map(FlywaySqlScriptException::getLineNumber).orElse(0);
        String statement = script.map(FlywaySqlScriptException::getStatement).map(FlywayFailure::shortened).orElse(null);
        String message = sql.map(e -> databaseWords(e.getMessage())).orElseGet(() -> firstLine(failure.getMessage()));
        String state = sql.map(SQLException::getSQLState).orElse(null);
        String likely = sql.map(e -> likelyCause(e, dialect, folders)).orElse(null);
        return new FlywayFailure(file, line, statement, message, state, likely);
    }

    /** One paragraph: where, what the database said, the statement, the likely cause. */
    public String message() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file).append(line > 0 ? " line " + line : "").append(": ");
        }
        text.append(databaseMessage);
        if (sqlState != null && !sqlState.isBlank()) {
            text.append(" (SQL state ").append(sqlState).append(')');
        }
        if (statement != null) {
            text.append("; the statement: ").append(statement);
        }
        if (cause != null) {
            text.append("; likely cause: ").append(cause);
        }
        return text.toString();
    }

    private static String likelyCause(SQLException e, Dialect dialect, String folders) {
        String name = dialect.displayName();
        return switch (dialect.statementFailure(e.getSQLState(), e.getErrorCode(), e.getMessage())) {
            case SYNTAX -> "the statement is not " + name + " SQL. If the folder (" + folders + ") was written for"
                    + " another database, give " + name + " a folder of its own, started from the model with mvn"
                    + " jpa-migrate:baseline (docs/guide.md, moving to another database)";
            case UNDEFINED_OBJECT -> "no migration before this one in " + folders + " makes that table or column. A"
                    + " folder written for another database, or one that starts from a schema made outside it, needs"
                    + " its baseline migration first (a B file; mvn jpa-migrate:baseline writes one from the model);"
                    + " or the name is spelled differently (quoting, case) where the object is made";
            case OTHER -> null;
        };
    }

    /**
     * The database's message without its wrapping: PostgreSQL's {@code ERROR: } and position
     * lines, MariaDB's connection number, H2's {@code ; SQL statement:} tail and error number, SQLite's {@code [SQLITE_ERROR]} banner.
     */
    static String databaseWords(String message) {
        if (message == null || message.isBlank()) {
            return "(the database gave no message)";
        }
        String text = message.strip();
        int sqlStatement = text.indexOf("; SQL statement:");
        if (sqlStatement >= 0) {
            text = text.substring(0, sqlStatement);
        }
        text = text.replaceFirst("^\\(conn=\\d+\\)\\s*", "")
                .replaceFirst("^ERROR:\\s*", "")
                .replaceFirst("^\\[SQLITE_[A-Z_]+]\\s*[^(]*\\((.*)\\)$", "$1")
                .replaceFirst("\\s*\\[\\d{5}-\\d+]$", "");
        StringBuilder kept = new StringBuilder();
        for (String part : text.split("\\R")) {
            String strip = part.strip();
            if (strip.isEmpty() || strip.startsWith("Position:") || strip.startsWith("Where:")) {
                continue;
            }
            kept.append(kept.isEmpty() ? "" : " ").append(strip);
        }
        return kept.toString();
    }

    private static String shortened(String statement) {
        if (statement == null || statement.isBlank()) {
            return null;
        }
        // Flyway's statement starts where the previous one ended: with the comments above it
        String code = statement.strip().replaceAll("\\A(?:(?:--[^\\n]*(?:\\n|\\z)|/\\*(?s:.*?)\\*/)\\s*)+", "");
        String one = (code.isBlank() ? statement.strip() : code).replaceAll("\\s+", " ");
        return one.length() <= STATEMENT_LENGTH ? one : one.substring(0, STATEMENT_LENGTH - 1) + "…";
    }

    private static String fileName(String path) {
        if (path == null) {
            return null;
        }
        try {
            Path name = Path.of(path).getFileName();
            return name == null ? path : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return Optional.of(kind.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
