package io.github.jpamigrate.core.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration file name in Flyway's default convention: {@code V7__add_phone.sql} (versioned),
 * {@code U7__add_phone.sql} (undo of version 7), {@code R__views.sql} (repeatable).
 *
 * @param kind        versioned, undo or repeatable
 * @param version     the version, null for repeatable
 * @param description the part after {@code __}, underscores kept
 */
public record MigrationFile(Kind kind, MigrationVersion version, String description) {

    public enum Kind {
        VERSIONED("V"), UNDO("U"), REPEATABLE("R");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final Pattern NAME = Pattern.compile("([VUR])([0-9._]*)__(.*)\\.sql");

    /**
     * Reads a file name; empty when the name does not follow the convention (callers decide
     * whether such a file is an error in their folder).
     */
    public static Optional<MigrationFile> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = switch (m.group(1)) {
            case "V" -> Kind.VERSIONED;
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
