/** Reads a live database without changing it: its schema through JDBC metadata and Flyway's history through the Flyway API. */
package io.github.jpamigrate.live;
