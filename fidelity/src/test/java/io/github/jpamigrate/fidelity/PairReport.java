package io.github.jpamigrate.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A commit pair's section and summary row in the report (put together by {@link FidelityReport#merge}). */
final class PairReport {

    static final String HEADER = "| project | parent -> child | ORM line | our changes | hazards | statements refused"
            + " | rows lost | our effect | authors' effect | left to match theirs |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n";

    private PairReport() {
    }

    static Path write(Path out, PairMeasurement m) throws IOException {
        Path dir = Files.createDirectories(out.resolve(m.ormLine()));
        String name = "pair-" + m.parent().name() + "--" + m.child().name();
        Files.writeString(dir.resolve(name + ".md"), section(m));
        Files.writeString(dir.resolve(name + ".pairrow"), row(m));
        return FidelityReport.merge(out);
    }

    static String row(PairMeasurement m) {
        if (m.stoppedAt() != null) {
            return "| " + project(m) + " | " + commits(m) + " | " + m.ormLine() + " | stopped: " + m.stoppedAt().replace("|", "/")
                    + " | | | | | | |\n";
        }
        return "| " + project(m) + " | " + commits(m) + " | " + m.ormLine() + " | " + m.changes().size() + " | "
                + m.hazards().size() + " | " + m.applyFailures().size() + " | " + m.rowsLost().size() + " | "
                + m.oursEffect().size() + " | " + m.theirsEffect().size() + " | " + m.residual().size() + " |\n";
    }

    static String section(PairMeasurement m) {
        StringBuilder s = new StringBuilder("## pair ").append(project(m)).append(' ').append(commits(m)).append(" on ")
                .append(m.ormLine()).append("\n\n").append(m.parent().commit()).append(" -> ").append(m.child().commit())
                .append("\n\n");
        if (m.stoppedAt() != null) {
            s.append("**Stopped at** ").append(m.stoppedAt()).append("\n\n");
        }
        list(s, "Processor errors", m.processor());
        list(s, "Our changes (generate at the child, snapshot = the parent's model)", m.changes());
        list(s, "Hazards generate refuses without an acknowledgement", m.hazards());
        list(s, "The parent's database", m.setup());
        list(s, "Our PostgreSQL statements", m.statements());
        list(s, "Our statements the parent's database (with rows) refused", m.applyFailures());
        list(s, "Rows lost", m.rowsLost());
        list(s, "Our migration's effect on the parent's database", m.oursEffect());
        list(s, "The authors' migrations' effect", m.theirsEffect());
        list(s, "Left to turn our result into theirs", m.residual());
        return s.toString();
    }

    private static void list(StringBuilder s, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        s.append("### ").append(title).append(" (").append(items.size()).append(")\n\n");
        items.forEach(item -> s.append("- ").append(item.replaceAll("\\s+", " ")).append('\n'));
        s.append('\n');
    }

    private static String project(PairMeasurement m) {
        return m.child().repository();
    }

    private static String commits(PairMeasurement m) {
        return abbreviate(m.parent().commit()) + " -> " + abbreviate(m.child().commit());
    }

    private static String abbreviate(String commit) {
        return commit.length() > 9 ? commit.substring(0, 9) : commit;
    }
}
