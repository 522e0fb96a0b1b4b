package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.SchemaModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every dialect's type names share: a {@code columnDefinition} wins verbatim, enums stored
 * by name and identity columns may get a dialect-specific type, everything else is spelled from
 * the logical type by the dialect.
 */
public abstract class HibernateTypeNames implements ColumnTypeNames {

    @Override
    public final String sqlType(Column column, SchemaModel model) {
        if (column.definition() != null) {
            return column.definition();
        }
        if (column.enumRef() != null && column.enumRef().storage() == EnumStorage.STRING) {
            String named = namedEnumType(enumConstants(column, model));
            if (named != null) {
                return named;
            }
        }
        if (column.identity()) {
            String identity = identityType();
            if (identity != null) {
                return identity;
            }
        }
        return typeName(column.type(), OrmLine.of(model));
    }

    /** The dialect's spelling of a logical type. */
    protected abstract String typeName(ColumnType type, OrmLine orm);

    /**
     * The type of a column that stores enum constants by name, when the dialect has a native enum
     * type (MySQL, MariaDB, H2); null to use the column's logical type.
     */
    protected String namedEnumType(List<String> constants) {
        return null;
    }

    /** The type an identity column gets instead of its own, when the dialect replaces it; else null. */
    protected String identityType() {
        return null;
    }

    /**
     * {@code enum ('A','B')}: Hibernate lists the constants sorted by name, not in declaration
     * order, so reordering the Java enum changes nothing here.
     */
    protected static String enumOf(List<String> constants) {
        return constants.stream().sorted().map(c -> "'" + c + "'").collect(Collectors.joining(",", "enum (", ")"));
    }

    /** {@code name(length)}. */
    protected static String sized(String name, ColumnType type) {
        return name + "(" + type.length() + ")";
    }

    /** {@code name(precision)}. */
    protected static String precise(String name, ColumnType type) {
        return name + "(" + type.precision() + ")";
    }

    /** {@code name(precision,scale)}. */
    protected static String scaled(String name, ColumnType type) {
        return name + "(" + type.precision() + "," + type.scale() + ")";
    }

    private static List<String> enumConstants(Column column, SchemaModel model) {
        String javaType = column.enumRef().javaType();
        return model.enumType(javaType).map(EnumType::constants).orElseThrow(() -> new IllegalArgumentException(
                "column " + column.name() + " stores enum " + javaType + ", which the model's enums do not list;"
                        + " rebuild the descriptor so that it lists the enum's constants"));
    }
}
