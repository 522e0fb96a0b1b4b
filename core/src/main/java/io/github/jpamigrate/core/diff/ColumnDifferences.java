package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which properties of a column differ, in words; equal columns have none. */
final class ColumnDifferences {

    private ColumnDifferences() {
    }

    /** Whether two columns of the same name differ in anything the database stores. */
    static boolean differ(Column a, Column b) {
        return !list(a, b).isEmpty();
    }

    static String words(Column a, Column b) {
        return String.join(", ", list(a, b, ColumnWords.MODEL));
    }

    /**
     * The differences with types and defaults spelled by {@code words}; a type change the dialect
     * spells the same on both sides keeps the model's notation, which is what changed.
     */
    static String words(Column a, Column b, ColumnWords words) {
        return String.join(", ", list(a, b, words));
    }

    private static List<String> list(Column a, Column b) {
        return list(a, b, ColumnWords.MODEL);
    }

    private static List<String> list(Column a, Column b, ColumnWords words) {
        List<String> out = new ArrayList<>();
        if (!a.type().equals(b.type())) {
            String was = words.type(a, true);
            String now = words.type(b, false);
            out.add(was.equals(now) ? "type " + a.type() + " -> " + b.type() : "type " + was + " -> " + now);
        }
        if (a.nullable() != b.nullable()) {
            out.add(b.nullable() ? "now nullable" : "now not null");
        }
        if (a.unique() != b.unique()) {
            out.add(b.unique() ? "now unique" : "no longer unique");
        }
        if (!Objects.equals(a.defaultValue(), b.defaultValue())) {
            out.add("default " + show(a.defaultValue(), words) + " -> " + show(b.defaultValue(), words));
        }
        if (a.identity() != b.identity()) {
            out.add(b.identity() ? "now an identity column" : "no longer an identity column");
        }
        if (!Objects.equals(a.definition(), b.definition())) {
            out.add("definition " + show(a.definition()) + " -> " + show(b.definition()));
        }
        if (!Objects.equals(a.enumRef(), b.enumRef())) {
            out.add("enum " + (a.enumRef() == null ? "none" : a.enumRef().javaType() + " " + a.enumRef().storage())
                    + " -> " + (b.enumRef() == null ? "none" : b.enumRef().javaType() + " " + b.enumRef().storage()));
        }
        if (!Objects.equals(a.comment(), b.comment())) {
            out.add("comment changed");
        }
        return out;
    }

    private static String show(String value) {
        return value == null ? "none" : value;
    }

    private static String show(String defaultValue, ColumnWords words) {
        return defaultValue == null ? "none" : words.defaultValue(defaultValue);
    }
}
