/** PostgreSQL SQL: type names as Hibernate's PostgreSQLDialect writes them, and the migration renderer. */
package io.github.jpamigrate.core.sql.postgresql;
