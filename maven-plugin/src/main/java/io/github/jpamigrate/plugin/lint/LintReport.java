package io.github.jpamigrate.plugin.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lint's output for people and CI: the JSON report ({@code target/jpa-migrate/lint-report.json}),
 * and on GitHub Actions ({@code GITHUB_ACTIONS=true}) one {@code ::warning}/{@code ::error}
 * annotation per finding at its file and line, and a Markdown table appended to
 * {@code $GITHUB_STEP_SUMMARY}.
 */
public final class LintReport {

    public static final String FILE_NAME = "lint-report.json";

    private final MigrationLint.Result result;

    public LintReport(MigrationLint.Result result) {
        this.result = result;
    }

    public MigrationLint.Result result() {
        return result;
    }

    public List<LintFinding> failing() {
        return result.findings().stream().filter(LintFinding::failing).toList();
    }

    /** Counts per rule code, in code order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        result.findings().forEach(f -> counts.merge(f.rule().code(), 1, Integer::sum));
        return counts;
    }

    public String summary() {
        long baseline = result.findings().stream().filter(LintFinding::baseline).count();
        long accepted = result.findings().stream().filter(f -> f.accepted() != null).count();
        return result.files() + " migration(s), " + result.statements() + " statement(s): " + result.findings().size()
                + " finding(s) (" + failing().size() + " new, " + baseline + " in released migrations (baseline), "
                + accepted + " accepted), " + result.unread().size() + " statement(s) not read" + coveredWords();
    }

    /** {@code ; 11 migration(s) at or below B11__baseline.sql not linted (...)}, empty without a baseline migration. */
    private String coveredWords() {
        if (result.covered().isEmpty()) {
            return "";
        }
        List<String> baselines = result.covered().stream().map(c -> fileName(c.baseline())).toList();
        return "; " + result.coveredFiles() + " migration(s) at or below " + String.join(", ", baselines)
                + " not linted (a new database runs the baseline migration in their place)";
    }

    /**
     * One line per baseline migration: the migrations it stands for, as a range ({@code V1__a.sql
     * to V11__k.sql}); every one is in the JSON report.
     */
    public List<String> coveredLines() {
        List<String> lines = new ArrayList<>();
        for (MigrationLint.Covered c : result.covered()) {
            List<String> files = c.files();
            String range = files.size() == 1 ? fileName(files.get(0))
                    : fileName(files.get(0)) + " to " + fileName(files.get(files.size() - 1));
            lines.add(files.size() + " migration(s) at or below " + c.baseline() + " not linted (" + range + "): Flyway"
                    + " runs the baseline migration on a new database and skips them; databases with history applied"
                    + " them before it was written");
        }
        return lines;
    }

    private static String fileName(String shown) {
        return shown.substring(shown.lastIndexOf('/') + 1);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator json = new JsonFactory().createGenerator(writer).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("summary", summary());
            json.writeObjectFieldStart("counts");
            for (Map.Entry<String, Integer> e : counts().entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("findings");
            for (LintFinding f : result.findings()) {
                json.writeStartObject();
                json.writeStringField("file", f.file());
                json.writeNumberField("line", f.line());
                json.writeStringField("code", f.rule().code());
                json.writeStringField("rule", f.rule().title());
                json.writeStringField("message", f.message());
                json.writeStringField("why", f.rule().why());
                json.writeStringField("instead", f.rule().safe());
                json.writeBooleanField("baseline", f.baseline());
                json.writeBooleanField("fails", f.failing());
                if (f.accepted() != null) {
                    json.writeStringField("accepted", f.accepted());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            strings(json, "notRead", result.unread());
            strings(json, "problems", result.problems());
            json.writeArrayFieldStart("coveredByBaseline");
            for (MigrationLint.Covered c : result.covered()) {
                json.writeStartObject();
                json.writeStringField("baseline", c.baseline());
                strings(json, "files", c.files());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Workflow commands for GitHub Actions: one per finding that is not accepted; baseline ones as notices. */
    public List<String> annotations() {
        List<String> lines = new ArrayList<>();
        for (LintFinding f : result.findings()) {
            if (f.accepted() != null) {
                continue;
            }
            String level = f.baseline() ? "notice" : "warning";
            lines.add("::" + level + " file=" + property(f.file()) + ",line=" + f.line() + ",title="
                    + property(f.rule().code() + " " + f.rule().title()) + "::" + data(f.message() + ": " + f.rule().why()
                    + ". Instead: " + f.rule().safe()));
        }
        return lines;
    }

    /** The Markdown job summary. */
    public String markdown() {
        StringBuilder md = new StringBuilder("## JPA Migrate lint\n\n").append(summary()).append("\n\n");
        List<LintFinding> shown = result.findings().stream().filter(f -> f.accepted() == null).toList();
        if (!shown.isEmpty()) {
            md.append("| | File | Line | Rule | Finding |\n|---|---|---|---|---|\n");
            for (LintFinding f : shown) {
                md.append("| ").append(f.baseline() ? "baseline" : "**new**").append(" | ").append(cell(f.file()))
                        .append(" | ").append(f.line()).append(" | ").append(f.rule().code()).append(" ")
                        .append(cell(f.rule().title())).append(" | ").append(cell(f.message())).append(" |\n");
            }
        }
        coveredLines().forEach(line -> md.append("\n").append(cell(line)).append("\n"));
        md.append("\nAccept a finding on one statement with a comment before it: `-- jpa-migrate:accept JML101 <reason>`;"
                + " see docs/lint.md.\n");
        return md.toString();
    }

    /** Prints the annotations and appends the summary when running on GitHub Actions. */
    public void github(Map<String, String> env, java.util.function.Consumer<String> out) throws IOException {
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) {
            return;
        }
        annotations().forEach(out);
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            Files.writeString(Path.of(summary), markdown(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
