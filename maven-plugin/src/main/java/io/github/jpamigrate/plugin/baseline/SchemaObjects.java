package io.github.jpamigrate.plugin.baseline;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and replaces the one object of a model that a drift item names. Replacing an item's
 * object by one of its sides is the only operation the baseline needs: the database's schema is
 * the snapshot with every item's database side put in, and the model as far as it is accepted is
 * the model with each accepted item's database side put in.
 */
final class SchemaObjects {

    private SchemaObjects() {
    }

    /** The model's object with the item's id, if the model has it. */
    static Optional<Object> find(SchemaModel model, DriftItem item) {
        Optional<Table> table = model.table(item.table());
        if (item.kind() == DriftItem.Kind.TABLE || table.isEmpty()) {
            return table.map(t -> t);
        }
        Table t = table.get();
        return switch (item.kind()) {
            case COLUMN -> parts(t.columns(), item).map(c -> c);
            case PRIMARY_KEY -> Optional.ofNullable(t.primaryKey());
            case FOREIGN_KEY -> parts(t.foreignKeys(), item).map(k -> k);
            case UNIQUE -> parts(t.uniqueConstraints(), item).map(u -> u);
            case INDEX -> parts(t.indexes(), item).map(i -> i);
            case TABLE -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * The model with the item's object replaced by {@code part} (removed when null, added when the
     * model lacks it). An object of a table the model does not have cannot be put: the model stays.
     */
    static SchemaModel put(SchemaModel model, DriftItem item, Object part) {
        List<Table> tables = new ArrayList<>(model.tables());
        int at = indexOf(tables, t -> Identifiers.sameName(t.name(), item.table()));
        if (item.kind() == DriftItem.Kind.TABLE) {
            if (at >= 0) {
                tables.remove(at);
            }
            if (part != null) {
                tables.add(at >= 0 ? at : tables.size(), (Table) part);
            }
        } else if (at >= 0) {
            tables.set(at, put(tables.get(at), item, part));
        } else {
            return model;
        }
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, model.sequences(),
                model.tableGenerators(), model.enums());
    }

    private static Table put(Table t, DriftItem item, Object part) {
        List<Column> columns = t.columns();
        PrimaryKey key = t.primaryKey();
        List<ForeignKey> foreignKeys = t.foreignKeys();
        List<UniqueConstraint> uniques = t.uniqueConstraints();
        List<Index> indexes = t.indexes();
        switch (item.kind()) {
            case COLUMN -> columns = replaced(columns, item, (Column) part);
            case PRIMARY_KEY -> key = (PrimaryKey) part;
            case FOREIGN_KEY -> foreignKeys = replaced(foreignKeys, item, (ForeignKey) part);
            case UNIQUE -> uniques = replaced(uniques, item, (UniqueConstraint) part);
            case INDEX -> indexes = replaced(indexes, item, (Index) part);
            case TABLE -> throw new IllegalStateException("a table is not part of a table");
        }
        return new Table(t.name(), t.schema(), columns, key, foreignKeys, uniques, indexes, t.checks(), t.comment(),
                t.entities());
    }

    private static <T> Optional<T> parts(List<T> parts, DriftItem item) {
        return parts.stream().filter(p -> DriftItem.id(item.kind(), item.table(), p).equals(item.id())).findFirst();
    }

    private static <T> List<T> replaced(List<T> parts, DriftItem item, T part) {
        List<T> out = new ArrayList<>(parts);
        int at = indexOf(out, p -> DriftItem.id(item.kind(), item.table(), p).equals(item.id()));
        if (at >= 0) {
            out.remove(at);
        }
        if (part != null) {
            out.add(at >= 0 ? at : out.size(), part);
        }
        return out;
    }

    private static <T> int indexOf(List<T> items, Function<T, Boolean> matches) {
        for (int i = 0; i < items.size(); i++) {
            if (matches.apply(items.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
