package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.fidelity.AdoptionMeasurement.Outcome;
import io.github.jpamigrate.fidelity.AdoptionMeasurement.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code target/fidelity/adoption.md}: a summary table, then one section per project and pair. */
final class AdoptionReport {

    static final String FILE = "adoption.md";

    private AdoptionReport() {
    }

    static Path write(Path out, List<AdoptionMeasurement> all) throws IOException {
        StringBuilder s = new StringBuilder("# Adoption on real projects\n\nMeasured " + Instant.now()
                + " with the plugin's workflows (verify, init, check-db, generate) on PostgreSQL; see docs/fidelity.md"
                + " (Adoption). Outcomes: EXIT_0 (Maven would succeed), FAILED (a build failure, its findings below),"
                + " ERROR (unexpected exception), SKIPPED.\n\n");
        s.append(summary(all)).append('\n');
        for (AdoptionMeasurement m : all) {
            s.append(section(m));
        }
        Files.createDirectories(out);
        Path file = out.resolve(FILE);
        Files.writeString(file, s);
        return file;
    }

    static String summary(List<AdoptionMeasurement> all) {
        StringBuilder s = new StringBuilder("| project / pair | commit | verify before init | check-db before init"
                + " (true / false / unclassified) | init | left in shadow by init | verify after init | check-db after init"
                + " (true / false / unclassified) | generate: ours / theirs (same) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (AdoptionMeasurement m : all) {
            s.append("| ").append(m.title()).append(" | ").append(shortCommit(m.project.commit())).append(" | ")
                    .append(verify(m.step(AdoptionMeasure.VERIFY_BEFORE))).append(" | ")
                    .append(findings(m, AdoptionMeasure.CHECK_DB_BEFORE)).append(" | ")
                    .append(init(m.step(AdoptionMeasure.INIT))).append(" | ")
                    .append(leftovers(m.step(AdoptionMeasure.INIT))).append(" | ")
                    .append(verify(m.step(AdoptionMeasure.VERIFY_AFTER))).append(" | ")
                    .append(findings(m, AdoptionMeasure.CHECK_DB)).append(" | ").append(m.child == null ? "—" : generate(m)).append(" |\n");
        }
        return s.toString();
    }

    /** {@code n (true / false / unclassified)}, or the step's outcome when check-db listed nothing. */
    private static String findings(AdoptionMeasurement m, String step) {
        List<KnownDifferences.Classified> found = m.findings.get(step);
        return found == null ? outcome(m.step(step)) : found.size() + " (" + AdoptionMeasurement.trueFindings(found) + " / "
                + AdoptionMeasurement.falseFindings(found) + " / " + AdoptionMeasurement.unclassifiedFindings(found) + ")";
    }

    private static String generate(AdoptionMeasurement m) {
        Step step = m.step(AdoptionMeasure.GENERATE);
        if (step == null || step.outcome() != Outcome.EXIT_0) {
            return outcome(step) + hazards(step) + " / " + m.theirStatements.size();
        }
        return m.ourStatements.size() + " / " + m.theirStatements.size() + " (" + m.ourStatementsInTheirs() + ")";
    }

    /** verify's outcome and its replay step's ({@code FAILED, replay FAILED}): before init only the replay tells. */
    private static String verify(Step step) {
        if (step == null) {
            return "—";
        }
        String replay = step.log().stream().map(String::strip).filter(l -> l.split("\\s+").length > 1
                && l.split("\\s+")[1].equals("replay")).map(l -> l.split("\\s+")[0]).findFirst().orElse("—");
        return step.outcome() + ", replay " + replay;
    }

    /** init's outcome, with the number of changes the model adds to the adopted schema when it adopted. */
    private static String init(Step step) {
        if (step == null || step.outcome() != Outcome.EXIT_0) {
            return outcome(step);
        }
        return step.outcome() + " (" + step.log().stream().filter(l -> l.startsWith(AdoptionMeasure.PENDING)).count()
                + " pending)";
    }

    private static String outcome(Step step) {
        return step == null ? "—" : step.outcome().name();
    }

    private static String leftovers(Step step) {
        if (step == null || step.leftovers() == null) {
            return "—";
        }
        // what is new on the server (databases, roles) may be another run's: the section lists it, the count leaves it out
        List<String> inShadow = step.leftovers().stream().filter(l -> l.startsWith(ServerObjects.IN_DATABASE)).toList();
        long tables = inShadow.stream().filter(l -> l.contains("relation(r) ")).count();
        return inShadow.isEmpty() ? "none" : inShadow.size() + " objects (" + tables + " tables)";
    }

    /**
     * The hazards a refused {@code generate} lists (one {@code "  - "} line each), counted by what
     * they ask for: {@code (12: 4 narrowing, 8 backfill)}; empty for any other failure.
     */
    static String hazards(Step step) {
        if (step == null || step.error() == null || !step.error().startsWith("the model change would lose data")) {
            return "";
        }
        List<String> items = step.error().lines().filter(l -> l.startsWith("  - ")).toList();
        Map<String, Long> kinds = new TreeMap<>();
        for (String item : items) {
            String kind = item.contains("(narrowing)") ? "narrowing" : item.contains("existing NULLs have no replacement")
                    || item.contains("has no value for existing rows") ? "backfill" : item.contains("would be dropped") ? "drop"
                    : "other";
            kinds.merge(kind, 1L, Long::sum);
        }
        StringBuilder out = new StringBuilder(" (" + items.size() + " hazards:");
        kinds.forEach((kind, n) -> out.append(' ').append(n).append(' ').append(kind).append(','));
        out.setLength(out.length() - 1);
        return out.append(')').toString();
    }

    private static String shortCommit(String commit) {
        return commit.length() > 9 ? commit.substring(0, 9) : commit;
    }

    static String section(AdoptionMeasurement m) {
        StringBuilder s = new StringBuilder("## ").append(m.title()).append("\n\n");
        s.append("Repository ").append(m.project.repository()).append(" at ").append(m.project.commit())
                .append(m.child == null ? "" : "; child at " + m.child.commit()).append(".\n\n");
        s.append("### Compile\n\n");
        m.compile.forEach(l -> s.append("    ").append(l).append('\n'));
        s.append('\n');
        for (Step step : m.steps) {
            s.append("### ").append(step.name()).append(": ").append(step.outcome()).append("\n\n")
                    .append(escape(step.summary())).append(escape(hazards(step))).append("\n\n");
            if (m.checkDbDatabase.containsKey(step.name())) {
                s.append("Database: ").append(escape(m.checkDbDatabase.get(step.name()))).append(".\n\n");
            }
            if (step.error() != null) {
                block(s, "Failure (exact text)", step.error().lines().toList());
            }
            if (step.leftovers() != null) {
                s.append(step.leftovers().isEmpty() ? "Left behind: nothing (shadow database and server listed before and"
                        + " after).\n\n" : "");
                if (!step.leftovers().isEmpty()) {
                    block(s, "Left behind (new after the goal; databases and roles on the server may be other runs'"
                            + " that share it)", step.leftovers());
                }
            }
            // check-db's findings are in the table below; its log keeps the lines around them
            boolean checkDb = m.checkDbDatabase.containsKey(step.name());
            List<String> log = step.log().stream().flatMap(String::lines).filter(l -> !checkDb
                    || !(l.startsWith("[") || l.startsWith("    cause:") || l.startsWith("    fix:"))).toList();
            if (!log.isEmpty()) {
                block(s, "Log", log);
            }
            List<KnownDifferences.Classified> found = m.findings.get(step.name());
            if (found != null && !found.isEmpty()) {
                s.append("Findings by shape (what kind of object, what differs):\n\n| count | shape |\n|---|---|\n");
                shapes(found).forEach((shape, n) -> s.append("| ").append(n).append(" | ").append(escape(shape))
                        .append(" |\n"));
                s.append("\nEvery finding:\n\n| kind | subject | finding | classification |\n|---|---|---|---|\n");
                for (KnownDifferences.Classified f : found) {
                    s.append("| ").append(f.finding().kind().id()).append(" | ").append(escape(f.finding().subject()))
                            .append(" | ").append(escape(f.finding().finding())).append(" | ")
                            .append(escape(f.label())).append(" |\n");
                }
                s.append('\n');
            }
        }
        if (m.child != null) {
            s.append("### Our migration against the authors'\n\n");
            block(s, "Ours: " + (m.ourFile == null ? "none written" : m.ourFile) + " (" + m.ourStatements.size()
                    + " statements)", m.ourStatements);
            block(s, "Theirs: " + (m.theirFiles.isEmpty() ? "no new file" : String.join(", ", m.theirFiles)) + " ("
                    + m.theirStatements.size() + " statements)", m.theirStatements);
            s.append("Our statements also among theirs (same text, case and spacing aside): ")
                    .append(m.ourStatementsInTheirs()).append(".\n\n");
        }
        return s.toString();
    }

    /** Findings grouped by the kind of object and what differs, table and column names left out. */
    static Map<String, Long> shapes(List<KnownDifferences.Classified> findings) {
        Map<String, Long> out = new TreeMap<>();
        for (KnownDifferences.Classified f : findings) {
            String subject = f.finding().subject();
            String object = OBJECTS.stream().filter(subject::startsWith).findFirst().orElse(subject.split(" ")[0]);
            String sentence = f.finding().finding();
            int differs = sentence.indexOf(DIFFERS);
            String what = differs >= 0 ? sentence.substring(differs + DIFFERS.length()) : sentence;
            String label = f.known().map(k -> k.isTrue() ? " [true]" : " [false]").orElse("");
            out.merge(f.finding().kind().id() + ": " + object + ": " + what + label, 1L, Long::sum);
        }
        return out;
    }

    private static final String DIFFERS = "(model -> database): ";
    private static final List<String> OBJECTS = List.of("foreign key", "unique constraint", "history table", "primary key",
            "check", "column", "index", "sequence", "table", "view");

    private static void block(StringBuilder s, String title, List<String> lines) {
        s.append(title).append(":\n\n```\n");
        lines.forEach(l -> s.append(l).append('\n'));
        s.append("```\n\n");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
