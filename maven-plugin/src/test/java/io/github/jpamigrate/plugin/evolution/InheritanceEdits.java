package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
import java.util.List;

import static io.github.jpamigrate.plugin.evolution.Vocabulary.pick;

/**
 * SINGLE_TABLE inheritance changes, as the schema sees them: a subtype added to an entity brings
 * the discriminator column (the first time; {@code DTYPE varchar(31) not null}, existing rows
 * backfilled with the root entity's name, Hibernate's default discriminator value) and the
 * subtype's own columns, which are nullable because the other types' rows leave them empty. A
 * subtype removed takes its columns with it (acknowledged drops) and, when it was the last one,
 * the discriminator too.
 */
final class InheritanceEdits {

    private static final List<String> SUBTYPES = List.of("Premium", "Archived", "Special", "Legacy", "Draft");

    private InheritanceEdits() {
    }

    static boolean addSubtype(EvolutionDraft d) {
        List<DraftTable> candidates = d.entityTables().stream().filter(t -> t.subtypes.size() < 2).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, candidates);
        String root = DraftModel.entityName(table.name);
        String subtype = pick(d.random, SUBTYPES) + root;
        if (table.subtypes.containsKey(subtype)) {
            return false;
        }
        StringBuilder words = new StringBuilder("add SINGLE_TABLE subtype " + subtype + " to " + table.name + ":");
        if (table.discriminator == null) {
            String name = table.column("DTYPE").isPresent() || Vocabulary.among(d.oldColumnNames(table), "DTYPE")
                    ? ModelGenerator.freshColumn(d.random, table, d.oldColumnNames(table)) : "DTYPE";
            Column discriminator = Column.of(name, ColumnType.withLength(TypeKind.VARCHAR, 31), false);
            table.columns.add(discriminator);
            table.discriminator = name;
            if (table.origin != null) {
                d.backfill(table, discriminator, "'" + root + "'");
            }
            words.append(" discriminator ").append(name).append(table.origin != null ? " (backfill '" + root + "')" : "");
        }
        List<String> own = new ArrayList<>();
        int count = 1 + d.random.nextInt(2);
        for (int i = 0; i < count; i++) {
            String name = ModelGenerator.freshColumn(d.random, table, d.oldColumnNames(table));
            Column column = ColumnKinds.random(d.random, d.engine, name, d.model.enums).withNullable(true);
            table.columns.add(column);
            own.add(name);
        }
        table.subtypes.put(subtype, own);
        d.steps.add(words.append(" columns ").append(own).toString());
        return true;
    }

    static boolean removeSubtype(EvolutionDraft d) {
        List<DraftTable> candidates = d.model.tables.stream().filter(t -> !t.subtypes.isEmpty()).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        DraftTable table = pick(d.random, candidates);
        String subtype = pick(d.random, new ArrayList<>(table.subtypes.keySet()));
        List<String> gone = new ArrayList<>(table.subtypes.remove(subtype));
        if (table.subtypes.isEmpty() && table.discriminator != null) {
            gone.add(table.discriminator);
        }
        for (String name : gone) {
            table.columnOrigin(name).ifPresent(origin -> d.acknowledgeDrop(table, origin));
            table.dropColumn(name);
        }
        d.steps.add("remove SINGLE_TABLE subtype " + subtype + " from " + table.name + ": drop " + gone);
        return true;
    }
}
