/** The init goal: adopts a project that has entities but no snapshot, writing the first migration or reading the snapshot back from its hand-written migrations replayed on a scratch database. */
package io.github.jpamigrate.plugin.init;
