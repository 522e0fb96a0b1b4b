package io.github.jpamigrate.it.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose methods build template projects: each test method may take a
 * {@link ProjectTemplates} parameter, which copies templates into
 * {@code it/target/it/<test class>/<test method>/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProjectTemplatesExtension.class)
public @interface EndToEnd {
}
