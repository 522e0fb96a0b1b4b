package io.github.jpamigrate.core.model;

/** How an {@code @Enumerated} attribute is stored: by constant name or by position. */
public enum EnumStorage { STRING, ORDINAL }
