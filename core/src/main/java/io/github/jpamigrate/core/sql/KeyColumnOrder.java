package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The column order of primary keys, and of the foreign keys that reference them, in the DDL every
 * renderer writes: the order Hibernate ORM's own schema export uses (6.2 and later, both supported
 * lines alike). Hibernate's default {@code hibernate.column_ordering_strategy}
 * ({@code ColumnOrderingStrategyStandard}) sorts the columns of a primary key of two or more
 * columns by {@code max(physical size in bytes, 4)}, then by whether the size exceeds 2048 bytes,
 * then by name; a unique constraint over exactly the key's columns dictates the order instead.
 * The foreign keys that reference the key follow it. The sizes depend on the dialect (its
 * longest {@code varchar}, native enum types), hence one order per dialect.
 *
 * <p>The descriptor keeps the mapping's order; only the SQL follows this one. Schema comparison
 * ({@code SchemaDiff}) treats keys as column sets, so this order never causes a migration.
 * The columns of {@code create table} stay in the mapping's order: Hibernate sorts those as well,
 * but the order of a table's columns is not part of its structure.
 */
public final class KeyColumnOrder {

    /** Hibernate's factor from decimal digits to bytes, kept as it is there (it orders, it does not size). */
    private static final double DECIMAL_TO_BYTES = Math.log(10) / Math.log(2) * 8;

    /** What Hibernate's {@code Size} assumes when no length is given; such a column counts as the longest varchar. */
    private static final int DEFAULT_LENGTH = 255;

    private final SchemaModel model;
    private final DialectFacts dialect;
    private final ColumnTypeNames types;

    private KeyColumnOrder(SchemaModel model, DialectFacts dialect) {
        this.model = model;
        this.dialect = dialect;
        this.types = dialect.typeNames();
    }

    /** The order for tables of this model (its enums and ORM line decide some types) on this dialect. */
    public static KeyColumnOrder of(SchemaModel model, DialectFacts dialect) {
        return new KeyColumnOrder(model, dialect);
    }

    /** The table with its primary key and its foreign keys in DDL order. */
    public Table table(Table table) {
        return new Table(table.name(), table.schema(), table.columns(), primaryKey(table),
                table.foreignKeys().stream().map(this::foreignKey).toList(), table.uniqueConstraints(),
                table.indexes(), table.checks(), table.comment(), table.entities(), table.kind(), table.query());
    }

    /** The table's primary key in DDL order; null when it has none. */
    public PrimaryKey primaryKey(Table table) {
        PrimaryKey key = table.primaryKey();
        if (key == null || key.columns().size() < 2) {
            return key;
        }
        Optional<UniqueConstraint> ordering = table.uniqueConstraints().stream()
                .filter(u -> sameSet(u.columns(), key.columns())).findFirst();
        if (ordering.isPresent()) {
            return new PrimaryKey(key.name(), ordering.get().columns());
        }
        List<String> columns = new ArrayList<>(key.columns());
        columns.sort(Comparator.<String>comparingInt(c -> Math.max(size(table, c), 4))
                .thenComparing(c -> size(table, c) > 2048)
                .thenComparing(Comparator.naturalOrder()));
        return new PrimaryKey(key.name(), columns);
    }

    /**
     * The foreign key with its column pairs in the order of the referenced primary key, when it
     * references exactly that key's columns (always so for a mapping without
     * {@code referencedColumnName}); otherwise unchanged. MariaDB and MySQL need this order: a
     * foreign key must match the leading columns of an index of the referenced table.
     */
    public ForeignKey foreignKey(ForeignKey key) {
        if (key.columns().size() < 2) {
            return key;
        }
        Optional<Table> target = model.tables().stream()
                .filter(t -> Identifiers.sameName(t.name(), key.referencedTable())).findFirst();
        if (target.isEmpty() || target.get().primaryKey() == null
                || !sameSet(target.get().primaryKey().columns(), key.referencedColumns())) {
            return key;
        }
        List<String> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (String targetColumn : primaryKey(target.get()).columns()) {
            int at = indexOf(key.referencedColumns(), targetColumn);
            columns.add(key.columns().get(at));
            referenced.add(key.referencedColumns().get(at));
        }
        return new ForeignKey(key.name(), columns, key.referencedTable(), referenced, key.onDelete());
    }

    private int size(Table table, String columnName) {
        return table.column(columnName).map(this::physicalSize).orElse(Integer.MAX_VALUE);
    }

    /** Hibernate's {@code physicalSizeInBytes} for the JDBC type the mapping gives this column on this dialect. */
    int physicalSize(Column column) {
        if (column.enumRef() != null && types.sqlType(withoutDefinition(column), model).toLowerCase(Locale.ROOT).startsWith("enum")) {
            return Integer.MAX_VALUE; // a native enum type (MariaDB, MySQL, H2): not one Hibernate sizes
        }
        ColumnType type = column.type();
        return switch (type.kind()) {
            case BOOLEAN, TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER, REAL, DATE, TIME, TIME_TZ -> 4;
            case BIGINT, DOUBLE, TIMESTAMP, TIMESTAMP_TZ, INTERVAL -> 8;
            case DECIMAL -> (int) Math.ceil(type.precision() / DECIMAL_TO_BYTES);
            case CHAR, VARCHAR, NCHAR, NVARCHAR -> type.length() == DEFAULT_LENGTH ? maxVarcharLength() : type.length();
            case BINARY, VARBINARY -> type.length() == DEFAULT_LENGTH ? maxVarbinaryLength() : type.length();
            case UUID -> 16;
            case CLOB, NCLOB, BLOB, JSON, XML, ARRAY -> Integer.MAX_VALUE;
        };
    }

    /** The dialects' {@code getMaxVarcharLength()}; MariaDB and MySQL as for a utf8mb4 server (4 bytes a character). */
    private int maxVarcharLength() {
        return dialect.maxVarcharLength();
    }

    private int maxVarbinaryLength() {
        return dialect.maxVarbinaryLength();
    }

    private static Column withoutDefinition(Column c) {
        return c.definition() == null ? c
                : new Column(c.name(), c.type(), c.nullable(), c.unique(), c.defaultValue(), c.identity(), null,
                c.enumRef(), c.comment());
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> indexOf(b, x) >= 0);
    }

    private static int indexOf(List<String> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (Identifiers.sameName(columns.get(i), column)) {
                return i;
            }
        }
        return -1;
    }
}
