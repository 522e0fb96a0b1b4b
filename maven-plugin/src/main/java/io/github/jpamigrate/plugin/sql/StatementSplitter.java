package io.github.jpamigrate.plugin.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a migration script into statements for the migration readers ({@code live.MigrationScan}, {@code lint.MigrationLint}): a lexer that knows where
 * quotes, dollar quotes and comments begin and end, so that a semicolon inside a string, a quoted
 * identifier, a comment or a PostgreSQL {@code $$} body does not end a statement. It reads no
 * meaning: each statement goes whole to the SQL parser.
 *
 * <p>Comments are dropped. A Flyway placeholder such as {@code ${schema}} outside quotes becomes
 * the quoted identifier {@code "${schema}"}, so that {@code ${schema}.orders} still parses as a
 * qualified name; its value is unknown here, and the scan records nothing whose own name holds a
 * placeholder. A placeholder glued to other characters ({@code ${prefix}_orders}) does not parse,
 * and the statement counts as not read.
 *
 * <p>For MySQL and MariaDB a backslash escapes the next character in strings, and {@code #}
 * starts a comment to the end of the line; elsewhere only PostgreSQL's {@code E'...'} strings
 * have backslash escapes. Not handled, so such statements are not read (never guessed): MySQL's
 * {@code DELIMITER} blocks, SQL Server's {@code GO}, PostgreSQL's {@code COPY ... FROM stdin} data.
 */
public final class StatementSplitter {

    /**
     * One statement: the 1-based line it starts on, its text without comments or the semicolon,
     * and the comments that belong to it: those between the previous statement and its end, and
     * one that starts on the line of its closing semicolon ({@code ...; -- note}).
     */
    public record Piece(int line, String text, List<String> comments) {

        public Piece {
            comments = List.copyOf(comments);
        }
    }

    private final String sql;
    private final boolean mysql;
    private final List<Piece> pieces = new ArrayList<>();
    private final List<List<String>> pieceComments = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private List<String> comments = new ArrayList<>();
    private int line = 1;
    private int startLine = -1;
    /** The line of the last closing semicolon, -1 before the first one. */
    private int endLine = -1;

    private StatementSplitter(String sql, boolean mysql) {
        this.sql = sql;
        this.mysql = mysql;
    }

    /**
     * @param mysql whether the script is MySQL's or MariaDB's: backslash escapes in strings and
     *              {@code #} comments
     */
    public static List<Piece> split(String sql, boolean mysql) {
        StatementSplitter splitter = new StatementSplitter(sql, mysql);
        splitter.run();
        List<Piece> result = new ArrayList<>();
        for (int i = 0; i < splitter.pieces.size(); i++) {
            Piece piece = splitter.pieces.get(i);
            result.add(new Piece(piece.line(), piece.text(), splitter.pieceComments.get(i)));
        }
        return result;
    }

    private void run() {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i) || c == '#' && mysql) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                comment(sql.substring(i, end));
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int startsOn = line;
                int end = blockCommentEnd(i);
                comment(startsOn, sql.substring(i, end));
                i = end;
                current.append(' ');
            } else if (c == '\'') {
                boolean escapes = mysql || i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !identifierPart(sql.charAt(i - 2)));
                i = copy(i, quotedEnd(i, '\'', escapes));
            } else if (c == '"' || c == '`') {
                i = copy(i, quotedEnd(i, c, mysql && c == '"'));
            } else if (c == '$' && placeholderEnd(i) > 0) {
                int end = placeholderEnd(i);
                mark();
                current.append('"').append(sql, i, end).append('"');
                i = end;
            } else if (c == '$' && (i == 0 || !identifierPart(sql.charAt(i - 1))) && dollarTag(i) != null) {
                String tag = dollarTag(i);
                int close = sql.indexOf(tag, i + tag.length());
                i = copy(i, close < 0 ? sql.length() : close + tag.length());
            } else if (c == ';') {
                int closedOn = line;
                if (finish()) {
                    endLine = closedOn;
                }
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    mark();
                }
                if (c == '\n') {
                    line++;
                }
                current.append(c);
                i++;
            }
        }
        finish();
        if (!pieceComments.isEmpty()) {
            pieceComments.get(pieceComments.size() - 1).addAll(comments); // comments after the last statement
        }
    }

    /** Copies {@code [from, to)} verbatim, counting its lines. */
    private int copy(int from, int to) {
        mark();
        for (int k = from; k < to; k++) {
            if (sql.charAt(k) == '\n') {
                line++;
            }
        }
        current.append(sql, from, to);
        return to;
    }

    private void mark() {
        if (startLine < 0) {
            startLine = line;
        }
    }

    /** Ends the current statement; false when there was none (only blanks or comments). */
    private boolean finish() {
        String text = current.toString().strip();
        boolean any = !text.isEmpty();
        if (any) {
            pieces.add(new Piece(startLine, text, List.of()));
            pieceComments.add(comments);
            comments = new ArrayList<>();
        }
        current.setLength(0);
        startLine = -1;
        return any;
    }

    private void comment(String text) {
        comment(line, text);
    }

    /**
     * Keeps a comment for the statement it belongs to: the previous one when it starts on the line
     * of that statement's semicolon and no new statement has begun, else the next one.
     */
    private void comment(int startsOn, String text) {
        if (startLine < 0 && startsOn == endLine && !pieceComments.isEmpty()) {
            pieceComments.get(pieceComments.size() - 1).add(text);
        } else {
            comments.add(text);
        }
    }

    /** The index after a block comment (PostgreSQL nests them); counts its lines. */
    private int blockCommentEnd(int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                if (sql.charAt(i) == '\n') {
                    line++;
                }
                i++;
            }
        }
        return i;
    }

    /** The index after a quoted string or identifier; a doubled quote stays inside. */
    private int quotedEnd(int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The index after a Flyway placeholder ({@code ${name}}, {@code ${flyway:user}}) at {@code i}, or -1. */
    private int placeholderEnd(int i) {
        if (!sql.startsWith("${", i)) {
            return -1;
        }
        int k = i + 2;
        while (k < sql.length() && (identifierPart(sql.charAt(k)) || ":.-".indexOf(sql.charAt(k)) >= 0)) {
            k++;
        }
        return k > i + 2 && k < sql.length() && sql.charAt(k) == '}' ? k + 1 : -1;
    }

    /** {@code $$} or {@code $tag$} at {@code i}, or null ({@code $1} is a parameter, not a quote). */
    private String dollarTag(int i) {
        int k = i + 1;
        if (k < sql.length() && Character.isDigit(sql.charAt(k))) {
            return null;
        }
        while (k < sql.length() && identifierPart(sql.charAt(k))) {
            k++;
        }
        return k < sql.length() && sql.charAt(k) == '$' ? sql.substring(i, k + 1) : null;
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
