package io.github.jpamigrate.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The adoption command (docs/fidelity.md, "Adoption"): for every folder of
 * {@code jpamigrate.fidelity.projects} and every pair parent of {@code jpamigrate.fidelity.pairs},
 * the plugin's {@code verify}, {@code init} and {@code check-db} on PostgreSQL, and for pairs
 * {@code generate} with the child's entities after {@code init} at the parent. Writes
 * {@code target/fidelity/adoption.md}. It measures, it does not judge: a goal that fails is
 * reported with its message. It runs once, on the default (Hibernate 7) execution: no step needs
 * Hibernate, so the 6.6 execution would only repeat it.
 */
class FidelityAdoptionRunTest {

    @Test
    void adoptsEveryNamedProjectAndPairParent() throws Exception {
        Assumptions.assumeTrue(HibernateSchema.ormLine().equals("hibernate-7"),
                "adoption runs on the default execution only (it does not depend on the Hibernate line)");
        List<String[]> runs = new ArrayList<>();
        for (String dir : split(System.getProperty("jpamigrate.fidelity.projects", ""))) {
            runs.add(new String[] {dir, null});
        }
        for (String pair : split(System.getProperty("jpamigrate.fidelity.pairs", ""))) {
            String[] dirs = pair.split(":");
            if (dirs.length != 2) {
                throw new IllegalArgumentException("pair '" + pair + "' is not PARENT_DIR:CHILD_DIR");
            }
            runs.add(dirs);
        }
        Assumptions.assumeFalse(runs.isEmpty(), "no projects or pairs named: pass -Djpamigrate.fidelity.projects=DIR[,DIR...]"
                + " and/or -Djpamigrate.fidelity.pairs=PARENT_DIR:CHILD_DIR[,...]");
        AdoptionMeasure measure = new AdoptionMeasure(FidelityRunTest.SERVER, KnownDifferences.load());
        List<AdoptionMeasurement> measured = new ArrayList<>();
        Path report = null;
        for (String[] run : runs) {
            ExtractedProject project = ExtractedProject.read(Path.of(run[0]));
            ExtractedProject child = run[1] == null ? null : ExtractedProject.read(Path.of(run[1]));
            Path work = FidelityRunTest.OUT.resolveSibling("fidelity-work").resolve("adoption")
                    .resolve(child == null ? project.name() : "pair-" + child.name());
            FidelityRunTest.deleteTree(work); // a snapshot of an earlier run would make init refuse
            long start = System.nanoTime();
            AdoptionMeasurement m = measure.measure(project, child, work);
            measured.add(m);
            report = AdoptionReport.write(FidelityRunTest.OUT, measured); // after each, so a long run shows progress
            System.out.printf("adoption: %s measured in %d s%n", m.title(), (System.nanoTime() - start) / 1_000_000_000);
        }
        System.out.println(AdoptionReport.summary(measured) + "report: " + report.toAbsolutePath());
        assertThat(Files.readString(report)).contains(measured.stream().map(m -> "## " + m.title()).toList());
    }

    private static List<String> split(String named) {
        return Arrays.stream(named.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
