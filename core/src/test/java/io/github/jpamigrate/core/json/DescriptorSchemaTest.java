package io.github.jpamigrate.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that {@code docs/descriptor.schema.json} describes what the writer writes and rejects what
 * the reader rejects, and that the example in {@code docs/descriptor-format.md} is exactly what the
 * writer writes, so the published documents cannot drift from the code.
 */
class DescriptorSchemaTest {

    /** The published schema, relative to the core module directory (where Surefire runs). */
    private static final Path SCHEMA = Path.of("..", "docs", "descriptor.schema.json");
    private static final Path FORMAT_PAGE = Path.of("..", "docs", "descriptor-format.md");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    @Test
    void goldenDescriptorIsValid() throws IOException {
        assertThat(errors(DescriptorGoldenTest.golden())).isEmpty();
    }

    @Test
    void aSnapshotThatRecordsItsMigrationsIsValid() {
        String snapshot = new String(DescriptorJson.writeSnapshot(SampleModels.rich(), java.util.List.of(
                new io.github.jpamigrate.core.migration.MigrationStamp("postgresql",
                        io.github.jpamigrate.core.migration.MigrationFile.parse("V12__add_phone.sql").orElseThrow(), -42,
                        io.github.jpamigrate.core.migration.MigrationVersion.of(11)))), StandardCharsets.UTF_8);

        assertThat(errors(snapshot)).isEmpty();
        assertThat(errors(snapshot.replace("\"checksum\": -42", "\"checksum\": \"-42\""))).isNotEmpty();
    }

    @Test
    void aSnapshotWhoseFollowUpRecordsTheMigrationItCompletesIsValid() {
        String snapshot = new String(DescriptorJson.writeSnapshot(SampleModels.rich(), java.util.List.of(
                new io.github.jpamigrate.core.migration.MigrationStamp("postgresql",
                        io.github.jpamigrate.core.migration.MigrationFile.parse("V13__complete_v12_online.sql").orElseThrow(),
                        -42, io.github.jpamigrate.core.migration.MigrationVersion.of(11),
                        new io.github.jpamigrate.core.migration.MigrationStamp.Completed(
                                io.github.jpamigrate.core.migration.MigrationFile.parse("V12__add_phone.sql").orElseThrow(),
                                7)))), StandardCharsets.UTF_8);

        assertThat(snapshot).contains("\"format\": \"2.2\"");
        assertThat(errors(snapshot)).isEmpty();
        assertThat(errors(snapshot.replace(", \"completesChecksum\": 7", ""))).isNotEmpty();
    }

    @Test
    void emptyModelIsValid() {
        assertThat(errors(DescriptorJson.write(SampleModels.empty()))).isEmpty();
    }

    @Test
    void documentedExampleIsValidAndWrittenExactlyLikeThat() throws IOException {
        String page = Files.readString(FORMAT_PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf("```json\n") + "```json\n".length();
        String example = page.substring(start, page.indexOf("```", start));

        assertThat(errors(example)).isEmpty();
        assertThat(DescriptorJson.write(DescriptorJson.read(example, "descriptor-format.md"))).isEqualTo(example);
    }

    static Stream<Arguments> brokenDescriptors() {
        return Stream.of(
                broken("column without type", "/tables/0/columns/0", n -> n.remove("type")),
                broken("column with unknown field", "/tables/0/columns/0", n -> n.put("colour", "red")),
                broken("unknown type", "/tables/0/columns/0", n -> n.put("type", "varchr(255)")),
                broken("type without length", "/tables/0/columns/0", n -> n.put("type", "varchar")),
                broken("array of arrays", "/tables/0/columns/0", n -> n.put("type", "integer[][]")),
                broken("nullable as text", "/tables/0/columns/0", n -> n.put("nullable", "no")),
                broken("newer major format", "", n -> n.put("format", "4.0")),
                broken("no producer", "", n -> n.remove("producer")),
                broken("unknown on-delete action", "/tables/2/foreignKeys/0", n -> n.put("onDelete", "nothing")),
                broken("unknown enum storage", "/tables/0/columns/4/enum", n -> n.put("storage", "name")),
                broken("empty key", "/tables/0/primaryKey", n -> n.putArray("columns")),
                broken("sequence without increment", "/sequences/0", n -> n.remove("incrementSize")),
                broken("table without name", "/tables/1", n -> n.remove("name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDescriptors")
    void schemaAndReaderBothRejectABrokenDescriptor(String name, String pointer, Consumer<ObjectNode> breakIt)
            throws IOException {
        JsonNode root = MAPPER.readTree(DescriptorGoldenTest.golden());
        breakIt.accept((ObjectNode) root.at(pointer));
        String text = MAPPER.writeValueAsString(root);

        assertThat(errors(text)).as("schema errors for %s", name).isNotEmpty();
        assertThatThrownBy(() -> DescriptorJson.read(text, "broken.json")).isInstanceOf(DescriptorException.class);
    }

    private static Arguments broken(String name, String pointer, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, pointer, breakIt);
    }

    private static List<String> errors(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
