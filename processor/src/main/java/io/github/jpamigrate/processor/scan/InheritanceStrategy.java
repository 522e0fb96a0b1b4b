package io.github.jpamigrate.processor.scan;

/** {@code @Inheritance(strategy)} of an entity hierarchy; SINGLE_TABLE when not given. */
enum InheritanceStrategy { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }
