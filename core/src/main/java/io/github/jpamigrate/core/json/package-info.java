/** The one reader and writer of the model descriptor: format version, stable order, readable diffs. */
package io.github.jpamigrate.core.json;
