package io.github.jpamigrate.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The report: one section per project and Hibernate line under {@code <out>/<line>/<project>.md},
 * and {@code <out>/report.md} put together from every section present, so that the two surefire
 * executions (one per line) end with one report.
 */
final class FidelityReport {

    static final String HEADER = "| project | commit | ORM line | entities | our tables | Hibernate's tables"
            + " | JM errors / warnings | first migration on PostgreSQL | Hibernate validate | differences |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n";

    private FidelityReport() {
    }

    /** Writes the measurement's section and summary row, then rebuilds {@code report.md}; returns report.md. */
    static Path write(Path out, Measurement m) throws IOException {
        Path dir = Files.createDirectories(out.resolve(m.ormLine()));
        Files.writeString(dir.resolve(m.project().name() + ".md"), section(m));
        Files.writeString(dir.resolve(m.project().name() + ".row"), row(m));
        return merge(out);
    }

    static String row(Measurement m) {
        String applied = m.ourTables() < 0 ? "not generated" : m.applyFailures().isEmpty() ? "applies"
                : m.applyFailures().size() + " statements fail";
        String validate = m.stoppedAt() != null ? "not run" : m.valid() ? "VALID" : m.validatorBooted() ? "INVALID" : "no boot";
        return "| " + m.project().name() + " | " + shortCommit(m) + " | " + m.ormLine() + " | " + m.entities()
                + " | " + (m.ourTables() < 0 ? "-" : m.ourTables()) + " | " + m.hibernateTables() + " | " + m.count("ERROR")
                + " / " + (m.count("WARNING") + m.count("MANDATORY_WARNING")) + " | " + applied + " | " + validate + " | "
                + (m.ourTables() < 0 ? "-" : m.differences().size()) + " |\n";
    }

    static String section(Measurement m) {
        StringBuilder s = new StringBuilder();
        s.append("## ").append(m.project().name()).append(" at ").append(shortCommit(m)).append(" on ").append(m.ormLine())
                .append("\n\n").append(m.project().repository()).append(" ").append(m.project().commit()).append(", ")
                .append(m.project().naming()).append(" naming, ").append(m.project().sources().size()).append(" sources, ")
                .append(m.entities()).append(" entities (").append(m.mappedClasses())
                .append(" mapped classes) given to Hibernate, Bean Validation ")
                .append(m.beanValidation() ? "on (DDL mode)" : "off").append(".\n\n");
        if (m.stoppedAt() != null) {
            s.append("**Stopped at** ").append(m.stoppedAt()).append("\n\n");
        }
        list(s, "Processor diagnostics", m.processor());
        list(s, "javac errors", m.javacErrors().stream().limit(30).toList());
        if (!m.rendered().isEmpty()) {
            s.append("### First migration per dialect\n\n");
            m.rendered().forEach((dialect, outcome) -> s.append("- ").append(dialect).append(": ").append(outcome).append('\n'));
            s.append('\n');
        }
        list(s, "Our PostgreSQL statements the database refused", m.applyFailures());
        s.append("### Hibernate's validator on our schema\n\n").append(m.stoppedAt() != null ? "not run"
                : m.valid() ? "VALID" : (m.validatorBooted() ? "INVALID: " : "Hibernate did not boot: ")
                        + (m.validation() == null ? "(our migration did not apply)" : m.validation()))
                .append("\n\n");
        s.append("### Hibernate's export\n\n").append(m.exportStatements()).append(" statements, ")
                .append(m.hibernateTables()).append(" tables.\n\n");
        list(s, "Hibernate's statements PostgreSQL refused", m.exportFailures());
        list(s, "Differences (what turns our schema into Hibernate's)", m.differences());
        return s.toString();
    }

    private static void list(StringBuilder s, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        s.append("### ").append(title).append(" (").append(items.size()).append(")\n\n");
        items.forEach(item -> s.append("- ").append(item.replace("\n", " ")).append('\n'));
        s.append('\n');
    }

    /** report.md from every section written so far, lines side by side per project and pair. */
    static Path merge(Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(out, 2)) {
            files = all.filter(f -> !f.getParent().equals(out) && Files.isRegularFile(f))
                    .sorted(FidelityReport::byProjectThenLine).toList();
        }
        StringBuilder report = new StringBuilder("# Real-world fidelity report\n\n" + HEADER);
        append(report, files, ".row");
        if (files.stream().anyMatch(f -> f.toString().endsWith(".pairrow"))) {
            report.append("\n").append(PairReport.HEADER);
            append(report, files, ".pairrow");
        }
        for (Path section : files.stream().filter(f -> f.toString().endsWith(".md")).toList()) {
            report.append('\n').append(Files.readString(section));
        }
        return Files.writeString(out.resolve("report.md"), report);
    }

    private static void append(StringBuilder report, List<Path> files, String suffix) throws IOException {
        for (Path file : files) {
            if (file.toString().endsWith(suffix)) {
                report.append(Files.readString(file));
            }
        }
    }

    private static int byProjectThenLine(Path a, Path b) {
        int byName = a.getFileName().toString().compareTo(b.getFileName().toString());
        return byName != 0 ? byName : a.getParent().getFileName().toString().compareTo(b.getParent().getFileName().toString());
    }

    private static String shortCommit(Measurement m) {
        String commit = m.project().commit();
        return commit.length() > 9 ? commit.substring(0, 9) : commit;
    }

    /** For the console: one line per measurement. */
    static String summary(Map<String, Measurement> byProject) {
        StringBuilder s = new StringBuilder(HEADER);
        byProject.values().forEach(m -> s.append(row(m)));
        return s.toString();
    }
}
