/** Writes the model descriptor and the runtime schema check class, and reads the descriptor a previous compilation left. */
package io.github.jpamigrate.processor.emit;
