package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.model.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The data losses a migration acknowledges in its own header, one comment line each:
 * {@code -- jpa-migrate:allow-destructive customer.fax}. {@code generate} writes a line for each
 * destructive change {@code -Djpamigrate.allowDestructive} acknowledged, so that the decision
 * travels with the migration: the reviewer reads it, Flyway's checksum keeps it from changing once
 * released, and {@code verify -Djpamigrate.base=<tag>} later honours it without the option on the
 * CI command line. A line names one target exactly as {@code allowDestructive} does ({@code table},
 * {@code table.column} or an enum class) and acknowledges that target only; there is no
 * "everything" form in a header.
 */
public final class AcknowledgedLoss {

    /** The marker that starts an acknowledgement comment, after {@code --}. */
    public static final String MARKER = "jpa-migrate:allow-destructive";

    private AcknowledgedLoss() {
    }

    /**
     * One migration's acknowledgements.
     *
     * @param file     the migration's file name, for messages
     * @param targets  the acknowledged targets, in the order written
     * @param problems the marker lines that acknowledge nothing as written, each with its fix
     */
    public record Header(String file, List<String> targets, List<String> problems) {

        public Header {
            targets = List.copyOf(targets);
            problems = List.copyOf(problems);
        }

        /** The target of this header that acknowledges {@code target}, if one does. */
        public Optional<String> acknowledging(String target) {
            return targets.stream().filter(t -> Identifiers.sameName(t, target)).findFirst();
        }
    }

    /**
     * The header lines for the destructive changes the options acknowledge, one per target, each
     * once, in the order of the changes: {@code allowDestructive=true} is spelled out target by
     * target, so that the header says exactly what is lost.
     */
    public static List<String> markers(PendingChanges pending) {
        List<String> out = new ArrayList<>();
        for (Hazard hazard : pending.hazards()) {
            if (pending.options().acknowledged(hazard) && out.stream().noneMatch(line -> line.equals(marker(hazard.target())))) {
                out.add(marker(hazard.target()));
            }
        }
        return out;
    }

    /** The marker for one target, as it follows {@code -- }. */
    public static String marker(String target) {
        return MARKER + " " + target;
    }

    /**
     * Reads the acknowledgement lines of a migration file; empty when there is no such file.
     * Leniently decoded: a migration in another encoding is Flyway's to refuse, not this read's.
     */
    public static java.util.Optional<Header> read(java.nio.file.Path file) throws java.io.IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(read(file.getFileName().toString(),
                new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Reads the acknowledgement lines of a migration: whole-line {@code --} comments that start
     * with the marker. A line with no target, several, or {@code true} is a problem, never "all".
     */
    public static Header read(String file, String sql) {
        List<String> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = sql.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("--")) {
                continue;
            }
            String text = line.substring(2).strip();
            if (!text.startsWith(MARKER) || text.length() > MARKER.length()
                    && !Character.isWhitespace(text.charAt(MARKER.length()))) {
                continue;
            }
            String rest = text.substring(MARKER.length()).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (rest.isEmpty()) {
                problems.add(where + "the acknowledgement names nothing; write -- " + marker("<table or table.column>"));
            } else if (rest.contains(",") || rest.chars().anyMatch(Character::isWhitespace)) {
                problems.add(where + "'" + rest + "' is more than one name; write one line per table or column,"
                        + " e.g. -- " + marker(rest.split("[,\\s]+")[0]));
            } else if (List.of("true", "false", "all", "*").contains(rest.toLowerCase(Locale.ROOT))) {
                problems.add(where + "'" + rest + "' acknowledges nothing in a migration's header: name each table"
                        + " or column whose data the migration drops, one line each (-- " + marker("<table.column>") + ")");
            } else {
                targets.add(rest);
            }
        }
        return new Header(file, targets, problems);
    }
}
