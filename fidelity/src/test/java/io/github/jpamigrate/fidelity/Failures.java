package io.github.jpamigrate.fidelity;

import java.util.LinkedHashSet;
import java.util.Set;

/** Exception messages as one line for the report: every distinct message of the cause chain, outermost first. */
final class Failures {

    private Failures() {
    }

    static String chain(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.add(t.getMessage().replaceAll("\\s+", " ").strip());
            }
        }
        return messages.isEmpty() ? failure.getClass().getName() : String.join(" / ", messages);
    }
}
