package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.ColumnWords;
import io.github.jpamigrate.core.diff.SchemaChange;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one migration for one dialect.
 *
 * @param statements    in execution order
 * @param transactional false when the script must run outside a transaction (SQLite's
 *                      {@code PRAGMA foreign_keys} is ignored inside one); the writer then adds
 *                      Flyway's per-script configuration {@code executeInTransaction=false}
 * @param followUp      the statements that complete this migration's changes in the online forms
 *                      and must not share its transaction ({@code create index concurrently},
 *                      {@code validate constraint}): a second migration, numbered next, run outside
 *                      a transaction; null when there are none
 */
public record RenderedMigration(List<Statement> statements, boolean transactional, RenderedMigration followUp) {

    public RenderedMigration {
        statements = List.copyOf(statements);
    }

    public RenderedMigration(List<Statement> statements, boolean transactional) {
        this(statements, transactional, null);
    }

    /** The changes this migration's statements realise, in order, each once (a follow-up's header lists them). */
    public List<SchemaChange> origins() {
        List<SchemaChange> out = new ArrayList<>();
        statements.stream().map(Statement::origin).filter(o -> o != null && !out.contains(o)).forEach(out::add);
        return out;
    }

    /**
     * The script text: a comment header (title, each change in words, then what some statements do
     * to existing rows) and the statements, each ending with a semicolon, LF line endings, a final
     * newline. Deterministic.
     */
    public String script(String title, List<SchemaChange> changes) {
        return script(title, changes, ColumnWords.MODEL);
    }

    /**
     * The script text, its header spelling types and defaults with {@code words}, as the
     * renderer's statements do ({@link MigrationRenderer#words}).
     */
    public String script(String title, List<SchemaChange> changes, ColumnWords words) {
        return script(title, changes, words, List.of());
    }

    /**
     * The script text, its header also listing {@code expected}: the objects entities map that this
     * migration does not create ({@code UnmanagedTables.introduced}), for the project's own migrations.
     */
    public String script(String title, List<SchemaChange> changes, ColumnWords words, List<String> expected) {
        return script(title, changes, words, expected, List.of());
    }

    /**
     * The script text, its header ending with {@code acknowledged}: one whole comment line per data
     * loss the user acknowledged when the migration was generated (a marker such as
     * {@code jpa-migrate:allow-destructive customer.fax}), where the reviewer reads it and Flyway's
     * checksum keeps it from changing once released.
     */
    public String script(String title, List<SchemaChange> changes, ColumnWords words, List<String> expected,
                         List<String> acknowledged) {
        StringBuilder out = new StringBuilder();
        out.append("-- ").append(title).append('\n');
        out.append("--\n-- Changes:\n");
        if (changes.isEmpty()) {
            out.append("--   (none)\n");
        }
        for (SchemaChange change : changes) {
            out.append("--   ").append(oneLine(change.describe(words))).append('\n');
        }
        if (!expected.isEmpty()) {
            out.append("--\n-- Not created here (expected from the project's own migrations):\n");
            expected.forEach(line -> out.append("--   ").append(oneLine(line)).append('\n'));
        }
        List<String> cautions = cautions();
        if (!cautions.isEmpty()) {
            out.append("--\n-- Caution:\n");
            cautions.forEach(line -> out.append("--   ").append(line).append('\n'));
        }
        if (!acknowledged.isEmpty()) {
            out.append("--\n-- Data loss acknowledged when generated (-Djpamigrate.allowDestructive); verify reads these lines:\n");
            acknowledged.forEach(line -> out.append("-- ").append(oneLine(line)).append('\n'));
        }
        for (Statement statement : statements) {
            out.append('\n').append(statement.text()).append(";\n");
        }
        return out.toString();
    }

    /**
     * The comment lines statements carry about existing rows (a cast, a table rewrite or copy),
     * repeated in the header so that a reviewer sees them without reading every statement.
     */
    private List<String> cautions() {
        List<String> out = new ArrayList<>();
        for (Statement statement : statements) {
            statement.comments().stream().filter(line -> !out.contains(line)).forEach(out::add);
        }
        return out;
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
