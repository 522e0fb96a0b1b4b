package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateResult;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The main class of a child JVM in the interruption tests: runs the real {@code generate} of the
 * project in {@code args[0]} ({@code -Dmessage=args[1]}) and, at the {@code args[2]}-th step of
 * the file write (0: never), writes {@code <args[3]>/paused} with the step's name and blocks until
 * {@code <args[3]>/go} exists. The test kills it there, or lets it go on. Exit code 0 after a
 * generate, 2 after a failure reported to the user (its message on stderr).
 */
public final class PausingGenerate {

    private PausingGenerate() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int pauseAt = Integer.parseInt(args[2]);
        Path signals = Path.of(args[3]);
        AtomicInteger reached = new AtomicInteger();
        AtomicFileSet.steps = step -> {
            if (reached.incrementAndGet() == pauseAt) {
                pause(step, signals);
            }
        };
        WorkflowLog log = new WorkflowLog() {
            @Override
            public void info(String message) {
                System.out.println("[INFO] " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("[WARNING] " + message);
            }
        };
        try {
            GenerateResult result = new GenerateWorkflow(log, Prompter.BATCH, Clock.systemUTC()).run(new GenerateRequest(
                    ProjectLayout.standard(project), ChangeOptions.defaults(), args[1], false, VersionScheme.SEQUENTIAL));
            System.out.println("[INFO] wrote a migration: " + result.wroteMigration());
            System.exit(0);
        } catch (WorkflowFailure | ProjectFileException e) {
            System.err.println("[ERROR] " + e.getMessage());
            System.exit(2);
        }
    }

    private static void pause(String step, Path signals) {
        try {
            Path paused = signals.resolve("paused");
            Files.writeString(signals.resolve("paused.tmp"), step, StandardCharsets.UTF_8);
            Files.move(signals.resolve("paused.tmp"), paused);
            while (!Files.exists(signals.resolve("go"))) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
