package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.github.jpamigrate.plugin.evolution.Vocabulary.chance;
import static io.github.jpamigrate.plugin.evolution.Vocabulary.pick;

/**
 * Random column shapes and SQL literals that fit them: the types an entity maps most often,
 * enums stored by name or by ordinal, and literal defaults or backfill values a user would write.
 */
final class ColumnKinds {

    /** The default {@code current_timestamp}: valid, but its value is not known in advance. */
    static final String NOW = "current_timestamp";

    private ColumnKinds() {
    }

    /** A nullable or not-null column of a random type, sometimes with a default, never unique. */
    static Column random(SplittableRandom random, EvolutionEngine engine, String name, Map<String, List<String>> enums) {
        Column column = Column.of(name, type(random, engine), chance(random, 0.5));
        if (!enums.isEmpty() && chance(random, 0.2)) {
            String javaType = pick(random, new ArrayList<>(enums.keySet()));
            boolean ordinal = chance(random, 0.4);
            column = column.withType(ordinal ? ColumnType.of(TypeKind.TINYINT) : ColumnType.withLength(TypeKind.VARCHAR, 255))
                    .withEnumRef(new EnumRef(javaType, ordinal ? EnumStorage.ORDINAL : EnumStorage.STRING));
        }
        if (!column.nullable() && chance(random, 0.5) || chance(random, 0.15)) {
            column = column.withDefaultValue(defaultValue(random, engine, column, enums));
        }
        return column;
    }

    /** A column type; on PostgreSQL never a CLOB, which Hibernate maps to a large-object {@code oid} there. */
    static ColumnType type(SplittableRandom random, EvolutionEngine engine) {
        return switch (random.nextInt(11)) {
            case 0 -> ColumnType.of(TypeKind.BIGINT);
            case 1 -> ColumnType.of(TypeKind.INTEGER);
            case 2 -> ColumnType.of(TypeKind.SMALLINT);
            case 3, 4 -> ColumnType.withLength(TypeKind.VARCHAR, pick(random, List.of(20, 50, 255)));
            case 5 -> ColumnType.withPrecisionScale(TypeKind.DECIMAL, pick(random, List.of(10, 12, 19)), pick(random, List.of(0, 2)));
            case 6 -> ColumnType.of(TypeKind.BOOLEAN);
            case 7 -> ColumnType.withPrecision(TypeKind.DOUBLE, 53);
            case 8 -> ColumnType.of(TypeKind.DATE);
            case 9 -> ColumnType.withPrecision(TypeKind.TIMESTAMP, 6);
            default -> engine == EvolutionEngine.POSTGRESQL ? ColumnType.withLength(TypeKind.VARCHAR, 4000) : ColumnType.of(TypeKind.CLOB);
        };
    }

    /** A default: a literal, or now and then {@code current_timestamp} for a timestamp. */
    static String defaultValue(SplittableRandom random, EvolutionEngine engine, Column column, Map<String, List<String>> enums) {
        if (column.type().kind() == TypeKind.TIMESTAMP && column.enumRef() == null && chance(random, 0.3)) {
            return NOW;
        }
        return literal(random, engine, column, enums);
    }

    /** A SQL literal of the column's type that satisfies its enum check. */
    static String literal(SplittableRandom random, EvolutionEngine engine, Column column, Map<String, List<String>> enums) {
        if (column.enumRef() != null) {
            List<String> constants = enums.get(column.enumRef().javaType());
            int i = random.nextInt(constants.size());
            return column.enumRef().storage() == EnumStorage.ORDINAL ? Integer.toString(i) : "'" + constants.get(i) + "'";
        }
        ColumnType type = column.type();
        return switch (type.kind()) {
            case BIGINT, INTEGER, SMALLINT, TINYINT -> pick(random, List.of("0", "1", "7", "-5", "42"));
            case DECIMAL -> type.scale() > 0 ? pick(random, List.of("0", "1.5", "42.25")) : pick(random, List.of("0", "12"));
            case BOOLEAN -> pick(random, engine.booleanLiterals());
            case DOUBLE, REAL -> pick(random, List.of("0.5", "2", "-1.25"));
            case DATE -> "'2024-02-29'";
            case TIMESTAMP -> "'2024-01-01 00:00:00'";
            default -> pick(random, List.of("'n/a'", "'it''s'", "''", "'ünïcode'"));
        };
    }

    /** Whether values of the type can be made distinct for a unique constraint. */
    static boolean canBeUnique(Column column) {
        return column.enumRef() == null && switch (column.type().kind()) {
            case BIGINT, INTEGER, SMALLINT, VARCHAR, DECIMAL, DATE -> true;
            default -> false;
        };
    }
}
