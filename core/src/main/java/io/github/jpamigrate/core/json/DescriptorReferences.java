package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.UniqueConstraint;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks that every name a descriptor refers to exists in it: key, constraint and index columns,
 * referenced tables and columns, enums and generator tables; and that tables, columns, sequences
 * and enums are not listed twice. A descriptor that fails here was edited by hand or cut, and
 * every later step (diff, SQL) would go wrong with it.
 */
final class DescriptorReferences {

    private final SchemaModel model;
    private final Function<Object, SourcePosition> positions;
    private final String source;

    private DescriptorReferences(SchemaModel model, Function<Object, SourcePosition> positions, String source) {
        this.model = model;
        this.positions = positions;
        this.source = source;
    }

    /**
     * @param positions where each model object was read, for the message
     * @throws DescriptorException at the first broken reference
     */
    static void check(SchemaModel model, Function<Object, SourcePosition> positions, String source) {
        new DescriptorReferences(model, positions, source).run();
    }

    private void run() {
        unique(model.tables(), t -> key(t.schema()) + "." + key(t.name()), t -> "table \"" + t.qualifiedName() + "\"");
        unique(model.sequences(), s -> key(s.schema()) + "." + key(s.name()), s -> "sequence \"" + s.name() + "\"");
        unique(model.enums(), EnumType::javaType, e -> "enum " + e.javaType());
        for (Table table : model.tables()) {
            checkTable(table);
        }
        for (TableGenerator generator : model.tableGenerators()) {
            checkGenerator(generator);
        }
    }

    private void checkTable(Table table) {
        String owner = "table \"" + table.name() + "\"";
        unique(table.columns(), c -> key(c.name()), c -> "column \"" + c.name() + "\" of " + owner);
        for (Column column : table.columns()) {
            if (column.enumRef() != null && model.enumType(column.enumRef().javaType()).isEmpty()) {
                throw at(column, "column \"" + column.name() + "\" of " + owner + " stores enum "
                        + column.enumRef().javaType() + ", which is not in the descriptor's \"enums\"");
            }
        }
        if (table.primaryKey() != null) {
            columnsExist(table, table.primaryKey().columns(), table.primaryKey(), "the primary key of " + owner);
        }
        for (ForeignKey key : table.foreignKeys()) {
            checkForeignKey(table, key);
        }
        for (UniqueConstraint constraint : table.uniqueConstraints()) {
            columnsExist(table, constraint.columns(), constraint,
                    "unique constraint \"" + constraint.name() + "\" of " + owner);
        }
        for (Index index : table.indexes()) {
            List<String> columns = index.columns().stream().map(DescriptorReferences::withoutDirection).toList();
            columnsExist(table, columns, index, "index \"" + index.name() + "\" of " + owner);
        }
    }

    private void checkForeignKey(Table table, ForeignKey key) {
        String what = "foreign key \"" + key.name() + "\" of table \"" + table.name() + "\"";
        columnsExist(table, key.columns(), key, what);
        Table target = model.table(key.referencedTable()).orElseThrow(() -> at(key, what
                + " references table \"" + key.referencedTable() + "\", which is not in the descriptor"));
        if (!target.managed()) {
            throw at(key, what + " references \"" + target.name() + "\", which is a " + target.kind().jsonName()
                    + ", not a table migrations create; a foreign key can only reference a table");
        }
        if (!table.managed() && !table.foreignKeys().isEmpty()) {
            throw at(key, "table \"" + table.name() + "\" is a " + table.kind().jsonName()
                    + ": only a table migrations create has foreign keys");
        }
        for (String column : key.referencedColumns()) {
            if (target.column(column).isEmpty()) {
                throw at(key, what + " references column \"" + column + "\" of table \"" + target.name()
                        + "\", which that table does not have");
            }
        }
    }

    private void checkGenerator(TableGenerator generator) {
        String what = "table generator \"" + generator.name() + "\"";
        Table table = model.table(generator.table()).orElseThrow(() -> at(generator, what
                + " uses table \"" + generator.table() + "\", which is not in the descriptor"));
        for (String column : new String[] {generator.segmentColumn(), generator.valueColumn()}) {
            if (column != null && table.column(column).isEmpty()) {
                throw at(generator, what + " uses column \"" + column + "\" of table \"" + table.name()
                        + "\", which that table does not have");
            }
        }
    }

    private void columnsExist(Table table, List<String> columns, Object part, String what) {
        for (String column : columns) {
            if (table.column(column).isEmpty()) {
                throw at(part, what + " names column \"" + column + "\", which the table does not have");
            }
        }
    }

    private <T> void unique(List<T> items, Function<T, String> key, Function<T, String> what) {
        Map<String, T> seen = new HashMap<>();
        for (T item : items) {
            T earlier = seen.putIfAbsent(key.apply(item), item);
            if (earlier != null) {
                SourcePosition first = position(earlier);
                String also = first.line() > 0 ? " (first at line " + first.line() + ")" : "";
                throw at(item, what.apply(item) + " is listed twice" + also);
            }
        }
    }

    /** An index column may carry a direction, e.g. {@code "created_at desc"}. */
    private static String withoutDirection(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {" asc", " desc"}) {
            if (lower.endsWith(suffix)) {
                return column.substring(0, column.length() - suffix.length()).trim();
            }
        }
        return column;
    }

    private static String key(String name) {
        return name == null ? "" : Identifiers.key(name);
    }

    private SourcePosition position(Object part) {
        return Objects.requireNonNullElse(positions.apply(part), SourcePosition.of(source));
    }

    private DescriptorException at(Object part, String problem) {
        return position(part).error(problem);
    }
}
