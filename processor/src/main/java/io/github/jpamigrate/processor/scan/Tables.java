package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables being built, by name as the database compares them; two mappings of one name share a draft. */
final class Tables {

    private final Map<String, TableDraft> drafts = new LinkedHashMap<>();

    TableDraft table(String name, String schema) {
        return drafts.computeIfAbsent(key(name, schema), k -> new TableDraft(name, schema));
    }

    TableDraft existing(String name, String schema) {
        return drafts.get(key(name, schema));
    }

    List<Table> build() {
        List<Table> out = new ArrayList<>();
        drafts.values().forEach(d -> out.add(d.toTable()));
        return out;
    }

    private static String key(String name, String schema) {
        return (schema == null ? "" : Identifiers.key(schema) + ".") + Identifiers.key(name);
    }
}
