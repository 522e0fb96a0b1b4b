package io.github.jpamigrate.it.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs these servers. When one cannot be reached the test is skipped with a message
 * that names the server and how to start it; with the environment variable
 * {@code JPAMIGRATE_REQUIRE_DATABASES=true} (set by {@code .ci/run}) it fails instead, so CI never
 * passes by skipping.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DatabaseServerCheck.class)
public @interface RequiresDatabase {
    DatabaseServer[] value();
}
