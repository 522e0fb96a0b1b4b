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

    public SqlNames(char quote) {
        this(quote, UnaryOperator.identity());
    }

    private SqlNames(char quote, UnaryOperator<String> foldQuoted) {
        this.quote = quote;
        this.foldQuoted = foldQuoted;
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
        return new SqlNames('"', name -> name.toLowerCase(Locale.ROOT));
    }

    /** Double quotes, a quoted name written in upper case: H2 folds unquoted names to upper case. */
    public static SqlNames foldingToUpperCase() {
        return new SqlNames('"', name -> name.toUpperCase(Locale.ROOT));
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

    /** A SQL string literal with quotes doubled. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
