/** H2 SQL: type names as Hibernate's H2Dialect writes them, and the migration renderer. */
package io.github.jpamigrate.core.sql.h2;
