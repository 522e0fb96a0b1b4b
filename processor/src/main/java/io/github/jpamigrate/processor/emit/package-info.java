/** Writes the model descriptor into the class output and reads the one a previous compilation left there. */
package io.github.jpamigrate.processor.emit;
