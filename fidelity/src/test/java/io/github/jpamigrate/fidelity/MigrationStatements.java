package io.github.jpamigrate.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;

/**
 * The statements of a PostgreSQL migration script as Flyway itself splits them (its PostgreSQL
 * parser: dollar quoting, comments, {@code DO} blocks), each on one line for the report, without
 * the comments before it.
 */
final class MigrationStatements {

    private MigrationStatements() {
    }

    static List<String> of(String script) {
        List<String> out = new ArrayList<>();
        PostgreSQLParser parser = new PostgreSQLParser(new FluentConfiguration(), new ParsingContext());
        try (SqlStatementIterator statements = parser.parse(new StringResource(script))) {
            while (statements.hasNext()) {
                String sql = oneLine(withoutLeadingComments(statements.next().getSql()));
                if (!sql.isEmpty()) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    /**
     * The statement without the comments before it (Flyway keeps a block comment, or a header, with
     * the statement that follows it); comments inside the statement stay.
     */
    static String withoutLeadingComments(String sql) {
        int at = 0;
        while (true) {
            while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
                at++;
            }
            if (sql.startsWith("--", at)) {
                int end = sql.indexOf('\n', at);
                at = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", at)) {
                int end = sql.indexOf("*/", at + 2);
                at = end < 0 ? sql.length() : end + 2;
            } else {
                return sql.substring(at);
            }
        }
    }

    /** Whitespace runs as one space (the report's form); comments and quoted text are kept as written. */
    static String oneLine(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean space = false;
        for (char c : sql.strip().toCharArray()) {
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The form two statements are compared in: one line, lower case, no trailing semicolon. */
    static String comparable(String sql) {
        String line = oneLine(sql).toLowerCase(Locale.ROOT);
        return line.endsWith(";") ? line.substring(0, line.length() - 1).strip() : line;
    }
}
