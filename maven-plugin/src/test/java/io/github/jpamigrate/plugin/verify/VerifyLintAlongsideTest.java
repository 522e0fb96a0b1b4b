package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code verify} reads and checks the SQL of the migration lint on a thread of its own while the
 * database replays. Whether the lint finishes long before the replay, just after it, or runs in
 * line, the run says the same: the same log lines in the same order (the lint's where its step
 * comes), the same reports, the same failure; here with lint findings, a marker without a reason
 * and a migration that does not apply, all reported.
 */
class VerifyLintAlongsideTest {

    @TempDir
    Path dir;

    /** The lint started on a thread that waits first, so that the replay is long done when it reads the SQL. */
    private static final Executor LATE_THREAD = work -> {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            work.run();
        }, "late-lint");
        thread.setDaemon(true);
        thread.start();
    };

    /** What one run said: every log line in order, the failure, and both reports. */
    private record Said(List<String> lines, String failure, String verifyReport, String lintReport) {
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "POSTGRESQL"})
    void theLintOnItsOwnThreadSaysWhatTheLintInLineSaysInTheSameOrder(Dialect dialect) throws Exception {
        ShadowDatabase shadow = dialect == Dialect.SQLITE ? null : TestServers.shadow(dialect);
        MigrationTargets target = MigrationTargets.single(dialect);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(new GenerateRequest(project.layout, ChangeOptions.defaults(), "initial", false,
                VersionScheme.SEQUENTIAL, ShadowServers.of(shadow), target));
        Files.writeString(project.migration("V2__cleanup.sql"), """
                DELETE FROM customer;
                -- jpa-migrate:accept JML114
                UPDATE customer SET name = 'x';
                """);
        Files.writeString(project.migration("V3__broken.sql"), "ALTER TABLE nowhere ADD COLUMN x integer;\n");

        Said inLine = verify(project, Runnable::run, shadow, target);
        Said ownThread = verify(project, VerifyMigrationLint.OWN_THREAD, shadow, target);
        Said late = verify(project, LATE_THREAD, shadow, target);

        assertThat(ownThread).isEqualTo(inLine);
        assertThat(late).isEqualTo(inLine);
        List<String> lines = inLine.lines();
        int check = indexOf(lines, "INFO The snapshot ");
        int lint = indexOf(lines, "INFO Migration lint: 3 migration(s)");
        int replay = indexOf(lines, "INFO FAILED  replay");
        assertThat(check).isLessThan(lint);
        assertThat(lint).isLessThan(replay);
        assertThat(lines.subList(lint, replay)).anyMatch(l -> l.startsWith("WARN ") && l.contains("V2__cleanup.sql:1")
                && l.contains("JML113")).anyMatch(l -> l.startsWith("WARN ") && l.contains("V2__cleanup.sql:3")
                && l.contains("JML114")).anyMatch(l -> l.startsWith("WARN ") && l.contains("gives no reason"));
        assertThat(inLine.failure()).contains("[replay]").contains("V3__broken.sql");
        assertThat(inLine.verifyReport()).contains("\"name\" : \"migration lint\"").contains("JML113");
        assertThat(inLine.lintReport()).contains("JML113").contains("JML114");
    }

    private Said verify(ProjectFixture project, Executor lintThread, ShadowDatabase shadow, MigrationTargets target)
            throws Exception {
        List<String> lines = new ArrayList<>();
        WorkflowLog log = new WorkflowLog() {
            @Override
            public synchronized void info(String message) {
                lines.add("INFO " + message);
            }

            @Override
            public synchronized void warn(String message) {
                lines.add("WARN " + message);
            }
        };
        String[] failure = new String[1];
        assertThatThrownBy(() -> new VerifyWorkflow(log, lintThread).run(new VerifyRequest(project.layout,
                ChangeOptions.defaults(), MigrationTargets.defaultFlyway(project.layout), null, false,
                ShadowServers.of(shadow), target)))
                .isInstanceOf(WorkflowFailure.class)
                .satisfies(e -> failure[0] = e.getMessage());
        Path work = project.layout.workDirectory();
        return new Said(lines.stream().map(VerifyLintAlongsideTest::unnamed).toList(), unnamed(failure[0]),
                unnamed(project.read(work.resolve(VerifyReport.FILE_NAME))),
                project.read(work.resolve(io.github.jpamigrate.plugin.lint.LintReport.FILE_NAME)));
    }

    /** Each run's scratch database has a name of its own; the rest of what it says must not differ. */
    private static String unnamed(String text) {
        return text.replaceAll("jm_scratch_[A-Za-z0-9_]+", "jm_scratch_…");
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + start + "' in\n" + String.join("\n", lines));
    }
}
