package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.plugin.live.LiveFinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checked-in table of true differences ({@code adoption/known-differences.txt}): what
 * {@code check-db} must find on a database the project's own migrations built, each with its
 * cause. A finding that matches no line is "unclassified", so that a new false finding shows.
 *
 * @param entries the table's lines
 */
record KnownDifferences(List<Entry> entries) {

    static final String RESOURCE = "adoption/known-differences.txt";

    /**
     * @param repository the repository's name ({@code hawkbit}), matched against the end of {@code info.txt}'s
     * @param words      what the finding must all mention, lower case
     * @param isTrue     whether check-db must report it (true) or should not (false: the plugin's fault)
     * @param cause      why
     */
    record Entry(String repository, List<String> words, boolean isTrue, String cause) {
    }

    /** A finding with its classification: the table's line (true or false, with the cause), or unclassified. */
    record Classified(LiveFinding finding, Optional<Entry> known) {

        String label() {
            return known.map(k -> (k.isTrue() ? "true: " : "false: ") + k.cause()).orElse("unclassified");
        }
    }

    /**
     * The one rule that is not a line of the table: a foreign key reported from both sides with the
     * same columns and referenced table ("the database has it, the entity model does not" and "the
     * entity model has it, the database does not") is one difference shown twice; the second of
     * the two is classified false.
     */
    static final Entry SAME_KEY_TWICE = new Entry("*", List.of(), false, "the same foreign key (same columns, same"
            + " referenced table) is also reported from the other side: one difference (ON DELETE, ON UPDATE or the"
            + " referenced columns) shown as two findings (issue 14, point 3)");

    static KnownDifferences load() {
        try (InputStream in = KnownDifferences.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 4);
                String verdict = parts.length == 4 ? parts[2].strip() : "";
                if (parts.length != 4 || !(verdict.equals("true") || verdict.equals("false"))) {
                    throw new IllegalStateException(RESOURCE + ": '" + line + "' is not 'repository | words | true or false | cause'");
                }
                entries.add(new Entry(parts[0].strip(), Arrays.stream(parts[1].split(",")).map(String::strip)
                        .map(w -> w.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList(), verdict.equals("true"),
                        parts[3].strip()));
            }
            return new KnownDifferences(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every finding in order, each with its classification. */
    List<Classified> classify(ExtractedProject project, List<LiveFinding> findings) {
        List<Classified> out = new ArrayList<>();
        Set<String> keysSeen = new HashSet<>();
        for (LiveFinding finding : findings) {
            boolean key = finding.subject().startsWith("foreign key ");
            if (key && !keysSeen.add(finding.kind() + " " + finding.subject())) {
                out.add(new Classified(finding, Optional.of(SAME_KEY_TWICE)));
            } else {
                out.add(classify(project, finding));
            }
        }
        return out;
    }

    Classified classify(ExtractedProject project, LiveFinding finding) {
        String text = (finding.subject() + ": " + finding.finding()).toLowerCase(Locale.ROOT);
        String repository = project.repository();
        return new Classified(finding, entries.stream()
                .filter(e -> e.repository().equals("*") || repository.equals(e.repository())
                        || repository.endsWith("/" + e.repository()))
                .filter(e -> e.words().stream().allMatch(text::contains))
                .findFirst());
    }
}
