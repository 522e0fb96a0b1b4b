package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.List;
import java.util.SplittableRandom;

/** The column types entities map most often, and a literal default of each. */
final class ColumnKind {

    private static final List<Integer> LENGTHS = List.of(20, 50, 255, 255);

    private ColumnKind() {
    }

    static ColumnType type(SplittableRandom random) {
        return switch (random.nextInt(12)) {
            case 0 -> ColumnType.of(TypeKind.BIGINT);
            case 1 -> ColumnType.of(TypeKind.INTEGER);
            case 2 -> ColumnType.of(TypeKind.SMALLINT);
            case 3, 4, 5 -> ColumnType.withLength(TypeKind.VARCHAR, LENGTHS.get(random.nextInt(LENGTHS.size())));
            case 6 -> ColumnType.withPrecisionScale(TypeKind.DECIMAL, 19, 2);
            case 7 -> ColumnType.of(TypeKind.BOOLEAN);
            case 8 -> ColumnType.withPrecision(TypeKind.DOUBLE, 53);
            case 9 -> ColumnType.of(TypeKind.DATE);
            case 10 -> ColumnType.withPrecision(TypeKind.TIMESTAMP, 6);
            default -> ColumnType.of(TypeKind.UUID);
        };
    }

    /** A SQL literal of the type, as a {@code @ColumnDefault} would give it. */
    static String literal(ColumnType type) {
        return switch (type.kind()) {
            case BIGINT, INTEGER, SMALLINT, TINYINT -> "0";
            case DECIMAL, DOUBLE -> "1.5";
            case BOOLEAN -> "false";
            case DATE -> "'2024-02-29'";
            case TIMESTAMP -> "'2024-01-01 00:00:00'";
            case UUID -> "'00000000-0000-0000-0000-000000000000'";
            default -> "'n/a'";
        };
    }
}
