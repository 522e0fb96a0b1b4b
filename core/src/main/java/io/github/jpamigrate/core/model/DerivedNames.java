package io.github.jpamigrate.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the constraint and index names we derive unique per schema, as the databases require
 * (PostgreSQL and H2 refuse a second constraint or index of one name, MySQL a second foreign key).
 * A derived name that is already unique is never changed, so existing snapshots stay as they are.
 */
public final class DerivedNames {

    private DerivedNames() {
    }

    /** The tables with each colliding derived name replaced by a longer unique one; explicit names are kept. */
    public static List<Table> makeUnique(List<Table> tables) {
        List<Table> out = new ArrayList<>(tables);
        Map<String, Integer> counts = counts(out);
        for (int i = 0; i < out.size(); i++) {
            out.set(i, foreignKeysNamedByTarget(out.get(i), counts));
        }
        // what is left (two keys of one table and target, or names shortened by a hash) gets a counter
        Map<String, Integer> left = counts(out);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            out.set(i, numbered(out.get(i), left, seen));
        }
        return out;
    }

    private static Table foreignKeysNamedByTarget(Table t, Map<String, Integer> counts) {
        List<ForeignKey> keys = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            boolean clash = derived(t, fk) && counts.get(key(t, fk.name())) > 1;
            keys.add(clash ? renamed(fk, Identifiers.foreignKeyName(t.name(), fk.columns(), fk.referencedTable())) : fk);
        }
        return withKeys(t, keys, t.uniqueConstraints(), t.indexes());
    }

    private static Table numbered(Table t, Map<String, Integer> counts, Map<String, Integer> seen) {
        List<ForeignKey> keys = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            keys.add(derivedAnyForm(t, fk) ? renamed(fk, next(t, fk.name(), counts, seen)) : fk);
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (UniqueConstraint uk : t.uniqueConstraints()) {
            boolean derived = uk.name().equals(Identifiers.uniqueKeyName(t.name(), uk.columns()));
            uniques.add(derived ? new UniqueConstraint(next(t, uk.name(), counts, seen), uk.columns()) : uk);
        }
        List<Index> indexes = new ArrayList<>();
        for (Index ix : t.indexes()) {
            boolean derived = ix.name().equals(Identifiers.indexName(t.name(), plainColumns(ix)));
            indexes.add(derived ? new Index(next(t, ix.name(), counts, seen), ix.columns(), ix.unique()) : ix);
        }
        return withKeys(t, keys, uniques, indexes);
    }

    /** The name itself while it is unique in its schema; else the second and later holders get {@code _2}, {@code _3}. */
    private static String next(Table t, String name, Map<String, Integer> counts, Map<String, Integer> seen) {
        if (counts.get(key(t, name)) == 1) {
            return name;
        }
        int n = seen.merge(key(t, name), 1, Integer::sum);
        return n == 1 ? name : name + "_" + n;
    }

    private static Map<String, Integer> counts(List<Table> tables) {
        Map<String, Integer> counts = new HashMap<>();
        for (Table t : tables) {
            t.foreignKeys().forEach(fk -> counts.merge(key(t, fk.name()), 1, Integer::sum));
            t.uniqueConstraints().forEach(uk -> counts.merge(key(t, uk.name()), 1, Integer::sum));
            t.indexes().forEach(ix -> counts.merge(key(t, ix.name()), 1, Integer::sum));
        }
        return counts;
    }

    private static String key(Table t, String name) {
        return (t.schema() == null ? "" : Identifiers.key(t.schema())) + "." + Identifiers.key(name);
    }

    private static boolean derived(Table t, ForeignKey fk) {
        return fk.name().equals(Identifiers.foreignKeyName(t.name(), fk.columns()));
    }

    private static boolean derivedAnyForm(Table t, ForeignKey fk) {
        return derived(t, fk)
                || fk.name().equals(Identifiers.foreignKeyName(t.name(), fk.columns(), fk.referencedTable()));
    }

    /** An index's columns without their {@code desc} ordering, as its derived name spells them. */
    private static List<String> plainColumns(Index ix) {
        return ix.columns().stream().map(c -> c.endsWith(" desc") ? c.substring(0, c.length() - 5) : c).toList();
    }

    private static ForeignKey renamed(ForeignKey fk, String name) {
        return Objects.equals(fk.name(), name) ? fk
                : new ForeignKey(name, fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete());
    }

    private static Table withKeys(Table t, List<ForeignKey> keys, List<UniqueConstraint> uniques, List<Index> indexes) {
        return new Table(t.name(), t.schema(), t.columns(), t.primaryKey(), keys, uniques, indexes, t.checks(),
                t.comment(), t.entities(), t.kind(), t.query());
    }
}
