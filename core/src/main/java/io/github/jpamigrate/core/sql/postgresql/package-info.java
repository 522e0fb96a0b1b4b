/** PostgreSQL SQL: type names as Hibernate's PostgreSQLDialect writes them. */
package io.github.jpamigrate.core.sql.postgresql;
