package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Finds the changes that would lose data or fail on a populated table: drops, narrowing type
 * changes, casts that can fail on a row, removed enum constants, reordered ORDINAL enums, and NOT NULL columns with no value
 * for existing rows. Pure, like the diff.
 */
public final class Hazards {

    /**
     * When the databases are not known, assume each of them: PostgreSQL's rules are the strictest
     * (its large objects are oid references), so it stands for all.
     */
    private static final List<String> ANY_DATABASE = List.of(UnsafeCasts.POSTGRESQL);

    private static final List<TypeKind> INTEGERS = List.of(TypeKind.TINYINT, TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);

    private Hazards() {
    }

    /**
     * @param hasBackfill whether the user gave a backfill value for (table, column)
     */
    public static List<Hazard> find(List<SchemaChange> changes, SchemaModel newModel,
                                    BiPredicate<String, String> hasBackfill) {
        return find(changes, newModel, hasBackfill, ANY_DATABASE);
    }

    /**
     * @param hasBackfill whether the user gave a backfill value for (table, column)
     * @param dialects    the ids of the databases the migration is written for; a cast that fails on
     *                    one of them is a hazard
     */
    public static List<Hazard> find(List<SchemaChange> changes, SchemaModel newModel,
                                    BiPredicate<String, String> hasBackfill, Collection<String> dialects) {
        List<Hazard> out = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof TableDropped d) {
                out.add(new Hazard(Hazard.Kind.DROP_TABLE, d.oldTable().name(), change,
                        "table " + d.oldTable().name() + " and all its rows would be dropped"));
            } else if (change instanceof ColumnDropped d) {
                String target = d.table() + "." + d.oldColumn().name();
                out.add(new Hazard(Hazard.Kind.DROP_COLUMN, target, change, "column " + target + " and its values would be dropped"));
            } else if (change instanceof ColumnAdded a) {
                Column c = a.newColumn();
                if (!c.nullable() && c.defaultValue() == null && !c.identity() && !hasBackfill.test(a.table(), c.name())) {
                    out.add(new Hazard(Hazard.Kind.MISSING_VALUE, a.table() + "." + c.name(), change,
                            "new NOT NULL column " + a.table() + "." + c.name() + " has no value for existing rows"));
                }
            } else if (change instanceof ColumnChanged c) {
                columnHazards(c, hasBackfill, dialects, out);
            } else if (change instanceof EnumChanged e) {
                enumHazards(e, newModel, out);
            }
        }
        return out;
    }

    private static void columnHazards(ColumnChanged c, BiPredicate<String, String> hasBackfill,
                                      Collection<String> dialects, List<Hazard> out) {
        String target = c.table() + "." + c.newColumn().name();
        Optional<String> failingCast = c.newColumn().definition() != null ? Optional.empty()
                : UnsafeCasts.reason(c.oldColumn().type(), c.newColumn().type(), dialects);
        if (failingCast.isPresent()) {
            out.add(new Hazard(Hazard.Kind.UNSAFE_CAST, target, c, "column " + target + " changes from "
                    + show(c.oldColumn()) + " to " + show(c.newColumn()) + ": " + failingCast.get()));
        } else if (!Objects.equals(c.oldColumn().definition(), c.newColumn().definition()) && c.newColumn().definition() != null
                || !c.oldColumn().type().equals(c.newColumn().type()) && narrows(c.oldColumn().type(), c.newColumn().type())) {
            out.add(new Hazard(Hazard.Kind.NARROWING, target, c, "column " + target + " changes from "
                    + show(c.oldColumn()) + " to " + show(c.newColumn()) + ", which may not hold every existing value"));
        }
        if (c.oldColumn().nullable() && !c.newColumn().nullable() && c.newColumn().defaultValue() == null
                && !hasBackfill.test(c.table(), c.newColumn().name())) {
            out.add(new Hazard(Hazard.Kind.MISSING_VALUE, target, c,
                    "column " + target + " becomes NOT NULL but existing NULLs have no replacement"));
        }
    }

    private static void enumHazards(EnumChanged e, SchemaModel newModel, List<Hazard> out) {
        List<String> before = e.oldEnum().constants();
        List<String> after = e.newEnum().constants();
        List<String> removed = before.stream().filter(x -> !after.contains(x)).toList();
        if (!removed.isEmpty()) {
            out.add(new Hazard(Hazard.Kind.ENUM_CONSTANT_REMOVED, e.newEnum().javaType(), e,
                    "enum " + e.newEnum().javaType() + " loses constants " + removed + " that rows may still hold"));
        }
        boolean ordinal = newModel.tables().stream().flatMap(t -> t.columns().stream())
                .anyMatch(c -> c.enumRef() != null && c.enumRef().javaType().equals(e.newEnum().javaType())
                        && c.enumRef().storage() == EnumStorage.ORDINAL);
        List<String> kept = before.stream().filter(after::contains).toList();
        boolean moved = false;
        for (int i = 0; i < kept.size(); i++) {
            moved |= after.indexOf(kept.get(i)) != before.indexOf(kept.get(i));
        }
        if (ordinal && moved) {
            out.add(new Hazard(Hazard.Kind.ORDINAL_ENUM_REORDERED, e.newEnum().javaType(), e,
                    "enum " + e.newEnum().javaType() + " is stored by ORDINAL and its constants moved " + before + " -> "
                            + after + ": stored numbers would change meaning with no DDL change"));
        }
    }

    /** Whether every value of {@code from} is guaranteed to fit {@code to}. */
    static boolean narrows(ColumnType from, ColumnType to) {
        if (from.kind() == TypeKind.ARRAY && to.kind() == TypeKind.ARRAY) {
            return narrows(from.element(), to.element());
        }
        if (from.kind() == to.kind()) {
            return smaller(to.length(), from.length()) || smaller(to.precision(), from.precision())
                    || smaller(to.scale(), from.scale())
                    || (from.kind() == TypeKind.DECIMAL && to.precision() - to.scale() < from.precision() - from.scale());
        }
        if (INTEGERS.contains(from.kind()) && INTEGERS.contains(to.kind())) {
            return INTEGERS.indexOf(to.kind()) < INTEGERS.indexOf(from.kind());
        }
        Set<String> widening = Set.of("real>double", "char>varchar", "varchar>clob", "char>clob",
                "binary>varbinary", "varbinary>blob", "binary>blob", "date>timestamp", "timestamp>timestamp_tz",
                "char>nchar", "varchar>nvarchar", "clob>nclob", "nchar>nvarchar", "nvarchar>nclob", "nchar>nclob");
        String pair = from.kind().jsonName() + ">" + to.kind().jsonName();
        if (widening.contains(pair)) {
            return (pair.startsWith("char>") || pair.startsWith("nchar>nvarchar") || pair.startsWith("varchar>nvarchar"))
                    && smaller(to.length(), from.length());
        }
        if (INTEGERS.contains(from.kind()) && to.kind() == TypeKind.DECIMAL) {
            return to.precision() - to.scale() < 19;
        }
        return true;
    }

    private static boolean smaller(Integer to, Integer from) {
        return to != null && from != null && to < from;
    }

    private static String show(Column c) {
        return c.definition() != null ? c.definition() : c.type().toString();
    }

    /** Whether a hazard's target is acknowledged by a {@code allowDestructive} list. */
    public static boolean acknowledged(Hazard hazard, boolean allowAll, List<String> allowed) {
        if (!hazard.kind().destructive()) {
            return false;
        }
        return allowAll || allowed.stream().anyMatch(a -> Identifiers.sameName(a.trim(), hazard.target()));
    }
}
