package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-db} on the application's PostgreSQL database between an expand and a contract step:
 * the kept old column and the sync trigger are what the snapshot says, no drift.
 */
class CheckDbExpandedTest {

    @TempDir
    Path dir;

    @Test
    void theKeptColumnIsNoDriftBetweenTheSteps() throws Exception {
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.POSTGRESQL, db);
            live.generate(shop(), "initial schema");
            live.project.compile(ShopModels.replaceColumn(shop(), "customer", "email", c -> c.withName("contact_email")));
            live.project.run(new GenerateRequest(live.project.layout,
                    ChangeOptions.parse(List.of("customer.email:contact_email"), List.of(), List.of()), null, false,
                    VersionScheme.SEQUENTIAL, ShadowServers.NONE, MigrationTargets.single(Dialect.POSTGRESQL))
                    .withStep(GenerateRequest.Step.EXPAND));
            assertThat(live.migrate(null)).isEqualTo(3);

            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(live.request(), Kind.defaults());
            assertThat(findings).isEmpty();
        }
    }
}
