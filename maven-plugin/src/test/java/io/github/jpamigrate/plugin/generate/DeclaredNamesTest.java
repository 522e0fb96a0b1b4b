package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A table or column named in {@code rename}, {@code backfill} or {@code allowDestructive} that
 * neither the snapshot nor the model has: refused, naming the closest existing name, instead of
 * being ignored.
 */
class DeclaredNamesTest {

    @TempDir
    Path dir;

    private ProjectFixture initial(Path dir) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        return project;
    }

    private static ChangeOptions options(List<String> renames, List<String> backfills, List<String> allow) {
        return ProjectFixture.options(renames, backfills, allow);
    }

    @Test
    void aMisspeltRenameNamesTheClosestColumnAndWritesNothing() throws Exception {
        ProjectFixture project = initial(dir);
        project.compile(ShopModels.replaceColumn(shop(), "customer", "email", c -> c.withName("login")));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate(options(List.of("customer.emial:login"), List.of(), List.of()), null,
                Prompter.BATCH))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.rename=customer.emial:login names something that does not exist:"
                        + " table customer of the snapshot has no column 'emial'; the closest is 'email'.")
                .hasMessageContaining("Nothing was written");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aMisspeltTableInARenameNamesTheClosestTable() throws Exception {
        ProjectFixture project = initial(dir);
        project.compile(withPhone(shop()));

        assertThatThrownBy(() -> project.generate(options(List.of("custmer:client"), List.of(), List.of()), null,
                Prompter.BATCH))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.rename=custmer:client names something that does not exist:"
                        + " the snapshot has no table 'custmer'; the closest is 'customer'.");
    }

    @Test
    void aMisspeltBackfillNamesTheClosestColumnInsteadOfBeingIgnored() throws Exception {
        ProjectFixture project = initial(dir);
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate(options(List.of(), List.of("customer.phon='none'"), List.of()), null,
                Prompter.BATCH))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.backfill=customer.phon=... names something that does not exist:"
                        + " table customer of the entity model has no column 'phon'; the closest is 'phone'.");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void aMisspeltAcknowledgementNamesTheClosestInsteadOfBeingIgnored() throws Exception {
        ProjectFixture project = initial(dir);
        project.compile(ShopModels.dropColumn(shop(), "order", "total"));
        List<String> before = project.sourceFiles();

        assertThatThrownBy(() -> project.generate(options(List.of(), List.of(), List.of("order.totl", "order.total")),
                null, Prompter.BATCH))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("-Djpamigrate.allowDestructive=order.totl names something that does not exist:"
                        + " neither the snapshot nor the entity model has a table, column (table.column) or enum class"
                        + " 'order.totl'; the closest is 'order.total'.");
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void diffRefusesAMisspeltDeclarationToo() throws Exception {
        ProjectFixture project = initial(dir);
        project.compile(withPhone(shop()));

        assertThatThrownBy(() -> new DiffWorkflow(project.log).run(project.layout,
                options(List.of(), List.of("customr.phone='none'"), List.of())))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the entity model has no table 'customr'; the closest is 'customer'");
    }

    @Test
    void declarationsOfExistingNamesAnyCaseStillWork() throws Exception {
        ProjectFixture project = initial(dir);
        project.compile(ShopModels.dropColumn(ShopModels.replaceColumn(withPhone(shop()), "customer", "email",
                c -> c.withName("login")), "order", "total"));

        project.generate(options(List.of("Customer.EMAIL:login"), List.of("customer.phone='none'"),
                List.of("ORDER.total", "com.example.shop.Status")), "three", Prompter.BATCH);

        assertThat(project.sourceFiles()).contains("src/main/resources/db/migration/V2__three.sql");
    }
}
