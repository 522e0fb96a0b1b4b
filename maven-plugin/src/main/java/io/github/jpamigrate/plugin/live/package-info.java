/** The live-database goals (check-db, status) and what they read without changing anything: the schema through JDBC metadata, Flyway's history through the Flyway API. */
package io.github.jpamigrate.plugin.live;
