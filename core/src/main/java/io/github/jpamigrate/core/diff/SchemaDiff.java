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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compares two models structurally: names compare without case, column and constraint order
 * do not matter, constraint names do not matter (a derived name differing is no change). A
 * declared rename may take the name of a table or column that is dropped in the same change.
 * The same model twice gives an empty list. Only ordinary tables are compared: a name that either
 * model gives to a view, subselect or external object ({@link Table#managed()}) yields no change.
 * Pure: no SQL, no I/O.
 */
public final class SchemaDiff {

    /** Stands in for the new name of an old object whose name a declared rename gave to another. */
    private static final String GIVEN_AWAY = "\u0000given away: ";

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
        Set<String> unmanaged = new HashSet<>();
        Stream.concat(oldModel.tables().stream(), newModel.tables().stream()).filter(t -> !t.managed())
                .forEach(t -> unmanaged.add(Identifiers.key(t.name())));
        List<Table> oldTables = managed(oldModel.tables(), unmanaged);
        List<Table> newTablesList = managed(newModel.tables(), unmanaged);
        Map<String, Table> newTables = byKey(newTablesList, Table::name);
        Function<String, String> newTableName = counterparts(oldTables.stream().map(Table::name).toList(),
                renames::newTableName);
        Map<String, Table> oldByNewKey = new LinkedHashMap<>();
        for (Table old : oldTables) {
            oldByNewKey.put(Identifiers.key(newTableName.apply(old.name())), old);
        }
        List<SchemaChange> changes = new ArrayList<>();
        List<Table> sortedNew = new ArrayList<>(newTablesList);
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
            changes.addAll(TableDiff.compare(old, table, renames, newTableName));
        }
        List<Table> sortedOld = new ArrayList<>(oldTables);
        sortedOld.sort(Comparator.comparing(t -> Identifiers.key(t.name())));
        for (Table old : sortedOld) {
            if (!newTables.containsKey(Identifiers.key(newTableName.apply(old.name())))) {
                changes.add(new TableDropped(old));
            }
        }
        compareSequences(oldModel.sequences(), newModel.sequences(), changes);
        compareGenerators(oldModel.tableGenerators(), newModel.tableGenerators(), changes);
        compareEnums(oldModel.enums(), newModel.enums(), changes);
        return List.copyOf(changes);
    }

    /**
     * The tables migrations manage: a name that is a view, subselect or external object in either
     * model is never created, altered or dropped, also when the other model has it as a table (a
     * snapshot taken before the entity was marked, or a table the project's own migration made).
     */
    private static List<Table> managed(List<Table> tables, Set<String> unmanaged) {
        return tables.stream().filter(t -> !unmanaged.contains(Identifiers.key(t.name()))).toList();
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

    /**
     * The name each old table or column has in the new model: its declared new name, else its
     * own, unless a declared rename gives that name to a sibling (drop {@code x}, rename {@code y}
     * to {@code x}); then it has no counterpart, and a name that matches nothing stands in. The
     * declared renames among the siblings are indexed once: scanning them for every table and every
     * foreign key's target cost n² name comparisons, most of {@code check} and {@code diff} on a
     * model of a thousand tables.
     *
     * @param siblings the names of the old objects of one kind (tables, or one table's columns)
     * @param renamed  an old object's declared new name
     */
    static Function<String, String> counterparts(List<String> siblings, Function<String, Optional<String>> renamed) {
        Map<String, List<String>> takers = new HashMap<>();
        for (String sibling : siblings) {
            renamed.apply(sibling).ifPresent(name -> takers.computeIfAbsent(Identifiers.key(name), k -> new ArrayList<>())
                    .add(sibling));
        }
        return oldName -> {
            Optional<String> declared = renamed.apply(oldName);
            if (declared.isPresent()) {
                return declared.get();
            }
            boolean givenAway = takers.getOrDefault(Identifiers.key(oldName), List.of()).stream()
                    .anyMatch(s -> !Identifiers.sameName(s, oldName));
            return givenAway ? GIVEN_AWAY + oldName : oldName;
        };
    }

    /** Items by case-folded name, sorted, so iteration order is deterministic. */
    static <T> Map<String, T> byKey(List<T> items, Function<T, String> name) {
        Map<String, T> map = new java.util.TreeMap<>();
        for (T item : items) {
            map.put(Identifiers.key(name.apply(item)), item);
        }
        return map;
    }
}
