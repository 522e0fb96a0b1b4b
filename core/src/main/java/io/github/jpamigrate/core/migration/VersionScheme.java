package io.github.jpamigrate.core.migration;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/**
 * How the next migration version is chosen: {@code sequential} (the newest major part plus one:
 * {@code V7} after {@code V6} or {@code V6.3}) or {@code timestamp} (UTC {@code yyyyMMddHHmmss},
 * for teams with many parallel branches; never at or below an existing version).
 */
public enum VersionScheme {
    SEQUENTIAL, TIMESTAMP;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /**
     * Looks a scheme up by the name users write ({@code sequential}, {@code timestamp}).
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static VersionScheme parse(String text) {
        for (VersionScheme scheme : values()) {
            if (scheme.name().equalsIgnoreCase(text.trim())) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("versionScheme '" + text + "' is not one of: sequential, timestamp");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The version after every existing one. */
    public MigrationVersion next(Collection<MigrationVersion> existing, Instant now) {
        MigrationVersion newest = existing.stream().max(MigrationVersion::compareTo).orElse(null);
        BigInteger newestMajor = newest == null ? BigInteger.ZERO : newest.parts().get(0);
        BigInteger candidate = switch (this) {
            case SEQUENTIAL -> newestMajor.add(BigInteger.ONE);
            case TIMESTAMP -> new BigInteger(STAMP.format(now)).max(newestMajor.add(BigInteger.ONE));
        };
        return new MigrationVersion(java.util.List.of(candidate));
    }
}
