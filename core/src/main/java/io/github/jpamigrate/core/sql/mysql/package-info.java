/** MySQL and MariaDB SQL: type names as Hibernate's MySQLDialect and MariaDBDialect write them, and the migration renderer. */
package io.github.jpamigrate.core.sql.mysql;
