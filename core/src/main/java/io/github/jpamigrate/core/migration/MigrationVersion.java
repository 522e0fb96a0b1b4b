package io.github.jpamigrate.core.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flyway version such as {@code 7}, {@code 1.2} or {@code 20261121093000}. Parts are separated
 * by dots (underscores in a file name mean dots) and compare numerically, part by part, with
 * missing trailing parts counting as zero, as Flyway orders them.
 *
 * @param parts the numeric parts
 */
public record MigrationVersion(List<BigInteger> parts) implements Comparable<MigrationVersion> {

    public MigrationVersion {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version needs at least one number");
        }
    }

    /**
     * Parses {@code 1.2}, {@code 1_2} or {@code 7}.
     *
     * @throws IllegalArgumentException when a part is not a number
     */
    public static MigrationVersion parse(String text) {
        String normalized = text.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String part : normalized.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "' is not a Flyway version (digits separated by dots)");
            }
            parts.add(new BigInteger(part));
        }
        return new MigrationVersion(parts);
    }

    public static MigrationVersion of(long version) {
        return new MigrationVersion(List.of(BigInteger.valueOf(version)));
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Flyway treats {@code 1} and {@code 1.0} as the same version. */
    public boolean sameAs(MigrationVersion other) {
        return compareTo(other) == 0;
    }

    /** The dotted form, e.g. {@code 1.2}. */
    @Override
    public String toString() {
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }

    /** The file-name form, e.g. {@code 1_2}. */
    public String fileForm() {
        return String.join("_", parts.stream().map(BigInteger::toString).toList());
    }
}
