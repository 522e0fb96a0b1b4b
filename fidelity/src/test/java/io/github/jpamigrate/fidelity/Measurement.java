package io.github.jpamigrate.fidelity;

import java.util.List;
import java.util.Map;

/**
 * What one project measured on one Hibernate line. Lists are empty and texts null for the steps
 * that did not run; {@link #stoppedAt} says which step stopped the rest.
 *
 * @param project          the extracted project
 * @param ormLine          {@code hibernate-7} or {@code hibernate-6.6}
 * @param processor        the processor's {@code [JMnnn]} diagnostics
 * @param javacErrors      javac's own errors, when the sources do not compile here
 * @param entities         the {@code @Entity} classes Hibernate was given
 * @param mappedClasses    entities, mapped superclasses, embeddables and converters Hibernate was given
 * @param beanValidation   whether Hibernate was booted with a Bean Validation provider (DDL mode)
 * @param ourTables        tables in our descriptor (-1 without one)
 * @param ourSequences     sequences in our descriptor
 * @param rendered         per dialect, the first migration's statement count or why it cannot be rendered
 * @param applyFailures    our PostgreSQL statements the database refused
 * @param validation       null when Hibernate's validator accepts our schema, else its message
 * @param exportStatements statements in Hibernate's export script
 * @param exportFailures   Hibernate's statements PostgreSQL refused, or Hibernate's own failure
 * @param hibernateTables  tables in Hibernate's schema as read back
 * @param differences      what turns our schema into Hibernate's, one change each
 * @param stoppedAt        the step that stopped the measurement, or null when every step ran
 */
record Measurement(ExtractedProject project, String ormLine, List<String> processor, List<String> javacErrors,
                   int entities, int mappedClasses, boolean beanValidation, int ourTables, int ourSequences, Map<String, String> rendered,
                   List<String> applyFailures, String validation, int exportStatements, List<String> exportFailures,
                   int hibernateTables, List<String> differences, String stoppedAt) {

    /** Hibernate's validator accepted the schema our first migration built. */
    boolean valid() {
        return stoppedAt == null && validation == null && applyFailures.isEmpty();
    }

    /** Whether the validator ran: its own findings start so; anything else is a failure to boot Hibernate. */
    boolean validatorBooted() {
        return validation == null || validation.startsWith("Schema-validation:") || validation.startsWith("Schema validation:");
    }

    long count(String kind) {
        return processor.stream().filter(m -> m.startsWith(kind)).count();
    }
}
