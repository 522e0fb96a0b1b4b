/** Reads a live schema through JDBC metadata into the core model, so that drift is just a diff. */
package io.github.jpamigrate.plugin.introspect;
