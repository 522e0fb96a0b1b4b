/** Benchmarks, run on demand (profile {@code benchmarks}): compile, check, diff, verify and memory on large generated projects, next to javac, Hibernate and Flyway. */
package io.github.jpamigrate.benchmark;
