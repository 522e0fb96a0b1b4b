package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema while it is generated or evolved, frozen into a {@link SchemaModel} with the
 * constraint names the annotation processor derives ({@code fk_}, {@code uk_}, {@code idx_}).
 */
final class DraftModel {

    final List<DraftTable> tables = new ArrayList<>();
    /** Enum class -> constants in declaration order. */
    final Map<String, List<String>> enums = new LinkedHashMap<>();
    private int nextRank;

    /** A deep copy to evolve: every table and column remembers its old name. */
    DraftModel evolvable() {
        DraftModel copy = new DraftModel();
        tables.forEach(t -> copy.tables.add(t.evolvable()));
        enums.forEach((k, v) -> copy.enums.put(k, List.copyOf(v)));
        copy.nextRank = nextRank;
        return copy;
    }

    DraftTable addTable(String name) {
        DraftTable table = new DraftTable(name, null, nextRank++);
        tables.add(table);
        return table;
    }

    Optional<DraftTable> table(String name) {
        return tables.stream().filter(t -> Identifiers.sameName(t.name, name)).findFirst();
    }

    DraftTable byRank(int rank) {
        return tables.stream().filter(t -> t.rank == rank).findFirst()
                .orElseThrow(() -> new IllegalStateException("no table of rank " + rank));
    }

    /** Drops a table and the foreign keys that point to it. */
    void dropTable(DraftTable table) {
        tables.remove(table);
        tables.forEach(t -> t.foreignKeys.removeIf(k -> k.parent() == table.rank));
    }

    /** Whether any foreign key points to the table. */
    boolean isReferenced(DraftTable table) {
        return tables.stream().anyMatch(t -> t.foreignKeys.stream().anyMatch(k -> k.parent() == table.rank));
    }

    SchemaModel freeze() {
        List<Table> frozen = new ArrayList<>();
        tables.stream().sorted(Comparator.comparingInt(t -> t.rank)).forEach(t -> frozen.add(freeze(t)));
        List<EnumType> used = new ArrayList<>();
        enums.forEach((type, constants) -> {
            boolean referenced = tables.stream().flatMap(t -> t.columns.stream())
                    .anyMatch(c -> c.enumRef() != null && c.enumRef().javaType().equals(type));
            if (referenced) {
                used.add(new EnumType(type, constants));
            }
        });
        return new SchemaModel("jpa", "hibernate-7", "evolution-property-test", frozen, List.of(), List.of(), used);
    }

    private Table freeze(DraftTable table) {
        List<ForeignKey> keys = new ArrayList<>();
        for (DraftTable.ForeignKeyDraft key : table.foreignKeys) {
            DraftTable parent = byRank(key.parent());
            keys.add(new ForeignKey(Identifiers.foreignKeyName(table.name, List.of(key.column())), List.of(key.column()),
                    parent.name, List.of(parent.primaryKey().name()), key.onDelete()));
        }
        List<UniqueConstraint> uniques = table.uniques.stream()
                .map(u -> new UniqueConstraint(Identifiers.uniqueKeyName(table.name, u), u)).toList();
        List<Index> indexes = table.indexes.stream()
                .map(i -> new Index(Identifiers.indexName(table.name, i.columns()), i.columns(), i.unique())).toList();
        List<Column> columns = List.copyOf(table.columns);
        List<String> entities = new ArrayList<>(List.of("com.acme." + entityName(table.name)));
        table.subtypes.keySet().forEach(subtype -> entities.add("com.acme." + subtype));
        List<String> key = new ArrayList<>(List.of(table.primaryKey().name()));
        key.addAll(table.extraKey);
        return TableBuilder.table(table.name).columns(columns).primaryKey(new PrimaryKey(null, key)).foreignKeys(keys)
                .uniques(uniques).indexes(indexes)
                .checks(table.checks.stream().map(c -> new CheckConstraint(c.name(), c.expression())).toList())
                .entities(entities).build();
    }

    static String entityName(String table) {
        StringBuilder out = new StringBuilder();
        for (String part : table.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
