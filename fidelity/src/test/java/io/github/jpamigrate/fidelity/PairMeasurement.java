package io.github.jpamigrate.fidelity;

import java.util.List;

/**
 * What one commit pair measured on one Hibernate line: our migration for the change, applied to
 * the parent's database built by the authors' own migrations with rows in it, next to the
 * authors' hand-written migration for the same change.
 *
 * @param parent        the parent commit's extracted folder
 * @param child         the child commit's
 * @param ormLine       {@code hibernate-7} or {@code hibernate-6.6}
 * @param processor     the processor's errors at the parent and the child
 * @param changes       our changes from the parent's model to the child's, in words
 * @param hazards       what generate would refuse without an acknowledgement
 * @param statements    our migration's PostgreSQL statements
 * @param setup         how the parent's database was built (migrations run, rows seeded, tables left empty)
 * @param applyFailures our statements the parent's database refused
 * @param rowsLost      tables with fewer rows after our migration than before
 * @param oursEffect    what our migration changed in the parent's database, as read back
 * @param theirsEffect  what the authors' child migrations change in the parent's database
 * @param residual      what still turns our result into theirs (empty: the same schema effect)
 * @param stoppedAt     the step that stopped the measurement, or null
 */
record PairMeasurement(ExtractedProject parent, ExtractedProject child, String ormLine, List<String> processor,
                       List<String> changes, List<String> hazards, List<String> statements, List<String> setup,
                       List<String> applyFailures, List<String> rowsLost, List<String> oursEffect,
                       List<String> theirsEffect, List<String> residual, String stoppedAt) {

    static PairMeasurement stopped(ExtractedProject parent, ExtractedProject child, String ormLine, List<String> processor,
                                   String why) {
        return new PairMeasurement(parent, child, ormLine, processor, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), why);
    }
}
