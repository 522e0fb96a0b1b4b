package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
}
