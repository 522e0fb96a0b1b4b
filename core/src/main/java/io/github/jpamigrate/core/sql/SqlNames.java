package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes identifiers for a dialect: quoted only where needed (reserved words, unusual
 * characters), with the dialect's quote character, and quotes inside a name doubled.
 */
public final class SqlNames {

    private final char quote;

    public SqlNames(char quote) {
        this.quote = quote;
    }

    /** Double quotes: SQLite, PostgreSQL, H2. */
    public static SqlNames standard() {
        return new SqlNames('"');
    }

    /** Back-ticks: MySQL and MariaDB. */
    public static SqlNames backtick() {
        return new SqlNames('`');
    }

    public String name(String identifier) {
        if (!Identifiers.needsQuoting(identifier)) {
            return identifier;
        }
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
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

    /** A SQL string literal with quotes doubled. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
