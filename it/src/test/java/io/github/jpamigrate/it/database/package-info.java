/** Access to the PostgreSQL and MariaDB test servers, and the switch that skips or fails tests when one is down. */
package io.github.jpamigrate.it.database;
