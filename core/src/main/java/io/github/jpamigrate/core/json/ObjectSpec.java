package io.github.jpamigrate.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The fields one kind of descriptor object may have, which are required, and how to read each value. */
final class ObjectSpec {

    /** Reads the value the input is positioned on. */
    @FunctionalInterface
    interface Value<T> {
        T read(JsonInput in);
    }

    private final String what;
    private final Map<String, Value<?>> fields = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();

    /**
     * @param what the object's name in messages, with its article, e.g. {@code "a column"}
     */
    ObjectSpec(String what) {
        this.what = what;
    }

    ObjectSpec required(String name, Value<?> value) {
        required.add(name);
        return optional(name, value);
    }

    ObjectSpec optional(String name, Value<?> value) {
        fields.put(name, value);
        return this;
    }

    String what() {
        return what;
    }

    /** The reader of a field, or null when this kind of object has no such field. */
    Value<?> field(String name) {
        return fields.get(name);
    }

    Set<String> requiredFields() {
        return Collections.unmodifiableSet(required);
    }

    /** The field names, in the order the writer writes them, for "known fields are ..." hints. */
    Set<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }
}
