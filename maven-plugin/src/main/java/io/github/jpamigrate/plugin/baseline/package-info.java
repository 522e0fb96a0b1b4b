/** The drift baseline: the differences between the migrations' schema and the entity model that a team accepted at adoption, and the view of the models every goal compares through it. */
package io.github.jpamigrate.plugin.baseline;
