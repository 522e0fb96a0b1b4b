/**
 * Applying migrations to a database and taking the newest one back: {@code jpa-migrate:migrate}
 * (Flyway with the project's own settings: folders, history table, placeholders, Java migrations)
 * and {@code jpa-migrate:undo} (the newest applied migration's undo script and its history row,
 * together). The only goals that write to a database the user names; never to a default one.
 */
package io.github.jpamigrate.plugin.apply;
