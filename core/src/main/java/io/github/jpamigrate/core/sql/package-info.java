/** SQL for each supported database: dialect ids, what every dialect shares, and one package per dialect. */
package io.github.jpamigrate.core.sql;
