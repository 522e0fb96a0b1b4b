package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.Collection;
import java.util.Optional;

/**
 * The existing name a misspelt one most likely meant, so that a message about a typo can offer the
 * fix instead of only the refusal. Compared case-folded, as the database compares names.
 */
public final class ClosestName {

    private ClosestName() {
    }

    /** The name among {@code names} with the fewest edits from {@code typo}; empty when there are none. */
    public static Optional<String> to(String typo, Collection<String> names) {
        String wanted = Identifiers.key(typo);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int distance = distance(wanted, Identifiers.key(name));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; the closest is 'title'"}, or nothing when there is no name to offer. */
    public static String hint(String typo, Collection<String> names) {
        return to(typo, names).map(n -> "; the closest is '" + n + "'").orElse("");
    }

    /** Levenshtein distance: inserts, deletes and replacements of one character each count one. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
