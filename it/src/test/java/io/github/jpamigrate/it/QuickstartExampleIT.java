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
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example the README's main job builds generates its migrations, the tour's next step works,
 * and the example points at this version of the tool.
 */
@EndToEnd
class QuickstartExampleIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";

    @Test
    void theQuickstartGeneratesTheMigrationsOfItsEntities(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copyExample("quickstart");
        // A local run of the main job leaves its (git-ignored) output in examples/; start from none.
        deleteRecursively(project.file("src/main/jpa-migrate"));
        deleteRecursively(project.file(MIGRATIONS));

        BuildResult result = project.build("process-classes").assertSuccess();

        assertThat(result.log()).contains("Wrote " + MIGRATIONS + "/V1__initial_schema.sql")
                .contains("Self-check passed on a scratch SQLite database");
        assertThat(result.file(MIGRATIONS + "/V1__initial_schema.sql")).content()
                .contains("create table PurchaseOrder (", "references Customer (id)", "create table Customer_SEQ");
        assertDescriptor(result.descriptor());
        // the README's tour, step 1, names these four files
        assertThat(writtenFiles(project)).containsExactly("src/main/jpa-migrate/model.json",
                "src/main/jpa-migrate/undo/U1__initial_schema.sql", "src/main/jpa-migrate/undo/U1__initial_schema.sql.conf",
                MIGRATIONS + "/V1__initial_schema.sql");

        // Tour step 2: a new attribute, the main job again with a message, one statement.
        project.edit("src/main/java/com/example/shop/Customer.java",
                "    private LocalDateTime registeredAt;", "    private LocalDateTime registeredAt;\n\n    private String phone;");
        project.maven("process-classes").property("message", "add phone").run().assertSuccess();
        assertThat(project.file(MIGRATIONS + "/V2__add_phone.sql")).content()
                .endsWith("\nalter table Customer add column phone varchar(255);\n");

        assertThat(writtenFiles(project)).contains("src/main/jpa-migrate/undo/U2__add_phone.sql")
                .doesNotContain("src/main/jpa-migrate/undo/U2__add_phone.sql.conf", MIGRATIONS + "/V2__add_phone.sql.conf");

        assertThat(project.build("process-classes").assertSuccess().log()).contains("No model change");
    }

    /** The files generate wrote into the project, relative to it, sorted. */
    private static List<String> writtenFiles(TestProject project) throws IOException {
        try (Stream<Path> paths = Stream.concat(Files.walk(project.file("src/main/jpa-migrate")),
                Files.walk(project.file(MIGRATIONS)))) {
            return paths.filter(Files::isRegularFile).map(p -> project.dir().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static void assertDescriptor(SchemaModel model) {
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

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
