package io.github.jpamigrate.plugin.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code verify} found, step by step: for the Maven log a summary, for CI a JSON document
 * ({@code target/jpa-migrate/verify-report.json}) that says which step failed and why, in the
 * same words as the build failure.
 */
final class VerifyReport {

    /** How a step ended. */
    enum Outcome { PASSED, FAILED, SKIPPED }

    /**
     * One step of the verification.
     *
     * @param name     {@code check}, {@code replay}, {@code data}, {@code git}, {@code lint}
     * @param outcome  how it ended
     * @param summary  one line in words
     * @param problems what failed, each with its fix (empty unless failed)
     * @param notes    what is worth knowing but does not fail the build (lints, skipped parts)
     */
    record Step(String name, Outcome outcome, String summary, List<String> problems, List<String> notes) {
        Step {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    static final String FILE_NAME = "verify-report.json";

    private final String base;
    private final List<Step> steps = new ArrayList<>();

    VerifyReport(String base) {
        this.base = base;
    }

    void add(Step step) {
        steps.add(step);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    boolean failed() {
        return steps.stream().anyMatch(s -> s.outcome() == Outcome.FAILED);
    }

    /** Every problem of every failed step, as the build failure states them. */
    String failureMessage() {
        StringBuilder out = new StringBuilder("verify found problems with the migrations and the model");
        for (Step step : steps) {
            for (String problem : step.problems()) {
                out.append("\n[").append(step.name()).append("] ").append(problem);
            }
        }
        return out.toString();
    }

    /** One line per step, for the Maven log. */
    List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        for (Step s : steps) {
            lines.add(String.format(Locale.ROOT, "%-7s %-6s %s", s.outcome(), s.name(), s.summary()));
            if (s.name().equals("lint")) {
                // The hazards the summary counts: a number alone sends the reader to the JSON report.
                s.notes().forEach(note -> lines.add("          - " + note));
            }
        }
        return lines;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator json = new JsonFactory().createGenerator(writer).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("goal", "verify");
            json.writeStringField("outcome", failed() ? "failed" : "passed");
            json.writeStringField("base", base);
            json.writeArrayFieldStart("steps");
            for (Step step : steps) {
                json.writeStartObject();
                json.writeStringField("name", step.name());
                json.writeStringField("outcome", step.outcome().name().toLowerCase(Locale.ROOT));
                json.writeStringField("summary", step.summary());
                strings(json, "problems", step.problems());
                strings(json, "notes", step.notes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            writer.write('\n');
        }
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
