package io.github.jpamigrate.plugin.project;

/**
 * Asks the user a yes/no question when someone is there to answer (interactive Maven on a
 * terminal). In batch mode nothing is asked and nothing is guessed: the build fails and names the
 * option that records the answer.
 */
public interface Prompter {

    /** A prompter for batch builds and CI: it asks nothing. */
    Prompter BATCH = new Prompter() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            throw new IllegalStateException("a batch build cannot ask: " + question);
        }
    };

    /** Whether {@link #confirm} may be called. */
    boolean interactive();

    /** Asks the question; true only for an explicit yes. */
    boolean confirm(String question);
}
