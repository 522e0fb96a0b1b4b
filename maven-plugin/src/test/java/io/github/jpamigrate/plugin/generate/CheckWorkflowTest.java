package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.Target;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.squash.BaselineRequest;
import io.github.jpamigrate.plugin.squash.BaselineWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code check}: the snapshot against the build's model, with the fix in the failure. */
class CheckWorkflowTest {

    @TempDir
    Path dir;

    @Test
    void withoutASnapshotItSaysToGenerateTheFirstMigration() {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("there is no snapshot at src/main/jpa-migrate/model.json yet")
                .hasMessageContaining("2 table(s)")
                .hasMessageContaining("mvn jpa-migrate:generate -Dmessage=\"initial schema\"");
    }

    @Test
    void passesWhenTheSnapshotIsTheModel() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");

        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
        assertThat(project.info).last().asString().contains("matches the entity model");
    }

    @Test
    void anEntityChangeWithoutMigrationFailsListingItAndTheCommand() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the entity model differs from the snapshot src/main/jpa-migrate/model.json")
                .hasMessageContaining("\n  - add column customer.phone varchar(32)")
                .hasMessageContaining("mvn jpa-migrate:generate -Dmessage=\"add customer phone\"");
    }

    @Test
    void aDropThatLooksLikeARenameIsPointedOut() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.replaceColumn(shop(), "order", "total", c -> c.withName("amount")));

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("drop column order.total")
                .hasMessageContaining("-Djpamigrate.rename=order.total:amount");
    }
    /** Issue 19 item 3: the suggested command must be one generate accepts, acknowledgement included. */
    @Test
    void aRemovedFieldSuggestsTheCommandWithItsAcknowledgement() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.dropColumn(shop(), "order", "total"));

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("drop column order.total")
                .hasMessageContaining("mvn jpa-migrate:generate -Dmessage=\"drop order total\""
                        + " -Djpamigrate.allowDestructive=order.total\n")
                .hasMessageContaining("acknowledge a loss of data only if you mean it")
                .hasMessageContaining("\n  - column order.total");
    }

    @Test
    void aNewNotNullColumnSuggestsABackfillToFillIn() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.addColumn(shop(), "customer", io.github.jpamigrate.core.model.Column.of("phone",
                io.github.jpamigrate.core.model.ColumnType.withLength(io.github.jpamigrate.core.model.TypeKind.VARCHAR, 32),
                false)));

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining(" \"-Djpamigrate.backfill=customer.phone=<sql literal>\"\n");
    }

    private static List<Target> resolved(ProjectFixture project, MigrationTargets targets) {
        return targets.resolve(project.layout, MigrationTargets.defaultFlyway(project.layout, targets), ShadowServers.NONE);
    }

    /** Issue 18: a vendor added to dialects is no silent pass: check names baseline, as generate does, until it ran. */
    @Test
    void aVendorAddedToDialectsWithoutItsBaselineFailsNamingBaseline() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate(MigrationTargets.parse(null, List.of("sqlite")), "initial");
        MigrationTargets both = MigrationTargets.parse(null, List.of("sqlite,h2"));

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout, resolved(project, both), List.of()))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("the migrations exist up to V1, but\n  - src/main/resources/db/migration/h2/ (h2)"
                        + " has none: a new vendor needs the whole schema first")
                .hasMessageContaining("Run mvn jpa-migrate:baseline: it writes B1__<slug>.sql for h2 from the snapshot")
                .hasMessageNotContaining("Nothing was written");

        new BaselineWorkflow(project.log).run(new BaselineRequest(project.layout, null, null, ShadowServers.NONE, both, null));

        assertThat(new CheckWorkflow(project.log).run(project.layout, resolved(project, both), List.of())).isEmpty();
    }

    /** Issue 18: a changed dialect over a folder written for another one; an entity change waits for the baseline. */
    @Test
    void aChangedDialectFailsNamingBaselineAndThenTheEntityChange() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout,
                resolved(project, MigrationTargets.single(Dialect.H2)), List.of()))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("the migrations exist up to V1, but\n  - src/main/resources/db/migration/ holds"
                        + " migrations written for sqlite (as src/main/jpa-migrate/model.json records), not for h2")
                .hasMessageContaining("Run mvn jpa-migrate:baseline: it writes B1__<slug>.sql for h2")
                .hasMessageContaining("The entities also changed since the snapshot (1 change(s)): after baseline,"
                        + " mvn jpa-migrate:generate writes their migration.");
    }
}
