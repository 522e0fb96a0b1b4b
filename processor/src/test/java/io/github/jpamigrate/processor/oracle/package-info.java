/** Proves the processor's descriptor equals what Hibernate ORM derives from the same fixture entities, per dialect. */
package io.github.jpamigrate.processor.oracle;
