/** Annotation names as strings for both JPA namespaces and a typed reader of annotation values with their defaults. */
package io.github.jpamigrate.processor.jpa;
