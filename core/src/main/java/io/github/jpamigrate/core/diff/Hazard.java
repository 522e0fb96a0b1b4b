package io.github.jpamigrate.core.diff;

import java.util.Locale;

/**
 * A change that can lose data or fail on a table that holds rows. Destructive hazards are refused
 * unless acknowledged; a missing value can only be fixed by giving one.
 *
 * @param kind   what kind of hazard
 * @param target {@code table} or {@code table.column} (or the enum class), as the user names it
 *               in {@code -Djpamigrate.allowDestructive=} and {@code -Djpamigrate.backfill=}
 * @param change the change it comes from
 * @param detail the hazard in words
 */
public record Hazard(Kind kind, String target, SchemaChange change, String detail) {

    public enum Kind {
        DROP_TABLE(true),
        DROP_COLUMN(true),
        NARROWING(true),
        /** A type change whose cast can fail on an existing row: the migration would stop there. */
        UNSAFE_CAST(true),
        ENUM_CONSTANT_REMOVED(true),
        ORDINAL_ENUM_REORDERED(true),
        /** A new NOT NULL column, or a column made NOT NULL, with neither default nor backfill. */
        MISSING_VALUE(false);

        private final boolean destructive;

        Kind(boolean destructive) {
            this.destructive = destructive;
        }

        /** Acknowledging it with {@code allowDestructive} lets it through; otherwise only a value does. */
        public boolean destructive() {
            return destructive;
        }

        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One line for a build message, including how to resolve it. */
    public String describe() {
        if (kind == Kind.MISSING_VALUE) {
            return detail + ": give the column a default (@ColumnDefault) or a backfill value with "
                    + "-Djpamigrate.backfill=" + target + "=<sql literal>";
        }
        if (kind == Kind.UNSAFE_CAST) {
            return detail + " (unsafe cast): to convert the values yourself, write that part of the migration by"
                    + " hand (there is no USING option: e.g. a new column filled by an update, then a drop);"
                    + " if the table holds no rows that matter, acknowledge with -Djpamigrate.allowDestructive=" + target
                    + " or -Djpamigrate.allowDestructive=true";
        }
        return detail + " (" + kind.words() + "): acknowledge with -Djpamigrate.allowDestructive=" + target
                + " or -Djpamigrate.allowDestructive=true";
    }
}
