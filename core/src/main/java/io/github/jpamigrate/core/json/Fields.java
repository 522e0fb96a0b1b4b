package io.github.jpamigrate.core.json;

import java.util.Map;

/**
 * The values read from one descriptor object, by field name, and where the object starts.
 *
 * @param values   field values (required ones are present)
 * @param position where the object starts, for messages about the object as a whole
 */
record Fields(Map<String, Object> values, SourcePosition position) {

    /** The value of a field, or null when it is absent. */
    @SuppressWarnings("unchecked")
    <T> T get(String name) {
        return (T) values.get(name);
    }

    /** The value of a field, or the fallback when it is absent. */
    @SuppressWarnings("unchecked")
    <T> T get(String name, T fallback) {
        return (T) values.getOrDefault(name, fallback);
    }
}
