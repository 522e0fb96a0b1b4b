/**
 * Teams on branches: what two branches that each generated a migration leave behind after a merge
 * (two migrations of one version, a migration generated from a chain that is no longer the folder's,
 * a snapshot that belongs to another migration, undo scripts and {@code .conf} files whose migration
 * was renumbered), found without git or a database ({@code check}), and put right with
 * {@code jpa-migrate:rebase}.
 */
package io.github.jpamigrate.plugin.branches;
