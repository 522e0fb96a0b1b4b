package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a renderer needs beyond the changes: the backfill values the user gave for columns that
 * become NOT NULL on a table that may hold rows ({@code -Djpamigrate.backfill=customer.role='user'}).
 *
 * @param backfills "table.column" (case-folded) -> SQL literal or expression
 */
public record RenderOptions(Map<String, String> backfills) {

    public static final RenderOptions DEFAULTS = new RenderOptions(Map.of());

    public RenderOptions {
        backfills = Map.copyOf(backfills);
    }

    /**
     * Parses declarations of the form {@code table.column=<sql literal>}.
     *
     * @throws IllegalArgumentException naming the declaration and the expected form
     */
    public static RenderOptions withBackfills(List<String> declarations) {
        Map<String, String> backfills = new LinkedHashMap<>();
        for (String raw : declarations) {
            int eq = raw.indexOf('=');
            int dot = eq < 0 ? -1 : raw.substring(0, eq).indexOf('.');
            if (eq <= 0 || dot <= 0 || dot == eq - 1 || raw.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("backfill declaration '" + raw + "' is not of the form "
                        + "table.column=<sql literal> (e.g. -Djpamigrate.backfill=customer.role='user')");
            }
            backfills.put(key(raw.substring(0, dot).trim(), raw.substring(dot + 1, eq).trim()), raw.substring(eq + 1).trim());
        }
        return new RenderOptions(backfills);
    }

    /** The backfill value for a column, if the user gave one. */
    public Optional<String> backfill(String table, String column) {
        return Optional.ofNullable(backfills.get(key(table, column)));
    }

    private static String key(String table, String column) {
        return Identifiers.key(table) + "." + Identifiers.key(column);
    }
}
