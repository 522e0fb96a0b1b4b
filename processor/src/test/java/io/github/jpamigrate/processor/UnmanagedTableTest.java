package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.descriptorText;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.diff.UnmanagedTables;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 3: entities marked {@code @Immutable}, {@code @Subselect} or {@code @View} are
 * never given a {@code create table}; the descriptor says what they stand for, no foreign key
 * touches them, and the processor says who creates them (JM034).
 */
class UnmanagedTableTest {

    private static final String SHOP = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Shop { @Id Long id; String name; }
            """;
    private static final String TOTALS = """
            package shop;
            import jakarta.persistence.*;
            @Entity @org.hibernate.annotations.Immutable @Table(name = "shop_totals")
            public class ShopTotals { @Id Long shopId; long orderCount; @ManyToOne Shop shop; }
            """;
    private static final String SUMMARY = """
            package shop;
            import jakarta.persistence.*;
            @Entity @org.hibernate.annotations.Immutable
            @org.hibernate.annotations.Subselect("select p.id as id, p.shop_id as shop_id from Purchase p")
            public class OpenOrderSummary { @Id Long id; Long shopId; }
            """;
    private static final String SHELF_VIEW = """
            package shop;
            import jakarta.persistence.*;
            @Entity @org.hibernate.annotations.View(query = "select id, name from Shop")
            public class ShopNames { @Id Long id; String name; }
            """;
    private static final String PURCHASE = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Purchase {
                @Id Long id;
                @ManyToOne Shop shop;
                @ManyToOne @JoinColumn(name = "totals_id") ShopTotals totals;
                @ManyToOne @JoinColumn(name = "summary_id") OpenOrderSummary summary;
                @ManyToOne @JoinColumn(name = "names_id") ShopNames names;
            }
            """;

    @Test
    void eachKindIsRecordedWithItsQuery() {
        SchemaModel model = model(ProcessorHarness.JAKARTA, SHOP, TOTALS, SUMMARY, SHELF_VIEW, PURCHASE);
        assertThat(table(model, "Shop").kind()).isEqualTo(TableKind.TABLE);
        assertThat(table(model, "shop_totals").kind()).isEqualTo(TableKind.EXTERNAL);
        assertThat(table(model, "shop_totals").query()).isNull();
        assertThat(table(model, "OpenOrderSummary").kind()).isEqualTo(TableKind.SUBSELECT);
        assertThat(table(model, "OpenOrderSummary").query()).startsWith("select p.id as id");
        assertThat(table(model, "ShopNames").kind()).isEqualTo(TableKind.VIEW);
        assertThat(table(model, "ShopNames").query()).isEqualTo("select id, name from Shop");
        // the columns stay: verify, check-db and the runtime check compare them
        assertThat(table(model, "shop_totals").column("orderCount")).isPresent();
    }

    @Test
    void noForeignKeyReferencesOrStartsFromThem() {
        SchemaModel model = model(ProcessorHarness.JAKARTA, SHOP, TOTALS, SUMMARY, SHELF_VIEW, PURCHASE);
        assertThat(table(model, "Purchase").foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsExactly("Shop");
        assertThat(table(model, "Purchase").column("totals_id")).as("the join column stays").isPresent();
        assertThat(table(model, "shop_totals").foreignKeys()).isEmpty();
    }

    @Test
    void theFirstMigrationCreatesOnlyTheOrdinaryTablesAndNamesTheOthers() {
        SchemaModel model = model(ProcessorHarness.JAKARTA, SHOP, TOTALS, SUMMARY, SHELF_VIEW, PURCHASE);
        SchemaModel empty = new SchemaModel(model.naming(), model.orm(), model.producer(), List.of(), List.of(),
                List.of(), List.of());
        List<String> created = SchemaDiff.compare(empty, model).stream()
                .filter(c -> c instanceof SchemaChange.TableAdded).map(SchemaChange::table).toList();
        assertThat(created).containsExactly("Purchase", "Shop");
        assertThat(UnmanagedTables.introduced(empty, model)).satisfiesExactly(
                external -> assertThat(external).startsWith("table or view shop_totals (entity shop.ShopTotals)"
                        + " is @Immutable: JPA Migrate does not create it").endsWith("shopId, orderCount, shop_id"),
                view -> assertThat(view).startsWith("view ShopNames (entity shop.ShopNames) is an @View"));
    }

    @TempDir
    Path dir;

    @Test
    void theProcessorSaysWhoCreatesThem() throws Exception {
        Compilation c = compile(ProcessorHarness.JAKARTA, SHOP, TOTALS, SUMMARY, SHELF_VIEW, PURCHASE);
        assertThat(c).succeeded();
        assertThat(c).hadNoteContaining("[JM034] entity shop.ShopTotals is @Immutable (such an entity commonly maps"
                + " a view; jpa-migrate cannot tell a view from a table), so jpa-migrate does not create the table or"
                + " view 'shop_totals' nor the 1 foreign key(s) that would reference it");
        assertThat(c).hadNoteContaining("[JM034] entity shop.ShopNames is an @View");
        assertThat(c.notes().stream().filter(n -> n.getMessage(null).contains("OpenOrderSummary")).toList())
                .as("a subselect has no object to create").isEmpty();
        List<String> checked = CompiledOutput.tables(CompiledOutput.loader(CompiledOutput.write(c, dir, f -> true)),
                "shop.JpaMigrateSchema").stream().map(t -> t.substring(0, t.indexOf(':'))).toList();
        assertThat(checked).as("the runtime check looks for the view and the external object, not the subselect")
                .contains("shop_totals", "ShopNames").doesNotContain("OpenOrderSummary");
    }

    @Test
    void aModelWithSuchAnEntityIsWrittenInFormat3AndReadBack() {
        Compilation c = compile(ProcessorHarness.JAKARTA, SHOP, TOTALS);
        String text = descriptorText(c).orElseThrow();
        assertThat(text).contains("\"format\": \"3.0\"").contains("\"kind\": \"external\"");
        assertThat(DescriptorJson.write(DescriptorJson.read(text, DescriptorFile.PATH))).isEqualTo(text);
        String plain = descriptorText(compile(ProcessorHarness.JAKARTA, SHOP)).orElseThrow();
        assertThat(plain).as("a model without one keeps the old format").contains("\"format\": \"1.0\"")
                .doesNotContain("\"kind\"");
    }
}
