package io.github.jpamigrate.core.model;

import java.util.Locale;

/**
 * What database object an entity's table stands for, and so who creates it.
 *
 * <p>Only a {@link #TABLE} is created, altered and dropped by JPA Migrate. The other kinds are
 * mapped by entities but their object is not JPA Migrate's to write: the diff leaves them out of
 * every create, alter and drop, and foreign keys never reference them.
 */
public enum TableKind {
    /** An ordinary table, created and altered by the generated migrations. */
    TABLE,
    /**
     * Hibernate 7's {@code @View(query)}: a view whose defining query the entity states
     * ({@link Table#query()}); Hibernate's export creates it, generate does not (yet).
     */
    VIEW,
    /** {@code @Subselect}: the entity reads a query; no database object exists for it at all. */
    SUBSELECT,
    /**
     * {@code @Immutable}: a table or a view the project creates in its own migrations (commonly a
     * view in an {@code R__} migration); JPA Migrate cannot know which, so it creates neither and
     * checks that one exists with the entity's columns.
     */
    EXTERNAL;

    /** The descriptor's spelling: {@code view}, {@code subselect}, {@code external}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind spelled {@code text} in a descriptor, or null when there is none. */
    public static TableKind fromJson(String text) {
        for (TableKind kind : values()) {
            if (kind.jsonName().equals(text)) {
                return kind;
            }
        }
        return null;
    }

    /** Whether a database object of this name must exist beside the migrations JPA Migrate writes. */
    public boolean expectsObject() {
        return this == VIEW || this == EXTERNAL;
    }
}
