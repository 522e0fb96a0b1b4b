/** Builders for test models, shared with the other modules' tests through core's test-jar. */
package io.github.jpamigrate.core.testing;
