package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.plugin.project.WorkflowFailure;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One thing {@code check-db} found in a live database, with its cause and its fix.
 *
 * @param kind    what sort of problem it is; {@code -Djpamigrate.failOn} decides which kinds fail the build
 * @param subject what it concerns: {@code column Book.isbn}, {@code V2__add_isbn.sql}
 * @param finding what is wrong, in one sentence
 * @param cause   how the database got there
 * @param fix     what to do, with the command where there is one
 */
public record LiveFinding(Kind kind, String subject, String finding, String cause, String fix) {

    /** The kinds of finding, by the id users write in {@code failOn}. */
    public enum Kind {
        /** The schema differs from the model where the migration history says it should not: changed outside the migrations. */
        DRIFT("drift", true),
        /** The model needs something no migration in the code creates (or drops): an entity changed without a migration. */
        MISSING("missing", true),
        /** A migration is applied in the database but the code does not have it. */
        UNKNOWN("unknown", true),
        /** A migration failed part-way; Flyway refuses to migrate until it is repaired. */
        FAILED("failed", true),
        /** An applied migration file was edited since; Flyway's validation fails. */
        CHECKSUM("checksum", true),
        /** A migration older than the current version is not applied; Flyway refuses it unless outOfOrder. */
        ORDER("order", true),
        /** A migration not applied yet: the deploy applies it. */
        PENDING("pending", false);

        private final String id;
        private final boolean failsByDefault;

        Kind(String id, boolean failsByDefault) {
            this.id = id;
            this.failsByDefault = failsByDefault;
        }

        public String id() {
            return id;
        }

        /** Every kind but {@code pending}: what breaks a deploy (a deploy applies pending migrations). */
        public static Set<Kind> defaults() {
            return Arrays.stream(values()).filter(k -> k.failsByDefault)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        }

        /**
         * The kinds of {@code -Djpamigrate.failOn}: ids, {@code all} or {@code none}; empty for the defaults.
         *
         * @throws WorkflowFailure naming an unknown id and the allowed ones
         */
        public static Set<Kind> parse(List<String> ids) {
            if (ids == null || ids.stream().allMatch(s -> s == null || s.isBlank())) {
                return defaults();
            }
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            for (String raw : ids) {
                for (String id : raw.split(",")) {
                    String wanted = id.strip().toLowerCase(Locale.ROOT);
                    if (wanted.isEmpty() || wanted.equals("none")) {
                        continue;
                    }
                    if (wanted.equals("all")) {
                        kinds.addAll(EnumSet.allOf(Kind.class));
                        continue;
                    }
                    kinds.add(Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst()
                            .orElseThrow(() -> new WorkflowFailure("jpamigrate.failOn: unknown kind '" + id.strip()
                                    + "'; use a comma-separated list of " + Arrays.stream(values()).map(Kind::id)
                                    .collect(Collectors.joining(", ")) + ", or all, or none")));
                }
            }
            return kinds;
        }
    }

    /** The finding as the log shows it, over three lines. */
    public List<String> lines() {
        return List.of("[" + kind.id + "] " + subject + ": " + finding, "    cause: " + cause, "    fix:   " + fix);
    }
}
