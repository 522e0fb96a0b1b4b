package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.plugin.live.CheckDbWorkflow;
import io.github.jpamigrate.plugin.live.LiveDatabase;
import io.github.jpamigrate.plugin.live.LiveFinding;
import io.github.jpamigrate.plugin.live.LiveRequest;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code check-db} on a real project's database: the project's own migrations applied by Flyway to
 * a fresh PostgreSQL database, its entities compiled with our processor, then check-db's workflow
 * against the two. Every finding is printed (and written to {@code target/fidelity/check-db.md}):
 * each one is either a true difference between the entities and the migrations or a false finding
 * of ours. It measures, it does not judge; it fails only when a project cannot be measured. A folder
 * whose migrations start with a baseline ({@code B...}) file is measured twice: the B file applied, its
 * schema compared only; and the V chain without it, with all of check-db.
 *
 * <p>{@code mvn -Pfidelity -pl fidelity -am test -Dtest=CheckDbRunTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djpamigrate.fidelity.jdk=... -Djpamigrate.fidelity.projects=DIR,...}; writes {@code target/fidelity/check-db.md}.
 */
class CheckDbRunTest {

    @Test
    void checksEveryNamedProjectsOwnDatabase() throws Exception {
        String named = System.getProperty("jpamigrate.fidelity.projects", "");
        Assumptions.assumeFalse(named.isBlank(), "no projects named: pass -Djpamigrate.fidelity.projects=DIR[,DIR...]");
        // check-db runs no Hibernate: the hibernate-6.6 execution would measure the same again
        Assumptions.assumeTrue(HibernateSchema.ormLine().equals("hibernate-7"), "check-db is measured once, in the default execution");
        StringBuilder report = new StringBuilder("# check-db on the projects' own databases\n");
        for (Path dir : Arrays.stream(named.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList()) {
            ExtractedProject project = ExtractedProject.read(dir);
            Path work = FidelityRunTest.OUT.resolveSibling("fidelity-work").resolve("check-db").resolve(project.name());
            FidelityRunTest.deleteTree(work);
            ProjectCompile compile = ProjectCompile.run(project, ormLine(project), true, work.resolve("classes"));
            report.append("\n## ").append(project.name()).append(" at ").append(project.commit()).append("\n\n");
            if (compile.descriptor() == null) {
                report.append("no descriptor: ").append(compile.ourMessages()).append(compile.javacErrors()).append('\n');
                continue;
            }
            Path migrations = project.dir().resolve("migrations").toAbsolutePath();
            boolean baseline;
            try (var files = Files.list(migrations)) {
                baseline = files.anyMatch(f -> f.getFileName().toString().startsWith("B"));
            }
            if (baseline) {
                // Flyway applies the B file to an empty database; the schema it builds is compared on its own,
                // since check-db's folder reading does not take B files yet
                try (PostgresScratch db = PostgresScratch.create(FidelityRunTest.SERVER, "checkdbb")) {
                    HandWrittenMigrations.apply(project, db, migrations);
                    report.append("with the B file applied (schema only):\n\n```\n");
                    try (var c = db.connect()) {
                        for (var change : io.github.jpamigrate.plugin.introspect.SchemaDrift.between(compile.descriptor(), c,
                                io.github.jpamigrate.core.dialect.Dialect.POSTGRESQL, java.util.Set.of(HandWrittenMigrations.HISTORY))) {
                            report.append(change.describe()).append('\n');
                        }
                    }
                    report.append("```\n\nwithout the B file (the V chain):\n\n");
                }
                Path copy = Files.createDirectories(work.resolve("migrations"));
                try (var files = Files.list(migrations)) {
                    for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("B")).toList()) {
                        Files.copy(f, copy.resolve(f.getFileName()));
                    }
                }
                migrations = copy.toAbsolutePath();
            }
            try (PostgresScratch db = PostgresScratch.create(FidelityRunTest.SERVER, "checkdb")) {
                int applied = HandWrittenMigrations.apply(project, db, migrations);
                ProjectLayout standard = ProjectLayout.standard(work);
                ProjectLayout layout = new ProjectLayout(work, compile.classes().resolve(ProjectCompile.DESCRIPTOR),
                        standard.snapshot(), migrations, standard.undoDirectory(), standard.workDirectory());
                FlywaySettings flyway = new FlywaySettings(List.of("filesystem:" + migrations), HandWrittenMigrations.HISTORY,
                        HandWrittenMigrations.placeholders(project.dir().resolve("migrate.args")));
                List<String> lines = new ArrayList<>();
                WorkflowLog log = new WorkflowLog() {
                    @Override
                    public void info(String message) {
                        lines.add(message);
                    }

                    @Override
                    public void warn(String message) {
                        lines.add(message);
                    }
                };
                try {
                    new CheckDbWorkflow(log).run(new LiveRequest(layout, LiveDatabase.of(db.url(), null, null), flyway),
                            LiveFinding.Kind.defaults());
                } catch (RuntimeException failure) {
                    lines.add("FAILED: " + failure.getMessage());
                }
                report.append(applied).append(" migrations applied; ").append(compile.descriptor().tables().size())
                        .append(" tables in the model\n\n```\n");
                lines.forEach(l -> report.append(l).append('\n'));
                report.append("```\n");
            }
        }
        Path out = Files.createDirectories(FidelityRunTest.OUT).resolve("check-db.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** The project's own Hibernate line, from its class path. */
    private static String ormLine(ExtractedProject project) {
        return project.classpath().stream().anyMatch(p -> p.getFileName().toString().startsWith("hibernate-core-6."))
                ? "hibernate-6.6" : "hibernate-7";
    }
}
