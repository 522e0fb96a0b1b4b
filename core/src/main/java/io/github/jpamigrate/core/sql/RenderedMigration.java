package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;

import java.util.List;

/**
 * The statements of one migration for one dialect.
 *
 * @param statements    in execution order
 * @param transactional false when the script must run outside a transaction (SQLite's
 *                      {@code PRAGMA foreign_keys} is ignored inside one); the writer then adds
 *                      Flyway's per-script configuration {@code executeInTransaction=false}
 */
public record RenderedMigration(List<Statement> statements, boolean transactional) {

    public RenderedMigration {
        statements = List.copyOf(statements);
    }

    /**
     * The script text: a comment header (title, then each change in words) and the statements,
     * each ending with a semicolon, LF line endings, a final newline. Deterministic.
     */
    public String script(String title, List<SchemaChange> changes) {
        StringBuilder out = new StringBuilder();
        out.append("-- ").append(title).append('\n');
        out.append("--\n-- Changes:\n");
        if (changes.isEmpty()) {
            out.append("--   (none)\n");
        }
        for (SchemaChange change : changes) {
            out.append("--   ").append(oneLine(change.describe())).append('\n');
        }
        for (Statement statement : statements) {
            out.append('\n').append(statement.sql()).append(";\n");
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
