package io.github.jpamigrate.core.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration file name in Flyway's default convention: {@code V7__add_phone.sql} (versioned),
 * {@code B7__schema.sql} (baseline: the whole schema as of version 7), {@code U7__add_phone.sql}
 * (undo of version 7), {@code R__views.sql} (repeatable). Java migrations follow the same
 * convention in their class names ({@code V8__Fill_codes}).
 *
 * <p>Flyway's rule for baseline migrations: on a database without history it applies the newest
 * baseline migration and then only the versioned ones above it (those at or below it are skipped);
 * on a database with history it ignores every baseline migration. See {@link #appliedOnEmpty}.
 *
 * @param kind        versioned, baseline, undo or repeatable
 * @param version     the version, null for repeatable
 * @param description the part after {@code __}, underscores kept
 */
public record MigrationFile(Kind kind, MigrationVersion version, String description) {

    public enum Kind {
        VERSIONED("V"), BASELINE("B"), UNDO("U"), REPEATABLE("R");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** Whether files of this kind take a version that no other versioned or baseline file may reuse. */
        public boolean claimsVersion() {
            return this == VERSIONED || this == BASELINE;
        }
    }

    private static final Pattern NAME = Pattern.compile("([VBUR])([0-9._]*)__(.*)\\.sql");
    private static final Pattern CLASS_NAME = Pattern.compile("([VBR])([0-9_]*)__(\\w*)");

    /**
     * Reads a file name; empty when the name does not follow the convention (callers decide
     * whether such a file is an error in their folder).
     */
    public static Optional<MigrationFile> parse(String fileName) {
        return parse(NAME.matcher(fileName));
    }

    /**
     * Reads the simple name of a Java migration class the way Flyway's {@code BaseJavaMigration}
     * does ({@code V3__Fill_codes}, {@code V1_2__X}, {@code R__Refresh}); empty for another name.
     */
    public static Optional<MigrationFile> parseClassName(String simpleName) {
        return parse(CLASS_NAME.matcher(simpleName));
    }

    private static Optional<MigrationFile> parse(Matcher m) {
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = switch (m.group(1)) {
            case "V" -> Kind.VERSIONED;
            case "B" -> Kind.BASELINE;
            case "U" -> Kind.UNDO;
            default -> Kind.REPEATABLE;
        };
        String versionText = m.group(2);
        if (kind == Kind.REPEATABLE) {
            return versionText.isEmpty() ? Optional.of(new MigrationFile(kind, null, m.group(3))) : Optional.empty();
        }
        try {
            return Optional.of(new MigrationFile(kind, MigrationVersion.parse(versionText), m.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The versioned and baseline migrations Flyway applies to a database without history, in
     * order: the newest baseline migration, then the versioned ones above its version; without a
     * baseline migration every versioned one. Repeatable and undo files are left out.
     */
    public static List<MigrationFile> appliedOnEmpty(Collection<MigrationFile> files) {
        MigrationVersion baseline = files.stream().filter(f -> f.kind() == Kind.BASELINE).map(MigrationFile::version)
                .max(Comparator.naturalOrder()).orElse(null);
        List<MigrationFile> out = new ArrayList<>();
        files.stream().filter(f -> f.kind() == Kind.BASELINE && f.version().sameAs(baseline)).findFirst().ifPresent(out::add);
        files.stream().filter(f -> f.kind() == Kind.VERSIONED && (baseline == null || f.version().compareTo(baseline) > 0))
                .sorted(Comparator.comparing(MigrationFile::version)).forEach(out::add);
        return out;
    }

    public static MigrationFile versioned(MigrationVersion version, String slug) {
        return new MigrationFile(Kind.VERSIONED, version, slug);
    }

    /** The undo file of the same version and description. */
    public MigrationFile undo() {
        return new MigrationFile(Kind.UNDO, version, description);
    }

    public String fileName() {
        return kind.prefix() + (version == null ? "" : version.fileForm()) + "__" + description + ".sql";
    }

    /** Flyway's description: underscores read as spaces. */
    public String readableDescription() {
        return description.replace('_', ' ');
    }
}
