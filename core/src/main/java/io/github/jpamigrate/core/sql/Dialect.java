package io.github.jpamigrate.core.sql;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The databases JPA Migrate writes SQL for, with the ids users write ({@code <dialect>postgresql</dialect>}). */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb"),
    MYSQL("mysql"),
    H2("h2");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The id users write, e.g. {@code postgresql}. */
    public String id() {
        return id;
    }

    /**
     * The dialect with this id (case-insensitive).
     *
     * @throws IllegalArgumentException naming the id and the allowed ones
     */
    public static Dialect fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.id.equals(wanted)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + id + "'; use one of "
                + Arrays.stream(values()).map(Dialect::id).collect(Collectors.joining(", ")));
    }

    /**
     * The dialect a JDBC URL speaks, from its prefix: {@code jdbc:sqlite:}, {@code jdbc:h2:},
     * {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:} (case-insensitive); empty
     * for any other URL (a proxy driver, another database). The one place that maps URLs to dialects.
     */
    public static Optional<Dialect> ofJdbcUrl(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (lower.startsWith("jdbc:" + dialect.id + ":")) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
