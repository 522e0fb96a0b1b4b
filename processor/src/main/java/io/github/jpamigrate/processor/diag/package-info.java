/** Compile errors and warnings with stable codes, reported on the element, annotation and member involved. */
package io.github.jpamigrate.processor.diag;
