package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares two models structurally: names compare without case, column and constraint order
 * do not matter, constraint names do not matter (a derived name differing is no change).
 * The same model twice gives an empty list. Pure: no SQL, no I/O.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static List<SchemaChange> compare(SchemaModel oldModel, SchemaModel newModel) {
        return compare(oldModel, newModel, Renames.NONE);
    }

    /**
     * The changes that take {@code oldModel} to {@code newModel}, grouped by table (sorted by
     * name), then sequences, table generators and enums.
     */
    public static List<SchemaChange> compare(SchemaModel oldModel, SchemaModel newModel, Renames renames) {
        Map<String, Table> newTables = byKey(newModel.tables(), Table::name);
        Map<String, Table> oldByNewKey = new LinkedHashMap<>();
        for (Table old : oldModel.tables()) {
            String newName = renames.newTableName(old.name()).orElse(old.name());
            oldByNewKey.put(Identifiers.key(newName), old);
        }
        List<SchemaChange> changes = new ArrayList<>();
        List<Table> sortedNew = new ArrayList<>(newModel.tables());
        sortedNew.sort(Comparator.comparing(t -> Identifiers.key(t.name())));
        for (Table table : sortedNew) {
            Table old = oldByNewKey.get(Identifiers.key(table.name()));
            if (old == null) {
                changes.add(new TableAdded(table));
                continue;
            }
            if (!Identifiers.sameName(old.name(), table.name())) {
                changes.add(new TableRenamed(old, table));
            }
            changes.addAll(TableDiff.compare(old, table, renames));
        }
        List<Table> sortedOld = new ArrayList<>(oldModel.tables());
        sortedOld.sort(Comparator.comparing(t -> Identifiers.key(t.name())));
        for (Table old : sortedOld) {
            String newName = renames.newTableName(old.name()).orElse(old.name());
            if (!newTables.containsKey(Identifiers.key(newName))) {
                changes.add(new TableDropped(old));
            }
        }
        compareSequences(oldModel.sequences(), newModel.sequences(), changes);
        compareGenerators(oldModel.tableGenerators(), newModel.tableGenerators(), changes);
        compareEnums(oldModel.enums(), newModel.enums(), changes);
        return List.copyOf(changes);
    }

    private static void compareSequences(List<Sequence> before, List<Sequence> after, List<SchemaChange> out) {
        Map<String, Sequence> old = byKey(before, Sequence::name);
        Map<String, Sequence> now = byKey(after, Sequence::name);
        now.forEach((key, sequence) -> {
            Sequence previous = old.get(key);
            if (previous == null) {
                out.add(new SequenceAdded(sequence));
            } else if (previous.initialValue() != sequence.initialValue()
                    || previous.incrementSize() != sequence.incrementSize()
                    || !Identifiers.sameName(previous.schema(), sequence.schema())) {
                out.add(new SequenceChanged(previous, sequence));
            }
        });
        old.forEach((key, sequence) -> {
            if (!now.containsKey(key)) {
                out.add(new SequenceDropped(sequence));
            }
        });
    }

    private static void compareGenerators(List<TableGenerator> before, List<TableGenerator> after,
                                          List<SchemaChange> out) {
        Map<String, TableGenerator> old = byKey(before, TableGenerator::name);
        Map<String, TableGenerator> now = byKey(after, TableGenerator::name);
        now.forEach((key, generator) -> {
            TableGenerator previous = old.get(key);
            if (!generator.equals(previous)) {
                if (previous != null) {
                    out.add(new TableGeneratorDropped(previous));
                }
                out.add(new TableGeneratorAdded(generator));
            }
        });
        old.forEach((key, generator) -> {
            if (!now.containsKey(key)) {
                out.add(new TableGeneratorDropped(generator));
            }
        });
    }

    private static void compareEnums(List<EnumType> before, List<EnumType> after, List<SchemaChange> out) {
        Map<String, EnumType> old = new LinkedHashMap<>();
        before.stream().sorted(Comparator.comparing(EnumType::javaType)).forEach(e -> old.put(e.javaType(), e));
        after.stream().sorted(Comparator.comparing(EnumType::javaType)).forEach(e -> {
            EnumType previous = old.get(e.javaType());
            if (previous != null && !previous.constants().equals(e.constants())) {
                out.add(new EnumChanged(previous, e));
            }
        });
    }

    /** Items by case-folded name, sorted, so iteration order is deterministic. */
    static <T> Map<String, T> byKey(List<T> items, Function<T, String> name) {
        Map<String, T> map = new java.util.TreeMap<>();
        for (T item : items) {
            map.put(Identifiers.key(name.apply(item)), item);
        }
        return map;
    }

    static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Identifiers.sameName(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
