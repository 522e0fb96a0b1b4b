package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import static io.github.jpamigrate.plugin.evolution.Vocabulary.pick;

/**
 * Edits of the columns the old model already has (the ones that hold values when the migration
 * runs): type widening, nullability both ways, enum constants appended.
 */
final class ColumnEdits {

    private ColumnEdits() {
    }

    /** A varchar gets longer, an integer bigger, a decimal more digits before the point. */
    static boolean widenType(EvolutionDraft d) {
        Target target = pickOld(d, (t, c) -> c.enumRef() == null && t.foreignKey(c.name()).isEmpty() && !t.inKey(c.name())
                && wider(d, c) != null);
        if (target == null) {
            return false;
        }
        ColumnType wider = wider(d, target.column());
        Column widened = target.column().withType(wider);
        if (!target.table().plainIndexesFit(d.engine, widened)) {
            return false;
        }
        target.table().replace(target.column(), widened);
        d.steps.add("widen " + target.table().name + "." + target.column().name() + " " + target.column().type() + " -> " + wider);
        return true;
    }

    private static ColumnType wider(EvolutionDraft d, Column column) {
        ColumnType type = column.type();
        return switch (type.kind()) {
            case VARCHAR -> ColumnType.withLength(TypeKind.VARCHAR, type.length() + pick(d.random, List.of(10, 100, 745)));
            case SMALLINT -> ColumnType.of(pick(d.random, List.of(TypeKind.INTEGER, TypeKind.BIGINT)));
            case INTEGER -> ColumnType.of(TypeKind.BIGINT);
            case DECIMAL -> ColumnType.withPrecisionScale(TypeKind.DECIMAL, type.precision() + pick(d.random, List.of(2, 8)), type.scale());
            default -> null;
        };
    }

    /**
     * A type gets smaller, acknowledged as the hazard it is ({@code allowDestructive=table.column}):
     * a varchar shorter (never below 20, longer than any value the rows get), an integer smaller
     * (the rows' values fit a smallint), a decimal fewer digits (six before the point stay).
     */
    static boolean narrowType(EvolutionDraft d) {
        Target target = pickOld(d, (t, c) -> c.enumRef() == null && t.foreignKey(c.name()).isEmpty() && narrower(d, c) != null);
        if (target == null) {
            return false;
        }
        ColumnType narrower = narrower(d, target.column());
        Column now = target.column().withType(narrower);
        target.table().replace(target.column(), now);
        d.acknowledgeColumn(target.table(), now);
        d.steps.add("narrow " + target.table().name + "." + target.column().name() + " " + target.column().type() + " -> "
                + narrower + " (acknowledged)");
        return true;
    }

    private static ColumnType narrower(EvolutionDraft d, Column column) {
        ColumnType type = column.type();
        return switch (type.kind()) {
            case VARCHAR -> type.length() > 50 ? ColumnType.withLength(TypeKind.VARCHAR, pick(d.random, List.of(20, 50)))
                    : type.length() > 20 ? ColumnType.withLength(TypeKind.VARCHAR, 20) : null;
            case BIGINT -> ColumnType.of(pick(d.random, List.of(TypeKind.INTEGER, TypeKind.SMALLINT)));
            case INTEGER -> ColumnType.of(TypeKind.SMALLINT);
            case DECIMAL -> type.precision() - type.scale() > 6
                    ? ColumnType.withPrecisionScale(TypeKind.DECIMAL, type.scale() + 6 + d.random.nextInt(type.precision() - type.scale() - 6), type.scale())
                    : null;
            default -> null;
        };
    }

    static boolean makeNullable(EvolutionDraft d) {
        Target target = pickOld(d, (t, c) -> !c.nullable() && !t.inKey(c.name()));
        if (target == null) {
            return false;
        }
        target.table().replace(target.column(), target.column().withNullable(true));
        d.steps.add("make " + target.table().name + "." + target.column().name() + " nullable");
        return true;
    }

    /**
     * Makes a column NOT NULL. Existing NULLs need a value: the column's default when it has one,
     * else a backfill value: for a reference (now or in the old model, which the undo script
     * restores) the parent row 1 that the data always has, for an enum a constant the old model
     * has. A {@code SET NULL} foreign key rules the column out.
     */
    static boolean makeNotNull(EvolutionDraft d) {
        Target target = pickOld(d, (t, c) -> c.nullable()
                && t.foreignKey(c.name()).map(k -> k.onDelete() != ReferentialAction.SET_NULL).orElse(true));
        if (target == null) {
            return false;
        }
        Column column = target.column();
        target.table().replace(column, column.withNullable(false));
        String how = "default " + column.defaultValue();
        if (column.defaultValue() == null) {
            boolean reference = target.table().foreignKey(column.name()).isPresent() || d.oldTable(target.table())
                    .flatMap(o -> o.foreignKey(target.table().columnOrigin(column.name()).orElseThrow())).isPresent();
            String literal = reference ? "1" : ColumnKinds.literal(d.random, d.engine, column, d.sharedEnums());
            d.backfill(target.table(), column, literal);
            how = "backfill " + literal;
        }
        d.steps.add("make " + target.table().name + "." + column.name() + " not null (" + how + ")");
        return true;
    }

    /** Appends a constant to an enum some column stores; ORDINAL values keep their meaning. */
    static boolean appendEnumConstant(EvolutionDraft d) {
        List<String> used = d.model.enums.keySet().stream().filter(type -> d.model.tables.stream()
                .flatMap(t -> t.columns.stream()).anyMatch(c -> c.enumRef() != null && c.enumRef().javaType().equals(type)))
                .toList();
        if (used.isEmpty()) {
            return false;
        }
        String type = pick(d.random, used);
        List<String> constants = new ArrayList<>(d.model.enums.get(type));
        String constant = pick(d.random, List.of("EXTRA", "LATER", "ON_HOLD", "PENDING")) + "_" + constants.size();
        constants.add(constant);
        d.model.enums.put(type, List.copyOf(constants));
        d.steps.add("append constant " + constant + " to enum " + type);
        return true;
    }

    /**
     * Removes the last constant of an enum the old model has, acknowledged
     * ({@code allowDestructive=<enum class>}). The rows never hold it (they get constants both
     * models have), and no default or backfill writes it; the last one, so that ORDINAL values
     * keep their meaning.
     */
    static boolean removeEnumConstant(EvolutionDraft d) {
        List<String> candidates = d.model.enums.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && d.old.enums.getOrDefault(e.getKey(), List.of())
                        .contains(e.getValue().get(e.getValue().size() - 1)))
                .filter(e -> d.model.tables.stream().flatMap(t -> t.columns.stream())
                        .anyMatch(c -> c.enumRef() != null && c.enumRef().javaType().equals(e.getKey())))
                .filter(e -> !writesConstant(d, e.getKey(), e.getValue().size() - 1, e.getValue().get(e.getValue().size() - 1)))
                .map(java.util.Map.Entry::getKey).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        String type = pick(d.random, candidates);
        List<String> constants = d.model.enums.get(type);
        String removed = constants.get(constants.size() - 1);
        d.model.enums.put(type, List.copyOf(constants.subList(0, constants.size() - 1)));
        d.acknowledgeEnum(type);
        d.steps.add("remove constant " + removed + " from enum " + type + " (acknowledged)");
        return true;
    }

    /** Whether a default of a column of the enum, or any backfill, writes the constant. */
    private static boolean writesConstant(EvolutionDraft d, String type, int ordinal, String constant) {
        String name = "'" + constant + "'";
        boolean inDefault = java.util.stream.Stream.concat(d.model.tables.stream(), d.old.tables.stream())
                .flatMap(t -> t.columns.stream())
                .anyMatch(c -> c.enumRef() != null && c.enumRef().javaType().equals(type) && c.defaultValue() != null
                        && (c.defaultValue().equals(name) || c.defaultValue().equals(Integer.toString(ordinal))));
        return inDefault || d.backfillWrites(name) || d.backfillWrites(Integer.toString(ordinal));
    }

    /** A table the old model has and one of its non-key columns that the old model has too. */
    record Target(DraftTable table, Column column) {
    }

    static Target pickOld(EvolutionDraft d, BiPredicate<DraftTable, Column> fits) {
        List<Target> candidates = new ArrayList<>();
        for (DraftTable table : d.oldEntityTables()) {
            for (Column column : table.columns.subList(1, table.columns.size())) {
                if (table.columnOrigin(column.name()).isPresent() && fits.test(table, column)) {
                    candidates.add(new Target(table, column));
                }
            }
        }
        return candidates.isEmpty() ? null : pick(d.random, candidates);
    }
}
