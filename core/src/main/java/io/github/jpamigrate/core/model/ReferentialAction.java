package io.github.jpamigrate.core.model;

import java.util.Locale;

/** What a foreign key does to child rows when the parent row is deleted. */
public enum ReferentialAction {
    NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT, RESTRICT;

    /** SQL words, e.g. {@code SET NULL}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReferentialAction fromJsonName(String name) {
        for (ReferentialAction a : values()) {
            if (a.jsonName().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
