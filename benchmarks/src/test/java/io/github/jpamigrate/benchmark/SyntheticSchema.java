package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A large model and its history: every table, column, key and index carries the migration that
 * creates it, and a few columns are widened late (a SQLite table rebuild). {@link #state(int)} is
 * the model after a given migration, so consecutive states diff into that migration.
 */
final class SyntheticSchema {

    /** Something in the model and the migration (1-based) that creates it. */
    record Born<T>(T item, int birth) {
    }

    /**
     * One table's plan.
     *
     * @param widened   a {@code varchar(255)} column that is {@code varchar(100)} before {@code widenedAt}, or null
     * @param widenedAt the migration that widens it (a table rebuild on SQLite)
     */
    record TablePlan(String name, int birth, List<Born<Column>> columns, List<Born<ForeignKey>> keys,
                     List<Born<UniqueConstraint>> uniques, List<Born<Index>> indexes, String widened, int widenedAt) {

        TablePlan withWidening(String column, int at) {
            return new TablePlan(name, birth, columns, keys, uniques, indexes, column, at);
        }
    }

    static final Map<String, List<String>> ENUMS = new TreeMap<>(Map.of(
            "com.acme.Status", List.of("NEW", "ACTIVE", "CLOSED", "ARCHIVED"),
            "com.acme.Priority", List.of("LOW", "HIGH", "URGENT"),
            "com.acme.Colour", List.of("RED", "GREEN", "BLUE")));

    private final List<TablePlan> tables;
    private final int migrations;

    SyntheticSchema(List<TablePlan> tables, int migrations) {
        this.tables = List.copyOf(tables);
        this.migrations = migrations;
    }

    int migrations() {
        return migrations;
    }

    int tableCount() {
        return tables.size();
    }

    /** How many tables are rebuilt by some migration. */
    long rebuilds() {
        return tables.stream().filter(t -> t.widened() != null).count();
    }

    /** The whole model: the state after the last migration. */
    SchemaModel model() {
        return state(migrations);
    }

    /** The model after {@code migration} (0: empty). */
    SchemaModel state(int migration) {
        List<Table> out = new ArrayList<>();
        for (TablePlan plan : tables) {
            if (plan.birth() <= migration) {
                out.add(table(plan, migration));
            }
        }
        List<EnumType> used = ENUMS.entrySet().stream()
                .filter(e -> out.stream().flatMap(t -> t.columns().stream())
                        .anyMatch(c -> c.enumRef() != null && c.enumRef().javaType().equals(e.getKey())))
                .map(e -> new EnumType(e.getKey(), e.getValue())).toList();
        return new SchemaModel("jpa", "hibernate-7", "jpa-migrate benchmark", out, List.of(), List.of(), used);
    }

    private static Table table(TablePlan plan, int migration) {
        List<Column> columns = new ArrayList<>();
        for (Column column : bornBy(plan.columns(), migration)) {
            boolean narrow = column.name().equals(plan.widened()) && migration < plan.widenedAt();
            columns.add(narrow ? column.withType(ColumnType.withLength(TypeKind.VARCHAR, 100)) : column);
        }
        return new Table(plan.name(), null, columns, new PrimaryKey(null, List.of("id")), bornBy(plan.keys(), migration),
                bornBy(plan.uniques(), migration), bornBy(plan.indexes(), migration), List.of(), null,
                List.of("com.acme." + plan.name()));
    }

    private static <T> List<T> bornBy(List<Born<T>> items, int migration) {
        return items.stream().filter(b -> b.birth() <= migration).map(Born::item).filter(Objects::nonNull).toList();
    }
}
