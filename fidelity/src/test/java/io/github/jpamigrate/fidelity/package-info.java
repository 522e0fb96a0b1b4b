/** Measures the processor and the first migration on real projects' entities, against Hibernate's validator and export. */
package io.github.jpamigrate.fidelity;
