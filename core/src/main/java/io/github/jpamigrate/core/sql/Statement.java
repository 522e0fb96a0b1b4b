package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;

import java.util.List;
import java.util.Objects;

/**
 * One SQL statement of a migration, without the closing semicolon, with what it does to existing
 * rows and the change it came from.
 *
 * @param sql      the statement text, without comments
 * @param comments what the statement does to existing rows (a cast, a table rewrite or copy), one
 *                 line each; the script writes them above the statement and repeats them in its header
 * @param origin   the change it realises, or null for the scaffolding a dialect needs around its
 *                 changes (such as SQLite's pragmas) and for a statement not yet given its change
 * @param accepts  the migration lint's accept markers the statement carries, each a whole marker
 *                 such as {@code jpa-migrate:accept JML109 breaks the running old version: ...};
 *                 written as comment lines right above the SQL
 *                 ({@link LintAccepts}; docs/lint.md, "Generated migrations")
 */
public record Statement(String sql, List<String> comments, SchemaChange origin, List<String> accepts) {
    public Statement {
        Objects.requireNonNull(sql, "sql");
        comments = List.copyOf(comments);
        accepts = List.copyOf(accepts);
    }

    public Statement(String sql, List<String> comments, SchemaChange origin) {
        this(sql, comments, origin, List.of());
    }

    public static Statement of(String sql, SchemaChange origin) {
        return new Statement(sql, List.of(), origin);
    }

    public static Statement scaffolding(String sql) {
        return of(sql, null);
    }

    /** A statement a dialect writes before the plan ties it to its change ({@link #from}). */
    public static Statement plain(String sql) {
        return of(sql, null);
    }

    /** A statement with comment lines that say what it does to existing rows. */
    public static Statement commented(String sql, String... comments) {
        return new Statement(sql, List.of(comments), null);
    }

    /** The same statement, realising {@code change}. */
    public Statement from(SchemaChange change) {
        return new Statement(sql, comments, change, accepts);
    }

    /** The same statement, also carrying these accept markers (whole markers, {@link LintAccepts}). */
    public Statement accepting(List<String> markers) {
        List<String> all = new java.util.ArrayList<>(accepts);
        markers.stream().filter(m -> !all.contains(m)).forEach(all::add);
        return new Statement(sql, comments, origin, all);
    }

    /**
     * The statement as a script writes it: its comment lines, its accept markers, then the SQL. A
     * comment line that an accept marker gives as its reason is written once, in the marker (the
     * header's caution still lists it).
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        comments.stream().filter(line -> accepts.stream().noneMatch(marker -> marker.endsWith(" " + line)))
                .forEach(line -> out.append("-- ").append(line).append('\n'));
        accepts.forEach(marker -> out.append("-- ").append(marker).append('\n'));
        return out.append(sql).toString();
    }
}
