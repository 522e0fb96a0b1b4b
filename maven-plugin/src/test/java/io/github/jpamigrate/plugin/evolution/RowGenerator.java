package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Table;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.github.jpamigrate.plugin.evolution.Vocabulary.chance;

/**
 * Fills the old schema with rows that are valid under the old model and that the new model can
 * keep: NOT NULL, unique (old or new), foreign keys (old or new), enum checks. Primary keys are
 * 1..n in every table and a table some foreign key points to has at least one row, so 1 is always
 * a valid reference. Tables are filled in model order, parents first.
 */
final class RowGenerator {

    private final EvolutionEngine engine;
    private final Evolution evolution;
    private final SplittableRandom random;
    /** Old table key -> how many rows it got (its keys are 1..n). */
    private final TreeMap<String, Integer> rowCounts = new TreeMap<>();

    RowGenerator(EvolutionEngine engine, Evolution evolution, SplittableRandom random) {
        this.engine = engine;
        this.evolution = evolution;
        this.random = random;
    }

    /** @return rows inserted in all */
    int fill(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            int total = fillTables(connection);
            connection.commit();
            return total;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private int fillTables(Connection connection) throws SQLException {
        int total = 0;
        for (Table table : evolution.oldModel().tables()) {
            int rows = (isReferenced(table) ? 1 : 0) + random.nextInt(7);
            // A join table's key starts with a reference: its rows are numbered 1..n too, so n is at most the parent's rows.
            Optional<ForeignKey> keyReference = foreignKey(table, table.primaryKey().columns().get(0));
            if (keyReference.isPresent()) {
                rows = Math.min(rows, rowCounts.getOrDefault(Identifiers.key(keyReference.get().referencedTable()), 0));
            }
            rowCounts.put(Identifiers.key(table.name()), rows);
            List<ColumnRule> rules = table.columns().stream().map(c -> rule(table, c)).toList();
            insert(connection, table, rules, rows);
            total += rows;
        }
        return total;
    }

    private void insert(Connection connection, Table table, List<ColumnRule> rules, int rows) throws SQLException {
        String sql = "insert into " + engine.names.name(table.name()) + " ("
                + table.columns().stream().map(c -> engine.names.name(c.name())).collect(Collectors.joining(", "))
                + ") values (" + table.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 1; row <= rows; row++) {
                for (int i = 0; i < rules.size(); i++) {
                    engine.bind(insert, i + 1, rules.get(i).value(row));
                }
                insert.addBatch();
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    private boolean isReferenced(Table table) {
        String newName = evolution.newTable(table).map(Table::name).orElse(null);
        return evolution.oldModel().tables().stream().flatMap(t -> t.foreignKeys().stream())
                .anyMatch(k -> Identifiers.sameName(k.referencedTable(), table.name()))
                || newName != null && evolution.newModel().tables().stream().flatMap(t -> t.foreignKeys().stream())
                .anyMatch(k -> Identifiers.sameName(k.referencedTable(), newName));
    }

    /** What the values of one old column must satisfy, from both models. */
    private ColumnRule rule(Table table, Column column) {
        Optional<Table> newTable = evolution.newTable(table);
        Optional<Column> newColumn = newTable.flatMap(t -> evolution.newColumn(table, t, column));
        // Rows are numbered by the key's first column (id); other key columns take any value.
        boolean primaryKey = Identifiers.sameName(table.primaryKey().columns().get(0), column.name());
        List<String> parents = new ArrayList<>();
        foreignKey(table, column.name()).ifPresent(k -> parents.add(k.referencedTable()));
        Optional<ForeignKey> newKey = newTable.flatMap(t -> newColumn.flatMap(c -> foreignKey(t, c.name())));
        newKey.ifPresent(k -> parents.add(oldName(k.referencedTable())));
        boolean unique = isUnique(table, column.name())
                || newColumn.map(c -> isUnique(newTable.orElseThrow(), c.name())).orElse(false);
        Optional<String> fallback = newColumn.flatMap(c -> evolution.fallback(newTable.orElseThrow(), c));
        // A NULL that becomes the fallback must not break a unique constraint or a foreign key, of
        // the new model or of the old one (which the undo script restores).
        boolean keepsNull = newColumn.map(Column::nullable).orElse(true) || fallback.isPresent() && !unique
                && (parents.isEmpty() || fallback.get().equals("1"));
        if (unique && !parents.isEmpty()) {
            throw new IllegalStateException("generator bug: " + table.name() + "." + column.name() + " is unique and a foreign key");
        }
        int parentRows = parents.stream().mapToInt(p -> rowCounts.getOrDefault(Identifiers.key(p), 0)).min().orElse(0);
        return new ColumnRule(column, primaryKey, column.nullable() && keepsNull, unique, !parents.isEmpty(), parentRows);
    }

    /** The old model's name of a table the new model names, following a declared rename backwards. */
    private String oldName(String newTable) {
        return evolution.oldModel().tables().stream()
                .filter(t -> evolution.newTable(t).map(n -> Identifiers.sameName(n.name(), newTable)).orElse(false))
                .map(Table::name).findFirst()
                .orElseThrow(() -> new IllegalStateException("generator bug: an old column references new table " + newTable));
    }

    private static Optional<ForeignKey> foreignKey(Table table, String column) {
        return table.foreignKeys().stream().filter(k -> Identifiers.sameName(k.columns().get(0), column)).findFirst();
    }

    private static boolean isUnique(Table table, String column) {
        return table.column(column).map(Column::unique).orElse(false)
                || table.uniqueConstraints().stream().anyMatch(u -> DraftTable.mentions(u.columns(), column))
                || table.indexes().stream().anyMatch(i -> i.unique() && DraftTable.mentions(i.columns(), column));
    }

    /** The values one column takes, row by row. */
    private final class ColumnRule {
        private final Column column;
        private final boolean primaryKey;
        private final boolean nullable;
        private final boolean unique;
        private final boolean reference;
        private final int parentRows;

        ColumnRule(Column column, boolean primaryKey, boolean nullable, boolean unique, boolean reference, int parentRows) {
            this.column = column;
            this.primaryKey = primaryKey;
            this.nullable = nullable;
            this.unique = unique;
            this.reference = reference;
            this.parentRows = parentRows;
        }

        Object value(int row) {
            if (primaryKey) {
                return (long) row;
            }
            if (nullable && (reference && parentRows == 0 || chance(random, 0.25))) {
                return null;
            }
            if (reference) {
                if (parentRows == 0) {
                    throw new IllegalStateException("generator bug: NOT NULL " + column.name() + " references an empty table");
                }
                return (long) (1 + random.nextInt(parentRows));
            }
            if (column.enumRef() != null) {
                List<String> all = evolution.oldModel().enumType(column.enumRef().javaType()).orElseThrow().constants();
                List<String> kept = evolution.newModel().enumType(column.enumRef().javaType())
                        .map(e -> all.stream().filter(e.constants()::contains).toList()).orElse(all);
                // ORDINAL: the kept constants are the first ones, as only the last constant is ever removed.
                List<String> constants = kept.isEmpty() ? all : kept;
                int i = random.nextInt(constants.size());
                return column.enumRef().storage() == EnumStorage.ORDINAL ? (Object) i : constants.get(i);
            }
            return unique ? distinct(row) : any();
        }

        private Object distinct(int row) {
            return switch (column.type().kind()) {
                case BIGINT, INTEGER, SMALLINT -> (long) row * 3 + 1;
                case DECIMAL -> new BigDecimal(row).setScale(column.type().scale());
                case DATE -> LocalDate.of(2024, 1, 1).plusDays(row);
                default -> "u" + row + "-" + random.nextInt(100);
            };
        }

        private Object any() {
            return switch (column.type().kind()) {
                case BOOLEAN -> random.nextInt(2) == 1;
                case TINYINT -> (long) random.nextInt(100);
                case BIGINT, INTEGER, SMALLINT -> (long) random.nextInt(-50, 30_000);
                case DECIMAL -> BigDecimal.valueOf(random.nextLong(100_000), column.type().scale());
                case DOUBLE, REAL -> Math.round(random.nextDouble(-1000, 1000) * 1000) / 1000.0;
                case DATE -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
                case TIMESTAMP -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)).atTime(12, 34, 56);
                default -> Vocabulary.pick(random, List.of("plain", "O'Brien", "ünïcode ✓", "", "two\nlines", "x".repeat(15)));
            };
        }
    }
}
