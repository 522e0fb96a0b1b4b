/** The JPA Migrate annotation processor: reads JPA entities while javac runs and writes the model descriptor. */
package io.github.jpamigrate.processor;
