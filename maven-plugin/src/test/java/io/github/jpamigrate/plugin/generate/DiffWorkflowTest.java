package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.PendingChanges;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShopModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code diff}: the pending changes and their SQL, without writing anything. */
class DiffWorkflowTest {

    @TempDir
    Path dir;

    @Test
    void showsTheChangesAndTheSqlAndWritesNothing() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        List<String> before = project.sourceFiles();

        PendingChanges pending = new DiffWorkflow(project.log).run(project.layout, ChangeOptions.defaults());

        assertThat(pending.changes()).hasSize(1);
        assertThat(project.info).anySatisfy(line -> assertThat(line)
                .isEqualTo("Pending changes (src/main/jpa-migrate/model.json -> entity model):\n"
                        + "  add column customer.phone varchar(32)"));
        assertThat(project.info).anySatisfy(line -> assertThat(line)
                .startsWith("SQL for sqlite:\n")
                .endsWith("alter table customer add column phone varchar(32);\n"));
        assertThat(project.sourceFiles()).isEqualTo(before);
    }

    @Test
    void saysWhenNothingIsPending() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");

        assertThat(new DiffWorkflow(project.log).run(project.layout, ChangeOptions.defaults()).isEmpty()).isTrue();
        assertThat(project.info).last().asString().startsWith("No pending changes");
    }

    @Test
    void warnsAboutWhatGenerateWouldRefuseAndStillShowsTheRest() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(ShopModels.dropColumn(withPhone(shop()), "order", "total"));

        new DiffWorkflow(project.log).run(project.layout, ChangeOptions.defaults());

        assertThat(project.warnings).singleElement().asString()
                .startsWith("generate would refuse these changes until they are resolved:")
                .contains("-Djpamigrate.allowDestructive=order.total");
        assertThat(project.info).anySatisfy(line -> assertThat(line)
                .startsWith("SQL for sqlite:\n").contains("alter table \"order\" drop column total;"));
    }
}
