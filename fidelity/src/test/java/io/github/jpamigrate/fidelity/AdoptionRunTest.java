package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateResult;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.init.InitRequest;
import io.github.jpamigrate.plugin.init.InitResult;
import io.github.jpamigrate.plugin.init.InitWorkflow;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adoption on a commit pair (docs/fidelity.md): {@code init} on the parent's hand-written
 * migrations with the parent's model (a PostgreSQL shadow), then the child's model and
 * {@code generate}. Prints what init accepted and left pending, and the statements generate
 * writes (ideally only the child's entity change). It measures; it does not judge.
 * {@code -Djpamigrate.fidelity.adopt=PARENT_DIR:CHILD_DIR[,...]}; backfills for the child's new NOT NULL
 * columns with {@code -Djpamigrate.fidelity.backfill=table.column=value[;...]}.
 */
class AdoptionRunTest {

    @Test
    void adoptsEachNamedParentAndGeneratesTheChild() throws Exception {
        String named = System.getProperty("jpamigrate.fidelity.adopt", "");
        Assumptions.assumeFalse(named.isBlank(), "no pairs named: pass -Djpamigrate.fidelity.adopt=PARENT_DIR:CHILD_DIR[,...]");
        for (String pair : Arrays.stream(named.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String[] dirs = pair.split(":");
            ExtractedProject parent = ExtractedProject.read(Path.of(dirs[0]));
            ExtractedProject child = ExtractedProject.read(Path.of(dirs[1]));
            Path work = FidelityRunTest.OUT.resolveSibling("fidelity-work").resolve("adopt-" + child.name());
            FidelityRunTest.deleteTree(work);
            System.out.println("adopt: " + parent.name() + " -> " + child.name() + "\n" + measure(parent, child, work));
        }
    }

    private static String measure(ExtractedProject parent, ExtractedProject child, Path work) throws Exception {
        String line = HibernateSchema.ormLine();
        SchemaModel before = ProjectCompile.run(parent, line, true, work.resolve("parent")).descriptor();
        SchemaModel after = ProjectCompile.run(child, line, true, work.resolve("child")).descriptor();
        ProjectLayout layout = ProjectLayout.standard(work.resolve("project"));
        copyTree(parent.dir().resolve("migrations"), layout.migrationDirectory());
        write(layout, before);
        StringBuilder out = new StringBuilder();
        WorkflowLog log = new WorkflowLog() {
            @Override
            public void info(String message) {
                out.append("  [info] ").append(message).append('\n');
            }

            @Override
            public void warn(String message) {
                out.append("  [warn] ").append(message).append('\n');
            }
        };
        ShadowDatabase shadow = new ShadowDatabase(FidelityRunTest.SERVER, null, null);
        try {
            InitResult init = new InitWorkflow(log, Prompter.BATCH, Clock.systemUTC()).run(new InitRequest(layout,
                    Dialect.POSTGRESQL, ChangeOptions.defaults(), FlywaySettings.folder(layout.migrationDirectory()), null,
                    VersionScheme.SEQUENTIAL, false, false, shadow));
            out.append("init: ").append(init.replayed()).append(" replayed, ").append(init.accepted().size())
                    .append(" accepted, ").append(init.pending().size()).append(" pending\n");
            write(layout, after);
            // Every hazard acknowledged, so that the migration is seen; backfills only as given.
            String backfills = System.getProperty("jpamigrate.fidelity.backfill", "");
            ChangeOptions options = ChangeOptions.parse(null, backfills.isBlank() ? null : List.of(backfills.split(";")),
                    List.of("true"));
            GenerateResult result = new GenerateWorkflow(log, Prompter.BATCH, Clock.systemUTC()).run(new GenerateRequest(
                    layout, options, "child", false, VersionScheme.SEQUENTIAL, shadow, MigrationTargets.single(Dialect.POSTGRESQL)));
            if (result.migration() != null) {
                out.append("generate wrote ").append(result.migration().fileName()).append(":\n")
                        .append(Files.readString(layout.migrationDirectory().resolve(result.migration().fileName())));
            } else {
                out.append("generate wrote no migration\n");
            }
        } catch (WorkflowFailure | io.github.jpamigrate.plugin.io.ProjectFileException e) {
            out.append("stopped: ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static void write(ProjectLayout layout, SchemaModel model) throws Exception {
        Files.createDirectories(layout.descriptor().getParent());
        Files.write(layout.descriptor(), DescriptorJson.writeBytes(model));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().startsWith("B")) {
                    // Flyway Teams' baseline migrations (B...) stand for the V's before them; the V's are replayed.
                    Files.copy(file, target);
                }
            }
        }
    }
}
