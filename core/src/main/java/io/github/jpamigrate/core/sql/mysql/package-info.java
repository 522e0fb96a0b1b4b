/** MySQL and MariaDB SQL: type names as Hibernate's MySQLDialect and MariaDBDialect write them. */
package io.github.jpamigrate.core.sql.mysql;
