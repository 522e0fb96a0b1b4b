package io.github.jpamigrate.core.json;

import static io.github.jpamigrate.core.json.DescriptorOrder.sorted;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.UniqueConstraint;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a model as descriptor text: fields in a fixed order, collections sorted (columns and enum
 * constants excepted: their order means something), optional fields left out when unset, and
 * each column, constraint, sequence, generator and enum on one line.
 */
final class DescriptorWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** A string list at block level goes on one line when its text is at most this long. */
    private static final int SHORT_LIST = 80;

    @FunctionalInterface
    private interface Part<T> {
        void write(T item) throws IOException;
    }

    private final JsonGenerator gen;
    private final DescriptorPrettyPrinter printer;

    private DescriptorWriter(JsonGenerator gen, DescriptorPrettyPrinter printer) {
        this.gen = gen;
        this.printer = printer;
    }

    static String write(SchemaModel model) {
        return write(model, List.of());
    }

    /** A snapshot: the model and, after the header fields, the migrations it belongs to (left out when none). */
    static String write(SchemaModel model, List<MigrationStamp> migrations) {
        return write(model, migrations, List.of());
    }

    /** A snapshot that records the dialects its migrations are written for (left out when none). */
    static String write(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects) {
        return write(model, migrations, dialects, List.of());
    }

    /** A snapshot with its pending contract steps, after the dialects (left out when none). */
    static String write(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects, List<Expansion> expanded) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            DescriptorPrettyPrinter printer = new DescriptorPrettyPrinter();
            gen.setPrettyPrinter(printer);
            new DescriptorWriter(gen, printer).model(model, migrations, dialects, expanded);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.append('\n').toString();
    }

    private void model(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects, List<Expansion> expanded)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("format", FormatVersion.of(model, !migrations.isEmpty(),
                migrations.stream().anyMatch(m -> m.completes() != null), !dialects.isEmpty(), !expanded.isEmpty()).toString());
        gen.writeStringField("producer", model.producer());
        gen.writeStringField("naming", model.naming());
        gen.writeStringField("orm", model.orm());
        if (!dialects.isEmpty()) {
            strings("dialects", dialects.stream().distinct().sorted().toList());
        }
        lineArray("expanded", sorted(expanded, Comparator.comparing(Expansion::table).thenComparing(Expansion::column)),
                this::expansion);
        lineArray("migrations", sorted(migrations, Comparator.comparing(MigrationStamp::folder)), this::stamp);
        blockArray("tables", sorted(model.tables(), DescriptorOrder.TABLES), this::table);
        lineArray("sequences", sorted(model.sequences(), DescriptorOrder.SEQUENCES), this::sequence);
        lineArray("tableGenerators", sorted(model.tableGenerators(), DescriptorOrder.TABLE_GENERATORS),
                this::tableGenerator);
        lineArray("enums", sorted(model.enums(), DescriptorOrder.ENUMS), this::enumType);
        gen.writeEndObject();
    }

    private void stamp(MigrationStamp stamp) throws IOException {
        gen.writeStartObject();
        if (!stamp.folder().isEmpty()) {
            gen.writeStringField("folder", stamp.folder());
        }
        gen.writeStringField("version", stamp.version().toString());
        gen.writeStringField("file", stamp.file().fileName());
        gen.writeNumberField("checksum", stamp.checksum());
        if (stamp.after() != null) {
            gen.writeStringField("after", stamp.after().toString());
        }
        if (stamp.completes() != null) {
            gen.writeStringField("completes", stamp.completes().file().fileName());
            gen.writeNumberField("completesChecksum", stamp.completes().checksum());
        }
        gen.writeEndObject();
    }

    private void expansion(Expansion e) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("table", e.table());
        gen.writeStringField("column", e.column());
        gen.writeStringField("keeps", e.keeps());
        gen.writeStringField("sync", e.sync());
        gen.writeEndObject();
    }

    private void table(Table table) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", table.name());
        optional("schema", table.schema());
        if (!table.managed()) {
            gen.writeStringField("kind", table.kind().jsonName());
        }
        optional("query", table.query());
        optional("comment", table.comment());
        if (!table.entities().isEmpty()) {
            strings("entities", sorted(table.entities(), Comparator.naturalOrder()));
        }
        lineArray("columns", table.columns(), this::column);
        if (table.primaryKey() != null) {
            gen.writeFieldName("primaryKey");
            printer.inlineNext();
            primaryKey(table.primaryKey());
        }
        lineArray("foreignKeys", sorted(table.foreignKeys(), DescriptorOrder.FOREIGN_KEYS), this::foreignKey);
        lineArray("uniqueConstraints", sorted(table.uniqueConstraints(), DescriptorOrder.UNIQUE_CONSTRAINTS),
                this::uniqueConstraint);
        lineArray("indexes", sorted(table.indexes(), DescriptorOrder.INDEXES), this::index);
        lineArray("checks", sorted(table.checks(), DescriptorOrder.CHECKS), this::check);
        gen.writeEndObject();
    }

    private void column(Column column) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", column.name());
        gen.writeStringField("type", column.type().toString());
        gen.writeBooleanField("nullable", column.nullable());
        flag("unique", column.unique());
        optional("default", column.defaultValue());
        flag("identity", column.identity());
        optional("definition", column.definition());
        if (column.enumRef() != null) {
            gen.writeObjectFieldStart("enum");
            gen.writeStringField("type", column.enumRef().javaType());
            gen.writeStringField("storage", column.enumRef().storage().name().toLowerCase(Locale.ROOT));
            gen.writeEndObject();
        }
        optional("comment", column.comment());
        gen.writeEndObject();
    }

    private void primaryKey(PrimaryKey key) throws IOException {
        gen.writeStartObject();
        optional("name", key.name());
        strings("columns", key.columns());
        gen.writeEndObject();
    }

    private void foreignKey(ForeignKey key) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", key.name());
        strings("columns", key.columns());
        gen.writeStringField("referencedTable", key.referencedTable());
        strings("referencedColumns", key.referencedColumns());
        gen.writeStringField("onDelete", key.onDelete().jsonName());
        gen.writeEndObject();
    }

    private void uniqueConstraint(UniqueConstraint constraint) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", constraint.name());
        strings("columns", constraint.columns());
        gen.writeEndObject();
    }

    private void index(Index index) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", index.name());
        strings("columns", index.columns());
        flag("unique", index.unique());
        gen.writeEndObject();
    }

    private void check(CheckConstraint check) throws IOException {
        gen.writeStartObject();
        optional("name", check.name());
        gen.writeStringField("expression", check.expression());
        gen.writeEndObject();
    }

    private void sequence(Sequence sequence) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", sequence.name());
        optional("schema", sequence.schema());
        gen.writeNumberField("initialValue", sequence.initialValue());
        gen.writeNumberField("incrementSize", sequence.incrementSize());
        gen.writeEndObject();
    }

    private void tableGenerator(TableGenerator generator) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", generator.name());
        gen.writeStringField("table", generator.table());
        optional("segmentColumn", generator.segmentColumn());
        optional("valueColumn", generator.valueColumn());
        optional("segmentValue", generator.segmentValue());
        gen.writeNumberField("initialValue", generator.initialValue());
        gen.writeNumberField("allocationSize", generator.allocationSize());
        gen.writeEndObject();
    }

    private void enumType(EnumType type) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("javaType", type.javaType());
        strings("constants", type.constants());
        gen.writeEndObject();
    }

    /** An array with one entry per line, each written by {@code part}; left out when empty. */
    private <T> void blockArray(String field, List<T> items, Part<T> part) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        gen.writeArrayFieldStart(field);
        for (T item : items) {
            part.write(item);
        }
        gen.writeEndArray();
    }

    /** An array of objects, one object per line; left out when empty. */
    private <T> void lineArray(String field, List<T> items, Part<T> part) throws IOException {
        blockArray(field, items, item -> {
            printer.inlineNext();
            part.write(item);
        });
    }

    /** A string list, on one line when short (always inside a one-line object). */
    private void strings(String field, List<String> values) throws IOException {
        int length = 0;
        for (String value : values) {
            length += value.length() + 4;
        }
        if (length <= SHORT_LIST) {
            printer.inlineNext();
        }
        gen.writeArrayFieldStart(field);
        for (String value : values) {
            gen.writeString(value);
        }
        gen.writeEndArray();
    }

    private void optional(String field, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(field, value);
        }
    }

    /** A flag that is false unless written. */
    private void flag(String field, boolean value) throws IOException {
        if (value) {
            gen.writeBooleanField(field, true);
        }
    }
}
