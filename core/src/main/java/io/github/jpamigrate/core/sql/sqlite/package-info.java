/** SQLite SQL: type names as Hibernate's community SQLiteDialect writes them, and the SQLite renderer. */
package io.github.jpamigrate.core.sql.sqlite;
