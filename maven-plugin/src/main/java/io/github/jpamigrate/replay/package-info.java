/** Applies migration folders with the Flyway API to scratch databases that are thrown away afterwards. */
package io.github.jpamigrate.replay;
