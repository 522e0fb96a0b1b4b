package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.model.TypeKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Round trip, byte stability, ordering and layout of the descriptor text. */
class DescriptorJsonTest {

    private static final SchemaModel RICH = SampleModels.rich();

    @Test
    void readingWhatWasWrittenGivesTheSameModel() {
        SchemaModel back = DescriptorJson.read(DescriptorJson.write(RICH), "model.json");

        assertThat(back).isEqualTo(RICH);
        // Spot checks that equality covers what matters: nested optional fields survive.
        Table customer = back.table("customer").orElseThrow();
        assertThat(customer.comment()).isEqualTo("Registered buyers — «VIP» included\nsecond line");
        assertThat(customer.column("profile").orElseThrow().definition()).isEqualTo("jsonb not null default '{}'");
        assertThat(customer.column("tier").orElseThrow().enumRef().storage().name()).isEqualTo("ORDINAL");
        assertThat(back.table("purchase_order").orElseThrow().schema()).isEqualTo("sales");
    }

    @Test
    void richModelCoversEveryTypeKind() {
        Set<TypeKind> used = RICH.tables().stream().flatMap(t -> t.columns().stream())
                .map(c -> c.type().kind()).collect(Collectors.toCollection(() -> EnumSet.noneOf(TypeKind.class)));
        // A new kind must be added to the sample model, the golden file and docs/descriptor.schema.json.
        assertThat(used).containsExactlyInAnyOrder(TypeKind.values());
    }

    /**
     * Arrays and the national character types came with format 2.0; a model without them is still
     * written as 1.0, byte for byte as before, so older readers keep reading it.
     */
    @Test
    void theFormatIsTheOldestThatHoldsTheModel() {
        SchemaModel withoutNewTypes = withColumn(Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 40), true));
        SchemaModel withArray = withColumn(Column.of("tags", ColumnType.arrayOf(ColumnType.of(TypeKind.INTEGER)), true));
        SchemaModel withNational = withColumn(Column.of("name", ColumnType.withLength(TypeKind.NVARCHAR, 40), true));

        assertThat(DescriptorJson.write(withoutNewTypes)).contains("\"format\": \"1.0\"");
        assertThat(DescriptorJson.write(withArray)).contains("\"format\": \"2.0\"");
        assertThat(DescriptorJson.write(withNational)).contains("\"format\": \"2.0\"");
        for (SchemaModel model : List.of(withoutNewTypes, withArray, withNational)) {
            assertThat(DescriptorJson.read(DescriptorJson.write(model), "model.json")).isEqualTo(model);
        }
    }

    /** A table kind other than an ordinary table came with 3.0: an older reader would create a table for it. */
    @Test
    void aViewOrExternalObjectIsWrittenInFormat3() {
        SchemaModel plain = withColumn(Column.of("tags", ColumnType.arrayOf(ColumnType.of(TypeKind.INTEGER)), true));
        Table view = plain.tables().get(0);
        SchemaModel withView = new SchemaModel("jpa", "hibernate-7", "t", List.of(new Table(view.name(), null,
                view.columns(), null, List.of(), List.of(), List.of(), List.of(), null, List.of(), TableKind.VIEW,
                "select 1 as id, null as tags")), List.of(), List.of(), List.of());

        String text = DescriptorJson.write(withView);
        assertThat(text).contains("\"format\": \"3.0\"").contains("\"kind\": \"view\"")
                .contains("\"query\": \"select 1 as id, null as tags\"");
        assertThat(DescriptorJson.read(text, "model.json")).isEqualTo(withView);
    }

    private static SchemaModel withColumn(Column column) {
        Table table = new Table("t", null, List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false), column),
                null, List.of(), List.of(), List.of(), List.of(), null, List.of());
        return new SchemaModel("jpa", "hibernate-7", "t", List.of(table), List.of(), List.of(), List.of());
    }

    @Test
    void writingIsByteStable() {
        String first = DescriptorJson.write(RICH);
        String second = DescriptorJson.write(DescriptorJson.read(first, "model.json"));

        assertThat(second).isEqualTo(first);
        assertThat(DescriptorJson.writeBytes(RICH)).isEqualTo(first.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sortedListsDoNotDependOnInputOrder() {
        String expected = DescriptorJson.write(RICH);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            assertThat(DescriptorJson.write(shuffled(RICH, random))).isEqualTo(expected);
        }
    }

    @Test
    void columnOrderAndEnumConstantOrderAreKept() {
        Table customer = SampleModels.customer();
        List<Column> reversed = new ArrayList<>(customer.columns());
        Collections.reverse(reversed);
        SchemaModel model = ModelBuilder.model()
                .table(TableBuilder.table("customer").columns(reversed).primaryKey(customer.primaryKey()))
                .enums(RICH.enums()).build();

        String text = DescriptorJson.write(model);
        SchemaModel back = DescriptorJson.read(text, "model.json");

        assertThat(back.tables().get(0).columns()).isEqualTo(reversed);
        assertThat(text.indexOf("\"external_id\"")).isLessThan(text.indexOf("\"id\""));
        assertThat(back.enumType(SampleModels.TIER).orElseThrow().constants())
                .containsExactly("GOLD", "SILVER", "BRONZE");
    }

    @Test
    void tablesSortCaseInsensitivelyThenExactly() {
        SchemaModel model = ModelBuilder.of(table("b", "Zebra"), table("a", "apple"), table("b", "ITEM"), table("a", "item"));

        String text = DescriptorJson.write(model);

        assertThat(text.indexOf("\"apple\"")).isLessThan(text.indexOf("\"ITEM\""));
        assertThat(text.indexOf("\"ITEM\"")).isLessThan(text.indexOf("\"item\""));
        assertThat(text.indexOf("\"item\"")).isLessThan(text.indexOf("\"Zebra\""));
    }

    @Test
    void emptyModelHasOnlyTheHeader() {
        assertThat(DescriptorJson.write(SampleModels.empty())).isEqualTo("""
                {
                  "format": "1.0",
                  "producer": "test",
                  "naming": "jpa",
                  "orm": "hibernate-6.6"
                }
                """);
        SchemaModel empty = SampleModels.empty();
        assertThat(DescriptorJson.read(DescriptorJson.write(empty), "x")).isEqualTo(empty);
    }

    @Test
    void layoutIsOneObjectPerLineWithLfEndings() {
        String text = DescriptorJson.write(RICH);
        List<String> lines = text.lines().toList();

        assertThat(text).doesNotContain("\r").endsWith("}\n").doesNotEndWith("\n\n");
        assertThat(lines).contains(
                "  \"format\": \"2.0\",",
                "      \"entities\": [\"com.acme.shop.Order\", \"com.acme.shop.SpecialOrder\"],",
                "        { \"name\": \"id\", \"type\": \"bigint\", \"nullable\": false, \"identity\": true },",
                "      \"primaryKey\": { \"name\": \"pk_order_line\", \"columns\": [\"order_id\", \"line_no\"] },",
                "    { \"name\": \"audit_seq\", \"schema\": \"sales\", \"initialValue\": 100, \"incrementSize\": 1 },");
        // Every line is indented by a multiple of two spaces, never tabs.
        assertThat(lines).allSatisfy(line -> {
            int indent = line.length() - line.stripLeading().length();
            assertThat(indent % 2).isZero();
            assertThat(line).doesNotContain("\t");
        });
        long columnLines = lines.stream()
                .filter(l -> l.startsWith("        { \"name\": ") && l.contains("\"nullable\": ")).count();
        long columns = RICH.tables().stream().mapToLong(t -> t.columns().size()).sum();
        assertThat(columnLines).isEqualTo(columns);
    }

    @Test
    void longStringListsGoOneEntryPerLine() {
        List<String> entities = Arrays.asList("com.acme.shop.inheritance.Vehicle", "com.acme.shop.inheritance.Car",
                "com.acme.shop.inheritance.Truck");
        SchemaModel model = ModelBuilder.of(TableBuilder.table("vehicle")
                .column(Column.of("id", ColumnType.of(TypeKind.BIGINT), false)).entities(entities).build());

        String text = DescriptorJson.write(model);

        assertThat(text).contains("""
                      "entities": [
                        "com.acme.shop.inheritance.Car",
                        "com.acme.shop.inheritance.Truck",
                        "com.acme.shop.inheritance.Vehicle"
                      ],
                """);
        assertThat(DescriptorJson.read(text, "x").tables().get(0).entities()).hasSize(3);
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8NotEscaped() {
        byte[] bytes = DescriptorJson.writeBytes(RICH);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).contains("«VIP»").doesNotContain("\\u00AB");
        assertThat(DescriptorJson.read(bytes, "model.json")).isEqualTo(RICH);
    }

    private static Table table(String schema, String name) {
        return TableBuilder.table(name).schema(schema).column(Column.of("id", ColumnType.of(TypeKind.BIGINT), false)).build();
    }

    /** The same model with every list the writer sorts in a random order. */
    private static SchemaModel shuffled(SchemaModel model, Random random) {
        List<Table> tables = model.tables().stream().map(t -> TableBuilder.from(t).foreignKeys(shuffle(t.foreignKeys(), random))
                .uniques(shuffle(t.uniqueConstraints(), random)).indexes(shuffle(t.indexes(), random))
                .checks(shuffle(t.checks(), random)).entities(shuffle(t.entities(), random)).build()).toList();
        return ModelBuilder.from(model).tables(shuffle(tables, random)).sequences(shuffle(model.sequences(), random))
                .tableGenerators(shuffle(model.tableGenerators(), random)).enums(shuffle(model.enums(), random)).build();
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
