package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes identifiers for a dialect: quoted only where needed (reserved words, unusual
 * characters), with the dialect's quote character, and quotes inside a name doubled. Where a
 * dialect folds unquoted names, a quoted one is written in the folded case, so that it names the
 * same object as the unquoted name the ORM uses (the model compares names without case).
 */
public final class SqlNames {

    private final char quote;
    private final UnaryOperator<String> foldQuoted;
    private final boolean backslashEscapes;

    public SqlNames(char quote) {
        this(quote, UnaryOperator.identity(), false);
    }

    private SqlNames(char quote, UnaryOperator<String> foldQuoted, boolean backslashEscapes) {
        this.quote = quote;
        this.foldQuoted = foldQuoted;
        this.backslashEscapes = backslashEscapes;
    }

    /** Double quotes: SQLite, PostgreSQL, H2. */
    public static SqlNames standard() {
        return new SqlNames('"');
    }

    /**
     * Double quotes, a quoted name written in lower case: PostgreSQL folds unquoted names to lower
     * case, so {@code "user"} is the table Hibernate's unquoted {@code User} looks for.
     */
    public static SqlNames foldingToLowerCase() {
        return new SqlNames('"', name -> name.toLowerCase(Locale.ROOT), false);
    }

    /** Double quotes, a quoted name written in upper case: H2 folds unquoted names to upper case. */
    public static SqlNames foldingToUpperCase() {
        return new SqlNames('"', name -> name.toUpperCase(Locale.ROOT), false);
    }

    /**
     * Back-ticks: MySQL and MariaDB. Their string literals also treat a backslash as an escape
     * under the default {@code sql_mode}, so a backslash in a value is written doubled. (A server
     * with {@code NO_BACKSLASH_ESCAPES} would keep both; the default mode is assumed.)
     */
    public static SqlNames backtick() {
        return new SqlNames('`', UnaryOperator.identity(), true);
    }

    public String name(String identifier) {
        if (!Identifiers.needsQuoting(identifier)) {
            return identifier;
        }
        String q = String.valueOf(quote);
        return q + foldQuoted.apply(identifier).replace(q, q + q) + q;
    }

    /** A comma-separated column list; a descending index column keeps its {@code desc}. */
    public String list(List<String> identifiers) {
        return identifiers.stream().map(this::indexColumn).collect(Collectors.joining(", "));
    }

    private String indexColumn(String column) {
        String lower = column.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(" desc")) {
            return name(column.substring(0, column.length() - 5)) + " desc";
        }
        if (lower.endsWith(" asc")) {
            return name(column.substring(0, column.length() - 4)) + " asc";
        }
        return name(column);
    }

    /** A standard SQL string literal with quotes doubled (for the dialects without backslash escapes). */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code text} as a string literal of this dialect: quotes doubled, and on MySQL/MariaDB backslashes too. */
    public String text(String text) {
        return literal(backslashEscapes ? text.replace("\\", "\\\\") : text);
    }

    /**
     * An SQL expression of the model (a column default, a backfill value), which is written in
     * standard SQL, as this dialect reads it: on MySQL/MariaDB a backslash inside a string literal
     * is doubled ({@code 'C:\temp'} would otherwise hold a tab); elsewhere the text as it is.
     */
    public String expression(String sql) {
        if (!backslashEscapes || sql.indexOf('\\') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString; // a doubled quote inside a literal toggles twice
            } else if (c == '\\' && inString) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
