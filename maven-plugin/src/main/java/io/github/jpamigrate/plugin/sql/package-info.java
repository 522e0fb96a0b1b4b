/**
 * Reading migration scripts as SQL: {@link io.github.jpamigrate.plugin.sql.StatementSplitter} cuts a
 * script into statements (quotes, dollar quotes, comments and Flyway placeholders respected) and
 * {@link io.github.jpamigrate.plugin.sql.StatementParser} reads each with JSqlParser. Shared by the
 * live scan ({@code check-db}) and the migration lint.
 */
package io.github.jpamigrate.plugin.sql;
