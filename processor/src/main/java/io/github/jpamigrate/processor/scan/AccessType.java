package io.github.jpamigrate.processor.scan;

/** Whether the persistent state is read from fields or from getters. */
public enum AccessType { FIELD, PROPERTY }
