package io.github.jpamigrate.plugin.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The accepted differences of a project ({@code src/main/jpa-migrate/drift-baseline.json}), like a
 * lint baseline: each item is a place where the database the migrations build differs from the
 * entity model on purpose (a longer varchar, a {@code timestamptz}, an extra index, a cascade, a
 * column no entity maps). Written by {@code init}; {@code generate} removes the items it
 * reconciles or that an entity change made moot; nothing adds to it afterwards.
 *
 * @param items the items, sorted by id
 */
public record DriftBaseline(List<DriftItem> items) {

    public static final DriftBaseline EMPTY = new DriftBaseline(List.of());

    public DriftBaseline {
        List<DriftItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(DriftItem::id));
        items = List.copyOf(sorted);
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i).id().equals(items.get(i - 1).id())) {
                throw new IllegalArgumentException("drift item " + items.get(i).id() + " is listed twice");
            }
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Optional<DriftItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return items.stream().map(DriftItem::id).toList();
    }
}
