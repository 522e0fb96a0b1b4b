/** A benchmark, run on demand: {@code verify} on a large synthetic project, against bare Flyway on the same folder. */
package io.github.jpamigrate.benchmark;
