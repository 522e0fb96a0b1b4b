/** Property tests: random model evolutions migrated on SQLite with rows in place, checked for schema, data and undo. */
package io.github.jpamigrate.evolution;
