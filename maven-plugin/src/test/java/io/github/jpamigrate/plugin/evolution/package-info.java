/**
 * Property tests: random model evolutions migrated on SQLite, H2, PostgreSQL and MariaDB with rows
 * in place, checked for schema, data, references, constraints and the undo script.
 */
package io.github.jpamigrate.plugin.evolution;
