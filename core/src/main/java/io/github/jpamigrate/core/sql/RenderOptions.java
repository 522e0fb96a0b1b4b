package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Identifiers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a renderer needs beyond the changes: the backfill values the user gave for columns that
 * become NOT NULL on a table that may hold rows ({@code -Djpamigrate.backfill=customer.role='user'}),
 * and whether the server dialects write the online forms ({@link Online}).
 *
 * @param backfills "table.column" (case-folded) -> SQL literal or expression
 * @param online    the online forms and session timeouts, or {@link Online#OFF}
 */
public record RenderOptions(Map<String, String> backfills, Online online) {

    /** No backfills, plain forms: what the renderers write when nobody asks for more (the golden files). */
    public static final RenderOptions DEFAULTS = new RenderOptions(Map.of());

    public RenderOptions {
        backfills = Map.copyOf(backfills);
        java.util.Objects.requireNonNull(online, "online");
    }

    public RenderOptions(Map<String, String> backfills) {
        this(backfills, Online.OFF);
    }

    /** The same backfills, with these online settings. */
    public RenderOptions withOnline(Online online) {
        return new RenderOptions(backfills, online);
    }

    /** The online settings alone, without backfills (an undo script has no rows to fill). */
    public RenderOptions withoutBackfills() {
        return new RenderOptions(Map.of(), online);
    }

    /**
     * The forms a migration takes so that a busy production table stays readable and writable
     * while it runs (PostgreSQL, MariaDB/MySQL; see docs/dialects.md, "Online migrations").
     *
     * @param enabled          whether the online forms are written
     * @param lockTimeout      how long a statement waits for its lock before the migration fails,
     *                         {@code <n>ms}, {@code <n>s} or {@code <n>min}
     * @param statementTimeout how long one statement may run, same form, {@code 0} for no limit, or
     *                         null for the dialect's default (PostgreSQL: {@link #DEFAULT_STATEMENT_TIMEOUT}
     *                         in the migration, no limit in its follow-up; MariaDB/MySQL: none set)
     */
    public record Online(boolean enabled, String lockTimeout, String statementTimeout) {

        public static final Online OFF = new Online(false, null, null);

        /** The default of the plugin: on, a 5 second lock timeout, the dialect's statement timeouts. */
        public static final Online DEFAULT = new Online(true, "5s", null);

        /**
         * The longest a statement of a PostgreSQL migration may run when {@code <statementTimeout>}
         * is not set. Its statements hold locks that block the table's readers or writers until
         * the transaction ends; the online forms leave them catalogue changes of milliseconds, so
         * what runs longer is a rewrite (a type change) that blocks traffic for its whole run:
         * better to fail and roll back after a minute than to queue every query behind it. A
         * planned rewrite sets a larger one for its run (e.g. {@code -Djpamigrate.statementTimeout=30min}).
         */
        public static final String DEFAULT_STATEMENT_TIMEOUT = "1min";

        public Online {
            if (enabled) {
                java.util.Objects.requireNonNull(lockTimeout, "lockTimeout");
                millis(lockTimeout, "lockTimeout");
                if (statementTimeout != null && !noLimit(statementTimeout)) {
                    millis(statementTimeout, "statementTimeout");
                }
            }
        }

        /** Whether a statement timeout says "no limit" ({@code 0}). */
        public static boolean noLimit(String duration) {
            return duration != null && duration.strip().equals("0");
        }

        /** The timeout in milliseconds; {@code what} names the parameter in the error. */
        public static long millis(String duration, String what) {
            String text = duration.strip();
            int unit = 0;
            while (unit < text.length() && Character.isDigit(text.charAt(unit))) {
                unit++;
            }
            String suffix = text.substring(unit);
            long factor = switch (suffix) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "min" -> 60_000;
                default -> -1;
            };
            if (unit == 0 || unit > 9 || factor < 0 || Long.parseLong(text.substring(0, unit)) == 0) {
                throw new IllegalArgumentException(what + " '" + duration + "' is not a duration: write a positive"
                        + " whole number followed by ms, s or min (e.g. -Djpamigrate." + what + "=5s)"
                        + ("statementTimeout".equals(what) ? ", or 0 for no limit" : ""));
            }
            return Long.parseLong(text.substring(0, unit)) * factor;
        }
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
