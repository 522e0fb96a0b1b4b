package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} between and after the two steps of an expand/contract rename on PostgreSQL: the
 * replay of the folder is the snapshot (the kept old column is no drift), the rows run, and the lint
 * has nothing to say about the sync trigger, the batched backfill or the contract step.
 */
class VerifyExpandContractTest {

    @TempDir
    Path dir;

    private static final MigrationTargets POSTGRESQL = MigrationTargets.single(Dialect.POSTGRESQL);

    private static GenerateRequest request(ProjectFixture project, List<String> renames, GenerateRequest.Step step) {
        return new GenerateRequest(project.layout, ProjectFixture.options(renames, List.of(), List.of()), null, false,
                VersionScheme.SEQUENTIAL, TestServers.shadow(Dialect.POSTGRESQL), POSTGRESQL).withStep(step);
    }

    private VerifyReport verify(ProjectFixture project) throws Exception {
        VerifyReport report = new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout,
                ProjectFixture.options(List.of(), List.of(), List.of()), MigrationTargets.defaultFlyway(project.layout), null,
                false, TestServers.shadow(Dialect.POSTGRESQL), POSTGRESQL));
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.outcome()).as(step.toString())
                .isEqualTo(VerifyReport.Outcome.PASSED));
        return report;
    }

    @Test
    void theExpandStepAndTheContractStepBothVerify() throws Exception {
        SchemaModel renamed = ShopModels.replaceColumn(shop(), "customer", "email", c -> c.withName("contact_email"));
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(request(project, List.of(), GenerateRequest.Step.NONE));
        project.compile(renamed);
        project.run(request(project, List.of("customer.email:contact_email"), GenerateRequest.Step.EXPAND));
        verify(project);

        project.run(request(project, List.of(), GenerateRequest.Step.CONTRACT));
        verify(project);
    }
}
