/** Immutable records of the model descriptor and the identifier rules every reader and renderer shares. */
package io.github.jpamigrate.core.model;
