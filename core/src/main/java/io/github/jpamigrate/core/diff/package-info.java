/** The pure comparison of two models: {@code (old, new) -> List<SchemaChange>}, no SQL and no I/O. */
package io.github.jpamigrate.core.diff;
