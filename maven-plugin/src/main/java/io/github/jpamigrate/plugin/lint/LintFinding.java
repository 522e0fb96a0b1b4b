package io.github.jpamigrate.plugin.lint;

/**
 * One finding of the migration lint.
 *
 * @param file     the migration's file name
 * @param line     the 1-based line its statement starts on
 * @param rule     the rule
 * @param message  what the statement does, in its own names
 * @param baseline whether the migration is released already (reported, never fails the build)
 * @param accepted the reason given in an accept marker, null when not accepted
 */
public record LintFinding(String file, int line, LintRule rule, String message, boolean baseline, String accepted) {

    /** Whether this finding fails the build: new, and nobody accepted it. */
    public boolean failing() {
        return !baseline && accepted == null;
    }

    public String describe() {
        return file + ":" + line + ": " + rule.code() + " " + message + " - " + rule.why() + "; instead: " + rule.safe()
                + " (or accept it: -- jpa-migrate:accept " + rule.code() + " <reason>)";
    }
}
