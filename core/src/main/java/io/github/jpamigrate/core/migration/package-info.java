/** Flyway's file naming: versions, versioned and undo file names, and the next version to write. */
package io.github.jpamigrate.core.migration;
