/** The Maven goals: thin mojos that read their parameters and hand over to Maven-free services. */
package io.github.jpamigrate.plugin.maven;
