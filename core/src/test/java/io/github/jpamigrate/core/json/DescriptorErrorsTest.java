package io.github.jpamigrate.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a descriptor can be unreadable gives a {@link DescriptorException} that names the file,
 * the line and column (and JSON Pointer) where it applies, and what to do; never Jackson's internals.
 */
class DescriptorErrorsTest {

    private static final String SOURCE = "src/main/jpa-migrate/model.json";
    private static final String FIX = ". " + SourcePosition.FIX;

    /** A small valid descriptor; the cases below break one thing in it. */
    private static final String VALID = """
            {
              "format": "1.0",
              "producer": "test",
              "naming": "jpa",
              "orm": "hibernate-7",
              "tables": [
                {
                  "name": "customer",
                  "columns": [
                    { "name": "id", "type": "bigint", "nullable": false },
                    { "name": "status", "type": "varchar(20)", "nullable": true }
                  ],
                  "primaryKey": { "columns": ["id"] }
                }
              ]
            }
            """;

    @Test
    void theBaseCaseIsValid() {
        assertThat(DescriptorJson.read(VALID, SOURCE).tables()).hasSize(1);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThat(failure(VALID.replace("\"orm\": \"hibernate-7\",", "\"orm\": \"hibernate-7\",,")))
                .isEqualTo(SOURCE + ", line 5, column 24: not valid JSON: Unexpected character (',' (code 44)):"
                        + " was expecting double-quote to start field name" + FIX);
    }

    @Test
    void duplicateFieldIsMalformed() {
        assertThat(failure(VALID.replace("\"naming\": \"jpa\",", "\"naming\": \"jpa\", \"naming\": \"spring\",")))
                .isEqualTo(SOURCE + ", line 4, column 28: not valid JSON: Duplicate field 'naming'" + FIX);
    }

    @Test
    void truncatedFileSaysSo() {
        assertThat(failure(VALID.substring(0, VALID.indexOf("\"primaryKey\""))))
                .isEqualTo(SOURCE + ", line 13, column 7: the file ends in the middle of the JSON document"
                        + " (truncated or cut off)" + FIX);
    }

    @Test
    void emptyFileSaysSo() {
        String expected = SOURCE + ": the file is empty; it should hold the JSON model descriptor" + FIX;
        assertThat(failure("")).isEqualTo(expected);
        assertThat(failure(" \n\t\n")).isEqualTo(expected);
    }

    @Test
    void nonUtf8BytesAreReportedWithTheirOffset() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        assertThatThrownBy(() -> DescriptorJson.read(png, SOURCE))
                .isInstanceOf(DescriptorException.class)
                .hasMessage(SOURCE + ": not UTF-8 text (byte 0x89 at offset 0 cannot be decoded), so it is a binary"
                        + " file or was saved in another encoding, not a JPA Migrate model descriptor" + FIX);

        byte[] latin1 = VALID.replace("\"test\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        int offset = VALID.indexOf("\"test\"") + 4;
        assertThatThrownBy(() -> DescriptorJson.read(latin1, SOURCE))
                .hasMessageContaining("byte 0xE9 at offset " + offset + " cannot be decoded");
    }

    @Test
    void nulCharacterMeansBinary() {
        assertThat(failure(VALID.replace("\"jpa\"", "\"j\0pa\"")))
                .isEqualTo(SOURCE + ", line 4, column 15: a NUL character: this is a binary file, not a JPA Migrate"
                        + " model descriptor" + FIX);
    }

    @Test
    void byteOrderMarkIsAccepted() {
        byte[] withBom = ("\uFEFF" + VALID).getBytes(StandardCharsets.UTF_8);
        assertThat(DescriptorJson.read(withBom, SOURCE)).isEqualTo(DescriptorJson.read(VALID, SOURCE));
    }

    @Test
    void missingRequiredFieldNamesTheObject() {
        assertThat(failure(VALID.replace("\"type\": \"bigint\", ", "")))
                .isEqualTo(SOURCE + ", line 10, column 9 (/tables/0/columns/0): a column lacks the required field"
                        + " \"type\"" + FIX);
        assertThat(failure(VALID.replace("\"producer\": \"test\",", "")))
                .isEqualTo(SOURCE + ", line 1, column 1: the descriptor lacks the required field \"producer\"" + FIX);
    }

    @Test
    void wrongFieldTypeNamesFieldAndPosition() {
        assertThat(failure(VALID.replace("\"nullable\": false", "\"nullable\": \"no\"")))
                .isEqualTo(SOURCE + ", line 10, column 55 (/tables/0/columns/0/nullable): \"nullable\" must be true"
                        + " or false, found a string" + FIX);
        assertThat(failure(VALID.replace("\"columns\": [\"id\"]", "\"columns\": \"id\"")))
                .isEqualTo(SOURCE + ", line 13, column 34 (/tables/0/primaryKey/columns): \"columns\" must be an"
                        + " array, found a string" + FIX);
        assertThat(failure(VALID.replace("\"columns\": [\"id\"]", "\"columns\": [1]")))
                .isEqualTo(SOURCE + ", line 13, column 35 (/tables/0/primaryKey/columns/0): each entry must be a"
                        + " string, found a number" + FIX);
        assertThat(failure(VALID.replace("\"tables\": [", "\"tables\": [ 7,")))
                .isEqualTo(SOURCE + ", line 6, column 15 (/tables/0): expected a table (a JSON object), found a"
                        + " number" + FIX);
    }

    @Test
    void numbersMustBeWholeAndInRange() {
        String withSequence = VALID.replace("  ]\n}", "  ],\n  \"sequences\": [ { \"name\": \"s\", \"initialValue\": 1,"
                + " \"incrementSize\": 50 } ]\n}");
        assertThat(DescriptorJson.read(withSequence, SOURCE).sequences()).hasSize(1);
        assertThat(failure(withSequence.replace("\"incrementSize\": 50", "\"incrementSize\": 1.5")))
                .contains("(/sequences/0/incrementSize): \"incrementSize\" must be a whole number, found a number");
        assertThat(failure(withSequence.replace("\"incrementSize\": 50", "\"incrementSize\": 3000000000")))
                .contains("(/sequences/0/incrementSize): \"incrementSize\" is out of range: 3000000000");
        assertThat(failure(withSequence.replace("\"initialValue\": 1", "\"initialValue\": 99999999999999999999")))
                .contains("(/sequences/0/initialValue): \"initialValue\" is too large: 99999999999999999999");
    }

    @Test
    void unknownTypeStringListsTheKnownOnes() {
        assertThat(failure(VALID.replace("\"bigint\"", "\"bigint2\"")))
                .startsWith(SOURCE + ", line 10, column 33 (/tables/0/columns/0/type): unknown column type 'bigint2';"
                        + " types are written like varchar(255), decimal(38,2) or, for an array, integer[], from: boolean, tinyint,")
                .endsWith(", json, xml" + FIX);
        assertThat(failure(VALID.replace("\"varchar(20)\"", "\"varchar\"")))
                .contains("(/tables/0/columns/1/type): column type 'varchar': type varchar takes a positive length");
        assertThat(failure(VALID.replace("\"varchar(20)\"", "\"varchar(20)[][]\"")))
                .contains("(/tables/0/columns/1/type): array type 'varchar(20)[][]': type array takes an element type"
                        + " that is not an array");
        assertThat(failure(VALID.replace("\"varchar(20)\"", "\"array\"")))
                .contains("(/tables/0/columns/1/type): column type 'array': type array takes an element type");
    }

    @Test
    void unknownEnumeratedValuesListTheKnownOnes() {
        String withForeignKey = VALID.replace("\"primaryKey\": { \"columns\": [\"id\"] }",
                "\"primaryKey\": { \"columns\": [\"id\"] },\n      \"foreignKeys\": [ { \"name\": \"fk\", \"columns\":"
                        + " [\"id\"], \"referencedTable\": \"customer\", \"referencedColumns\": [\"id\"],"
                        + " \"onDelete\": \"nothing\" } ]");
        assertThat(failure(withForeignKey)).contains("(/tables/0/foreignKeys/0/onDelete): unknown on-delete action"
                + " \"nothing\"; use one of no_action, cascade, set_null, set_default, restrict" + FIX);
        String withEnum = VALID.replace("\"nullable\": true }",
                "\"nullable\": true, \"enum\": { \"type\": \"a.B\", \"storage\": \"name\" } }");
        assertThat(failure(withEnum)).contains("(/tables/0/columns/1/enum/storage): unknown enum storage \"name\";"
                + " use \"string\" or \"ordinal\"" + FIX);
    }

    @Test
    void unknownFieldInTheCurrentFormatIsAnError() {
        assertThat(failure(VALID.replace("\"nullable\": true }", "\"nullable\": true, \"colour\": \"red\" }")))
                .isEqualTo(SOURCE + ", line 11, column 70 (/tables/0/columns/1/colour): unknown field \"colour\" in a"
                        + " column; descriptor format 1.0 knows name, type, nullable, unique, default, identity,"
                        + " definition, enum, comment" + FIX);
    }

    @Test
    void newerMinorFormatIsReadAndItsNewFieldsIgnored() {
        String newer = VALID.replace("\"format\": \"1.0\"", "\"format\": \"1.7\"")
                .replace("\"orm\": \"hibernate-7\",",
                        "\"orm\": \"hibernate-7\", \"generatedBy\": { \"tool\": [1, 2] },")
                .replace("\"name\": \"customer\",", "\"name\": \"customer\", \"partitioning\": null,")
                .replace("\"nullable\": true }", "\"nullable\": true, \"collation\": \"C\" }");

        assertThat(DescriptorJson.read(newer, SOURCE)).isEqualTo(DescriptorJson.read(VALID, SOURCE));
    }

    @Test
    void newerMajorFormatIsRefusedBeforeAnythingElse() {
        String expected = SOURCE + " was written in descriptor format 4.0 by a newer JPA Migrate; this version reads"
                + " format 1.x, 2.x or 3.x — upgrade the jpa-migrate plugin/processor.";
        assertThat(failure(VALID.replace("\"format\": \"1.0\"", "\"format\": \"4.0\""))).isEqualTo(expected);
        // A 4.0 file may look nothing like 3.x; the version is still what the user is told about.
        assertThat(failure("{ \"format\": \"4.0\", \"tables\": { \"customer\": {} } }")).isEqualTo(expected);
    }

    @Test
    void tableKindMustBeKnownAndForeignKeysCannotReferenceAView() {
        String view = VALID.replace("\"format\": \"1.0\"", "\"format\": \"3.0\"")
                .replace("\"name\": \"customer\",", "\"name\": \"customer\", \"kind\": \"materialized\",");
        assertThat(failure(view)).contains("unknown table kind \"materialized\"; use one of [view, subselect, external]"
                + " (leave \"kind\" out for an ordinary table)");
        String query = VALID.replace("\"name\": \"customer\",", "\"name\": \"customer\", \"query\": \"select 1\",");
        assertThat(failure(query)).contains("table customer is a table: only a view or a subselect has a query");
    }

    @Test
    void formatMustBePresentAndWellFormed() {
        assertThat(failure(VALID.replace("\"format\": \"1.0\",", "")))
                .isEqualTo(SOURCE + ", line 1, column 1: the descriptor has no \"format\" field, so it is not a JPA"
                        + " Migrate model descriptor" + FIX);
        assertThat(failure(VALID.replace("\"format\": \"1.0\"", "\"format\": \"1\"")))
                .isEqualTo(SOURCE + ", line 2, column 13 (/format): \"format\" must be a version such as \"1.0\","
                        + " found \"1\"" + FIX);
        assertThat(failure(VALID.replace("\"format\": \"1.0\"", "\"format\": 1.0")))
                .isEqualTo(SOURCE + ", line 2, column 13 (/format): \"format\" must be a string, found a number" + FIX);
        assertThat(failure(VALID.replace("\"format\": \"1.0\"", "\"format\": \"0.9\"")))
                .isEqualTo(SOURCE + " uses descriptor format 0.9, which no released JPA Migrate wrote; this version"
                        + " reads format 1.x, 2.x or 3.x" + FIX);
    }

    @Test
    void documentMustBeOneObject() {
        assertThat(failure("[]")).isEqualTo(SOURCE + ", line 1, column 1: expected the descriptor (a JSON object),"
                + " found an array" + FIX);
        assertThat(failure(VALID + "{}")).isEqualTo(SOURCE + ", line 17, column 1: found an object after the end of"
                + " the descriptor object; a file holds exactly one descriptor" + FIX);
    }

    @Test
    void primaryKeyColumnMustExist() {
        assertThat(failure(VALID.replace("\"columns\": [\"id\"]", "\"columns\": [\"idd\"]")))
                .isEqualTo(SOURCE + ", line 13, column 21 (/tables/0/primaryKey): the primary key of table \"customer\""
                        + " names column \"idd\", which the table does not have" + FIX);
    }

    @Test
    void foreignKeyMustReferenceATableAndColumnsInTheDescriptor() {
        String template = VALID.replace("\"primaryKey\": { \"columns\": [\"id\"] }",
                "\"primaryKey\": { \"columns\": [\"id\"] },\n      \"foreignKeys\": [ { \"name\": \"fk_status\","
                        + " \"columns\": [\"COL\"], \"referencedTable\": \"TABLE\", \"referencedColumns\": [\"REF\"],"
                        + " \"onDelete\": \"cascade\" } ]");
        String valid = template.replace("COL", "status").replace("TABLE", "CUSTOMER").replace("REF", "ID");
        assertThat(DescriptorJson.read(valid, SOURCE).tables().get(0).foreignKeys()).hasSize(1);

        String where = SOURCE + ", line 14, column 24 (/tables/0/foreignKeys/0): foreign key \"fk_status\" of table"
                + " \"customer\" ";
        assertThat(failure(template.replace("COL", "status").replace("TABLE", "client").replace("REF", "id")))
                .isEqualTo(where + "references table \"client\", which is not in the descriptor" + FIX);
        assertThat(failure(template.replace("COL", "status").replace("TABLE", "customer").replace("REF", "code")))
                .isEqualTo(where + "references column \"code\" of table \"customer\", which that table does not have"
                        + FIX);
        assertThat(failure(template.replace("COL", "state").replace("TABLE", "customer").replace("REF", "id")))
                .isEqualTo(where + "names column \"state\", which the table does not have" + FIX);
    }

    @Test
    void indexAndUniqueConstraintColumnsMustExist() {
        String template = VALID.replace("\"primaryKey\": { \"columns\": [\"id\"] }",
                "\"primaryKey\": { \"columns\": [\"id\"] },\n      \"uniqueConstraints\": [ { \"name\": \"uk\","
                        + " \"columns\": [\"UK\"] } ],\n      \"indexes\": [ { \"name\": \"ix\","
                        + " \"columns\": [\"IX\"] } ]");
        assertThat(DescriptorJson.read(template.replace("UK", "status").replace("IX", "status DESC"), SOURCE)
                .tables().get(0).indexes().get(0).columns()).containsExactly("status DESC");
        assertThat(failure(template.replace("UK", "state").replace("IX", "status")))
                .contains("(/tables/0/uniqueConstraints/0): unique constraint \"uk\" of table \"customer\" names column"
                        + " \"state\", which the table does not have");
        assertThat(failure(template.replace("UK", "status").replace("IX", "state asc")))
                .contains("(/tables/0/indexes/0): index \"ix\" of table \"customer\" names column \"state\",");
    }

    @Test
    void enumColumnMustHaveItsEnumListed() {
        String withEnum = VALID.replace("\"nullable\": true }",
                "\"nullable\": true, \"enum\": { \"type\": \"com.acme.Status\", \"storage\": \"string\" } }");
        assertThat(failure(withEnum)).isEqualTo(SOURCE + ", line 11, column 9 (/tables/0/columns/1): column \"status\""
                + " of table \"customer\" stores enum com.acme.Status, which is not in the descriptor's \"enums\""
                + FIX);
        String listed = withEnum.replace("  ]\n}", "  ],\n  \"enums\": [ { \"javaType\": \"com.acme.Status\","
                + " \"constants\": [\"A\", \"B\"] } ]\n}");
        assertThat(DescriptorJson.read(listed, SOURCE).enums()).hasSize(1);
    }

    @Test
    void tableGeneratorMustUseATableInTheDescriptor() {
        String template = VALID.replace("  ]\n}", "  ],\n  \"tableGenerators\": [ { \"name\": \"gen\","
                + " \"table\": \"T\", \"valueColumn\": \"V\", \"initialValue\": 0, \"allocationSize\": 50 } ]\n}");
        assertThat(DescriptorJson.read(template.replace("\"T\"", "\"customer\"").replace("\"V\"", "\"id\""), SOURCE)
                .tableGenerators()).hasSize(1);
        assertThat(failure(template.replace("\"T\"", "\"id_gen\"").replace("\"V\"", "\"id\"")))
                .contains("(/tableGenerators/0): table generator \"gen\" uses table \"id_gen\", which is not in the"
                        + " descriptor");
        assertThat(failure(template.replace("\"T\"", "\"customer\"").replace("\"V\"", "\"next_val\"")))
                .contains("table generator \"gen\" uses column \"next_val\" of table \"customer\", which that table"
                        + " does not have");
    }

    @Test
    void namesMustNotRepeat() {
        assertThat(failure(VALID.replace("\"name\": \"status\"", "\"name\": \"ID\"")))
                .isEqualTo(SOURCE + ", line 11, column 9 (/tables/0/columns/1): column \"ID\" of table \"customer\" is"
                        + " listed twice (first at line 10)" + FIX);
        String twoTables = VALID.replace("  ]\n}", "  ,{ \"name\": \"Customer\" } ]\n}");
        assertThat(failure(twoTables)).contains("(/tables/1): table \"Customer\" is listed twice (first at line 7)");
        assertThat(DescriptorJson.read(twoTables.replace("\"name\": \"Customer\"",
                "\"name\": \"Customer\", \"schema\": \"archive\""), SOURCE).tables()).hasSize(2);
    }

    @Test
    void modelRulesAreReportedAtTheObject() {
        String template = VALID.replace("\"primaryKey\": { \"columns\": [\"id\"] }",
                "\"primaryKey\": { \"columns\": [\"id\"] },\n      \"foreignKeys\": [ { \"name\": \"fk\", \"columns\":"
                        + " [\"id\", \"status\"], \"referencedTable\": \"customer\", \"referencedColumns\": [\"id\"],"
                        + " \"onDelete\": \"cascade\" } ]");
        assertThat(failure(template)).isEqualTo(SOURCE + ", line 14, column 24 (/tables/0/foreignKeys/0): foreign"
                + " key fk needs as many columns as it references" + FIX);
        assertThat(failure(VALID.replace("\"columns\": [\"id\"]", "\"columns\": []")))
                .contains("(/tables/0/primaryKey): a primary key needs at least one column");
        assertThat(failure(VALID.replace("\"name\": \"customer\"", "\"name\": \" \"")))
                .contains("(/tables/0): table name is missing");
    }

    @Test
    void readingAFileNamesItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.json");
        Files.writeString(file, VALID.replace("\"bigint\"", "\"bigint2\""));

        assertThatThrownBy(() -> DescriptorJson.read(file))
                .isInstanceOf(DescriptorException.class)
                .hasMessageStartingWith(file + ", line 10, column 33");
        assertThatThrownBy(() -> DescriptorJson.read(dir.resolve("absent.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    /** The message of the failure, after checking what every message must be like. */
    private static String failure(String json) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> DescriptorJson.read(json, SOURCE));
        assertThat(thrown).isInstanceOf(DescriptorException.class);
        String message = thrown.getMessage();
        assertThat(message)
                .startsWith(SOURCE)
                .doesNotContain("\n", "com.fasterxml", "[Source", "Exception", "REDACTED");
        return message;
    }
}
