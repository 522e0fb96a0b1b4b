package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schema between an expand step and its contract step: the entities' model, but in each
 * expanded table the new column nullable and without the keys, indexes and checks on it (the
 * contract step adds them), and the old column kept as it was, with its own keys, indexes and
 * checks. It is what the database has while both application versions run, what the snapshot
 * records, and what {@code check}, {@code verify} and the self-check compare with.
 */
public final class ExpandedModel {

    private ExpandedModel() {
    }

    /**
     * @param model      the entities' model (the new column, no old one)
     * @param keptFrom   a model that has the old columns as they are kept (the snapshot)
     * @param expansions the pending contract steps
     * @throws IllegalArgumentException when a table or column of an expansion is missing
     */
    public static SchemaModel of(SchemaModel model, SchemaModel keptFrom, List<Expansion> expansions) {
        if (expansions.isEmpty()) {
            return model;
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables()) {
            Table out = table;
            for (Expansion e : expansions) {
                if (Identifiers.sameName(e.table(), table.name())) {
                    out = expand(out, keptFrom.table(e.table()).orElseThrow(() -> missing(e, "table " + e.table())), e);
                }
            }
            tables.add(out);
        }
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, model.sequences(),
                model.tableGenerators(), model.enums());
    }

    /** Whether {@code model} still has every table and column the expansions name (else they are stale). */
    public static Optional<String> problem(SchemaModel model, List<Expansion> expansions) {
        for (Expansion e : expansions) {
            Optional<Table> table = model.table(e.table());
            if (table.isEmpty()) {
                return Optional.of("the entities no longer map table " + e.table() + " of the pending expansion " + e.describe());
            }
            if (table.get().column(e.column()).isEmpty()) {
                return Optional.of("the entities no longer map column " + e.table() + "." + e.column()
                        + " of the pending expansion " + e.describe());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code model} with the kept old columns nullable: what the undo of a contract step adds back
     * before it fills them from the new columns and makes them NOT NULL again.
     */
    public static SchemaModel keptNullable(SchemaModel model, List<Expansion> expansions) {
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables()) {
            List<Column> columns = table.columns().stream().map(c -> expansions.stream().anyMatch(e ->
                    Identifiers.sameName(e.table(), table.name()) && Identifiers.sameName(e.keeps(), c.name()))
                    ? c.withNullable(true) : c).toList();
            tables.add(new Table(table.name(), table.schema(), columns, table.primaryKey(), table.foreignKeys(),
                    table.uniqueConstraints(), table.indexes(), table.checks(), table.comment(), table.entities(),
                    table.kind(), table.query()));
        }
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, model.sequences(),
                model.tableGenerators(), model.enums());
    }

    private static Table expand(Table table, Table kept, Expansion e) {
        Column old = kept.column(e.keeps()).orElseThrow(() -> missing(e, "column " + e.table() + "." + e.keeps()));
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            if (Identifiers.sameName(c.name(), e.keeps())) {
                continue;
            }
            columns.add(Identifiers.sameName(c.name(), e.column()) ? c.withNullable(true).withUnique(false) : c);
        }
        columns.add(old);
        List<ForeignKey> keys = new ArrayList<>(table.foreignKeys().stream().filter(k -> !mentions(k.columns(), e.column())).toList());
        kept.foreignKeys().stream().filter(k -> mentions(k.columns(), e.keeps())).forEach(keys::add);
        List<UniqueConstraint> uniques = new ArrayList<>(table.uniqueConstraints().stream()
                .filter(u -> !mentions(u.columns(), e.column())).toList());
        kept.uniqueConstraints().stream().filter(u -> mentions(u.columns(), e.keeps())).forEach(uniques::add);
        List<Index> indexes = new ArrayList<>(table.indexes().stream().filter(i -> !mentions(i.columns(), e.column())).toList());
        kept.indexes().stream().filter(i -> mentions(i.columns(), e.keeps())).forEach(indexes::add);
        List<CheckConstraint> checks = new ArrayList<>(table.checks().stream()
                .filter(c -> !mentions(c.expression(), e.column())).toList());
        kept.checks().stream().filter(c -> mentions(c.expression(), e.keeps())).forEach(checks::add);
        return new Table(table.name(), table.schema(), columns, table.primaryKey(), keys, uniques, indexes, checks,
                table.comment(), table.entities(), table.kind(), table.query());
    }

    private static boolean mentions(List<String> columns, String column) {
        return columns.stream().anyMatch(c -> Identifiers.sameName(c, column));
    }

    private static boolean mentions(String expression, String column) {
        return Pattern.compile("(?<![A-Za-z0-9_])\"?" + Pattern.quote(column.toLowerCase(Locale.ROOT)) + "\"?(?![A-Za-z0-9_])")
                .matcher(expression.toLowerCase(Locale.ROOT)).find();
    }

    private static IllegalArgumentException missing(Expansion e, String what) {
        return new IllegalArgumentException("the snapshot records the pending expansion " + e.describe() + " but has no "
                + what);
    }
}
