package io.github.jpamigrate.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import static io.github.jpamigrate.evolution.Vocabulary.pick;

/**
 * Edits of the columns the old model already has (the ones that hold values when the migration
 * runs): type widening, nullability both ways, enum constants appended.
 */
final class ColumnEdits {

    private ColumnEdits() {
    }

    /** A varchar gets longer, an integer bigger, a decimal more digits before the point. */
    static boolean widenType(EvolutionDraft d) {
        Target target = pickOld(d, (t, c) -> c.enumRef() == null && t.foreignKey(c.name()).isEmpty() && wider(d, c) != null);
        if (target == null) {
            return false;
        }
        ColumnType wider = wider(d, target.column());
        target.table().replace(target.column(), target.column().withType(wider));
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

    static boolean makeNullable(EvolutionDraft d) {
        Target target = pickOld(d, (t, c) -> !c.nullable());
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
            String literal = reference ? "1" : ColumnKinds.literal(d.random, d.engine, column, d.old.enums);
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

    /** A table the old model has and one of its non-key columns that the old model has too. */
    record Target(DraftTable table, Column column) {
    }

    static Target pickOld(EvolutionDraft d, BiPredicate<DraftTable, Column> fits) {
        List<Target> candidates = new ArrayList<>();
        for (DraftTable table : d.oldTables()) {
            for (Column column : table.columns.subList(1, table.columns.size())) {
                if (table.columnOrigin(column.name()).isPresent() && fits.test(table, column)) {
                    candidates.add(new Target(table, column));
                }
            }
        }
        return candidates.isEmpty() ? null : pick(d.random, candidates);
    }
}
