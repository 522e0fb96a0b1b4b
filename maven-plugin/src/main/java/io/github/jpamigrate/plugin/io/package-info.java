/** The project files the goals read and write: the snapshot, the migration folder, and atomic, never-overwriting writes under a lock. */
package io.github.jpamigrate.plugin.io;
