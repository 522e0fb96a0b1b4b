package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;

import java.util.Objects;

/**
 * One SQL statement of a migration, without the closing semicolon, with the change it came from
 * (null for the scaffolding a dialect needs around its changes, such as SQLite's pragmas).
 *
 * @param sql    the statement text
 * @param origin the change it realises, or null
 */
public record Statement(String sql, SchemaChange origin) {
    public Statement {
        Objects.requireNonNull(sql, "sql");
    }

    public static Statement of(String sql, SchemaChange origin) {
        return new Statement(sql, origin);
    }

    public static Statement scaffolding(String sql) {
        return new Statement(sql, null);
    }
}
