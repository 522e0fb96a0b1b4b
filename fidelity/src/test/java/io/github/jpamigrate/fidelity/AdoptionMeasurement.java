package io.github.jpamigrate.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adoption run found for one extracted project (alone, or as a pair's parent): each
 * goal's outcome, check-db's classified findings and, for a pair, the migration {@code generate}
 * wrote for the child against the authors' own.
 */
final class AdoptionMeasurement {

    /** How a goal ended: as Maven would report it (exit 0, a build failure with findings, an unexpected error). */
    enum Outcome { EXIT_0, FAILED, ERROR, SKIPPED }

    /**
     * One goal run.
     *
     * @param name      {@code verify (before init)}, {@code init}, ...
     * @param outcome   how it ended
     * @param summary   one line: what it did, or why it stopped
     * @param error     the failure's full message (the build failure text), or null
     * @param log       what the workflow logged (its info and warn lines)
     * @param leftovers objects new in the shadow database or on the server after the goal
     */
    record Step(String name, Outcome outcome, String summary, String error, List<String> log, List<String> leftovers) {
        Step {
            log = List.copyOf(log);
            leftovers = leftovers == null ? null : List.copyOf(leftovers);
        }

        static Step skipped(String name, String why) {
            return new Step(name, Outcome.SKIPPED, why, null, List.of(), null);
        }
    }

    final ExtractedProject project;
    final ExtractedProject child;
    final List<String> compile = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    /** check-db's findings by step (before and after init), classified; a step is absent when check-db did not list them */
    final Map<String, List<KnownDifferences.Classified>> findings = new LinkedHashMap<>();
    /** by check-db step: the migrations Flyway applied to build its database, or why it could not */
    final Map<String, String> checkDbDatabase = new LinkedHashMap<>();
    /** the file generate wrote for the child, or null */
    String ourFile;
    final List<String> ourStatements = new ArrayList<>();
    /** the child's new migration files (the parent lacks them) */
    final List<String> theirFiles = new ArrayList<>();
    final List<String> theirStatements = new ArrayList<>();

    AdoptionMeasurement(ExtractedProject project, ExtractedProject child) {
        this.project = project;
        this.child = child;
    }

    String title() {
        return child == null ? project.name() : project.name() + " → " + child.name();
    }

    Step step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    static long trueFindings(List<KnownDifferences.Classified> findings) {
        return findings.stream().filter(f -> f.known().isPresent() && f.known().get().isTrue()).count();
    }

    static long falseFindings(List<KnownDifferences.Classified> findings) {
        return findings.stream().filter(f -> f.known().isPresent() && !f.known().get().isTrue()).count();
    }

    static long unclassifiedFindings(List<KnownDifferences.Classified> findings) {
        return findings.stream().filter(f -> f.known().isEmpty()).count();
    }

    /** Our statements that appear, in the compared form, among the authors'. */
    long ourStatementsInTheirs() {
        List<String> theirs = theirStatements.stream().map(MigrationStatements::comparable).toList();
        return ourStatements.stream().map(MigrationStatements::comparable).filter(theirs::contains).count();
    }
}
