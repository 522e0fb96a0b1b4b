package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example the README's main job builds keeps working, and points at this version of the tool. */
@EndToEnd
class QuickstartExampleIT {

    @Test
    void theQuickstartPrintsTheDescriptorOfItsEntities(ProjectTemplates templates) {
        BuildResult result = templates.copyExample("quickstart").build("process-classes").assertSuccess();

        assertThat(result.log()).contains("Model descriptor ").contains("\"PurchaseOrder\"");
        SchemaModel model = result.descriptor();
        assertThat(model.tables()).extracting(Table::name)
                .containsExactly("Customer", "OrderLine", "Product", "PurchaseOrder");
        Table line = model.table("OrderLine").orElseThrow();
        assertThat(line.foreignKeys())
                .extracting(ForeignKey::columns, ForeignKey::referencedTable)
                .containsExactlyInAnyOrder(
                        tuple(List.of("purchaseOrder_id"), "PurchaseOrder"),
                        tuple(List.of("product_id"), "Product"));
        assertThat(model.table("Product").orElseThrow().column("price").orElseThrow().type())
                .hasToString("decimal(10,2)");
        assertThat(model.table("PurchaseOrder").orElseThrow().column("status").orElseThrow().enumRef())
                .isEqualTo(new EnumRef("com.example.shop.OrderStatus", EnumStorage.STRING));
    }

    @Test
    void theQuickstartUsesTheVersionOfTheToolInThisRepository() throws IOException {
        String pom = Files.readString(Path.of(System.getProperty("jpamigrate.it.examples"), "quickstart", "pom.xml"));

        Matcher declared = Pattern.compile("<jpa-migrate.version>([^<]+)</jpa-migrate.version>").matcher(pom);
        assertThat(declared.find()).as("examples/quickstart/pom.xml declares <jpa-migrate.version>").isTrue();
        assertThat(declared.group(1))
                .as("<jpa-migrate.version> in examples/quickstart/pom.xml (update it with the parent's version)")
                .isEqualTo(System.getProperty("jpamigrate.version"));
    }
}
