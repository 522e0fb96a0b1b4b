package io.github.jpamigrate.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The command (docs/fidelity.md): measures every folder named in {@code jpamigrate.fidelity.projects}
 * on the Hibernate line of this surefire execution and writes {@code target/fidelity/report.md}.
 * It measures, it does not judge: a project that differs from Hibernate is reported, not failed.
 * It fails when a folder cannot be measured at all (not an extracted project, no PostgreSQL).
 */
class FidelityRunTest {

    static final String SERVER = System.getProperty("jpamigrate.fidelity.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final Path OUT = Path.of(System.getProperty("jpamigrate.fidelity.out", "target/fidelity"));

    @Test
    void measuresEveryNamedProject() throws Exception {
        String named = System.getProperty("jpamigrate.fidelity.projects", "");
        Assumptions.assumeFalse(named.isBlank(), "no projects named: pass -Djpamigrate.fidelity.projects=DIR[,DIR...]"
                + " (folders written by ../shared/corpus/extract.sh -o DIR <repository>)");
        List<Path> dirs = Arrays.stream(named.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        Map<String, Measurement> measured = new LinkedHashMap<>();
        Path report = null;
        for (Path dir : dirs) {
            ExtractedProject project = ExtractedProject.read(dir);
            Path work = Files.createDirectories(OUT.resolveSibling("fidelity-work").resolve(HibernateSchema.ormLine()))
                    .resolve(project.name());
            deleteTree(work); // classes of an earlier run would be read as this run's
            long start = System.nanoTime();
            Measurement m = new ProjectMeasure(SERVER).measure(project, work);
            report = FidelityReport.write(OUT, m);
            System.out.printf("fidelity: %s on %s measured in %d s%n", project.name(), m.ormLine(),
                    (System.nanoTime() - start) / 1_000_000_000);
            measured.put(project.name(), m);
        }
        System.out.println(FidelityReport.summary(measured) + "report: " + report.toAbsolutePath());
        assertThat(Files.readString(report)).contains(dirs.stream().map(d -> "## " + d.getFileName() + " at ").toList());
    }

    @Test
    void measuresEveryNamedPair() throws Exception {
        String named = System.getProperty("jpamigrate.fidelity.pairs", "");
        Assumptions.assumeFalse(named.isBlank(), "no pairs named: pass -Djpamigrate.fidelity.pairs=PARENT_DIR:CHILD_DIR[,...]");
        Path report = null;
        List<String> expected = new java.util.ArrayList<>();
        List<String> pairs = Arrays.stream(named.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String pair : pairs) {
            String[] dirs = pair.split(":");
            if (dirs.length != 2) {
                throw new IllegalArgumentException("pair '" + pair + "' is not PARENT_DIR:CHILD_DIR");
            }
            ExtractedProject parent = ExtractedProject.read(Path.of(dirs[0]));
            ExtractedProject child = ExtractedProject.read(Path.of(dirs[1]));
            Path work = OUT.resolveSibling("fidelity-work").resolve(HibernateSchema.ormLine()).resolve("pair-" + child.name());
            deleteTree(work);
            long start = System.nanoTime();
            PairMeasurement m = new PairMeasure(SERVER).measure(parent, child, work);
            report = PairReport.write(OUT, m);
            expected.add(PairReport.section(m).lines().findFirst().orElseThrow());
            System.out.printf("fidelity: pair %s -> %s on %s measured in %d s%n%s", parent.name(), child.name(), m.ormLine(),
                    (System.nanoTime() - start) / 1_000_000_000, PairReport.row(m));
        }
        assertThat(Files.readString(report)).contains(expected);
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
