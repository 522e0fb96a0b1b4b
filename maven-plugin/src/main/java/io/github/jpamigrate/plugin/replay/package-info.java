/** Applies migration folders with the Flyway API to scratch databases that are thrown away afterwards, and fills their tables with rows to prove that none are lost. */
package io.github.jpamigrate.plugin.replay;
