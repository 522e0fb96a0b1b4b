/** Turns the entity classes javac sees into the descriptor model, following the rules Hibernate ORM applies. */
package io.github.jpamigrate.processor.scan;
