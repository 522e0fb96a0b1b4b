/** End-to-end tests: real Maven builds of the template projects under {@code src/test/projects}. */
package io.github.jpamigrate.it;
