package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Table and column names for generated models: ordinary ones, reserved words that must be quoted
 * ({@code order}, {@code group}, {@code user}, {@code value}) and a few that need quoting for
 * their spelling. A name is never reused for something else in the same evolution, because the
 * diff would read that as the same object changed rather than a drop and an add.
 */
final class Vocabulary {

    private static final List<String> TABLES = List.of("customer", "order", "group", "user", "product", "invoice",
            "line_item", "tag", "address", "shipment", "payment", "review", "supplier", "warehouse", "category",
            "Account Entry", "Ledger");

    private static final List<String> COLUMNS = List.of("name", "email", "status", "amount", "quantity", "note",
            "created_on", "value", "order", "title", "code", "price", "active", "rating", "summary", "weight",
            "group", "user", "label", "score", "Display Name", "zipCode", "phone", "region", "valid_until");

    private Vocabulary() {
    }

    /** A table name for which {@code taken} is false, from the pool or numbered when it runs out. */
    static String table(SplittableRandom random, Predicate<String> taken) {
        return fresh(random, TABLES, taken);
    }

    static String column(SplittableRandom random, Predicate<String> taken) {
        return fresh(random, COLUMNS, taken);
    }

    private static String fresh(SplittableRandom random, List<String> pool, Predicate<String> taken) {
        for (int attempt = 0; attempt < 8; attempt++) {
            String name = pool.get(random.nextInt(pool.size()));
            if (!taken.test(name)) {
                return name;
            }
        }
        String base = pool.get(random.nextInt(pool.size())).replace(' ', '_').toLowerCase(java.util.Locale.ROOT);
        for (int n = 2; ; n++) {
            if (!taken.test(base + "_" + n)) {
                return base + "_" + n;
            }
        }
    }

    /** Whether {@code name} equals one of {@code names} as the database compares them. */
    static boolean among(Collection<String> names, String name) {
        return names.stream().anyMatch(n -> Identifiers.sameName(n, name));
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }
}
