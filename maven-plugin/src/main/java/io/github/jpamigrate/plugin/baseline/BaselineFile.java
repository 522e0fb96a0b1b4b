package io.github.jpamigrate.plugin.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.plugin.io.AtomicFileSet;
import io.github.jpamigrate.plugin.io.ProjectFileException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed drift baseline ({@code src/main/jpa-migrate/drift-baseline.json}, beside the
 * snapshot): a JSON document with each accepted item's id, kind, table, since when it is accepted,
 * and the object as the database has it and as the model said, in words the descriptor uses
 * ({@code "type": "varchar(255)"}). Items sorted by id, fields in a fixed order, LF line endings:
 * the same baseline is the same bytes.
 */
public final class BaselineFile {

    /** The version of the file's layout; a reader refuses a newer one. */
    static final int FORMAT = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Path path;

    public BaselineFile(Path path) {
        this.path = path;
    }

    /**
     * The baseline; empty when the file does not exist (a project adopted before baselines, or
     * started with JPA Migrate).
     *
     * @throws ProjectFileException when the file is not a baseline, naming it and the fix
     */
    public DriftBaseline read() throws IOException {
        if (!Files.exists(path)) {
            return DriftBaseline.EMPTY;
        }
        return parse(Files.readAllBytes(path), path.getFileName().toString());
    }

    /**
     * The baseline in {@code content}, e.g. the file as a git revision holds it.
     *
     * @param where the file as the message names it ({@code drift-baseline.json at v1.2})
     * @throws ProjectFileException when the content is not a baseline, naming {@code where} and the fix
     */
    public static DriftBaseline parse(byte[] content, String where) throws IOException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            Object root = value(parser, parser.nextToken());
            return baseline(root);
        } catch (JsonProcessingException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new ProjectFileException("the drift baseline " + where + " cannot be read: "
                    + e.getMessage() + ". It is written by jpa-migrate:init and jpa-migrate:generate; restore it from"
                    + " version control (after a merge conflict, keep the items of both sides that are still listed"
                    + " in either).", e);
        }
    }

    /**
     * Puts the baseline into a goal's file set: written when it changes, and removed when it has no
     * item left (every accepted difference reconciled, or made moot by the entities), since an empty
     * baseline and no file are the same and {@code "items": []} would only be a file to review.
     *
     * @return whether the set removes the file (the goal says so: the written files do not list it)
     */
    public static boolean stage(AtomicFileSet files, Path path, DriftBaseline baseline) throws IOException {
        if (baseline.isEmpty()) {
            if (Files.exists(path)) {
                files.delete(path);
                return true;
            }
            return false;
        }
        if (differs(path, baseline)) {
            files.replace(path, content(baseline));
        }
        return false;
    }

    /** The bytes to store for a baseline. */
    public static byte[] content(DriftBaseline baseline) {
        StringWriter out = new StringWriter();
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            // Objects one field a line; arrays (column lists) on the line of their field.
            gen.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf)
                    .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));
            gen.writeStartObject();
            gen.writeNumberField("format", FORMAT);
            gen.writeStringField("about", "Differences between the schema the migrations build and the entity"
                    + " model that were accepted when the project was adopted (jpa-migrate:init). check, verify and"
                    + " check-db list them without failing; generate leaves them alone unless"
                    + " -Djpamigrate.reconcile=<id> asks for the migration that makes the database follow the model.");
            gen.writeArrayFieldStart("items");
            for (DriftItem item : baseline.items()) {
                gen.writeStartObject();
                gen.writeStringField("id", item.id());
                gen.writeStringField("kind", item.kind().jsonName());
                gen.writeStringField("table", item.table());
                gen.writeStringField("since", item.since());
                side(gen, "database", item.database());
                side(gen, "model", item.model());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the file at {@code path} does not hold this baseline yet (an empty baseline and no
     * file are the same), so that a goal rewrites it only when it changes.
     */
    public static boolean differs(Path path, DriftBaseline baseline) throws IOException {
        if (!Files.exists(path)) {
            return !baseline.isEmpty();
        }
        return !java.util.Arrays.equals(Files.readAllBytes(path), content(baseline));
    }

    // --- writing -------------------------------------------------------------------------------

    private static void side(JsonGenerator gen, String field, Object part) throws IOException {
        gen.writeFieldName(field);
        if (part == null) {
            gen.writeNull();
        } else if (part instanceof Table t) {
            table(gen, t);
        } else if (part instanceof Column c) {
            column(gen, c);
        } else if (part instanceof PrimaryKey k) {
            gen.writeStartObject();
            gen.writeStringField("name", k.name());
            strings(gen, "columns", k.columns());
            gen.writeEndObject();
        } else if (part instanceof ForeignKey k) {
            foreignKey(gen, k);
        } else if (part instanceof UniqueConstraint u) {
            gen.writeStartObject();
            gen.writeStringField("name", u.name());
            strings(gen, "columns", u.columns());
            gen.writeEndObject();
        } else {
            index(gen, (Index) part);
        }
    }

    private static void table(JsonGenerator gen, Table t) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", t.name());
        if (t.schema() != null) {
            gen.writeStringField("schema", t.schema());
        }
        gen.writeArrayFieldStart("columns");
        for (Column c : t.columns()) {
            column(gen, c);
        }
        gen.writeEndArray();
        if (t.primaryKey() != null) {
            side(gen, "primaryKey", t.primaryKey());
        }
        gen.writeArrayFieldStart("foreignKeys");
        for (ForeignKey k : t.foreignKeys()) {
            foreignKey(gen, k);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("uniqueConstraints");
        for (UniqueConstraint u : t.uniqueConstraints()) {
            gen.writeStartObject();
            gen.writeStringField("name", u.name());
            strings(gen, "columns", u.columns());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("indexes");
        for (Index i : t.indexes()) {
            index(gen, i);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void column(JsonGenerator gen, Column c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", c.name());
        gen.writeStringField("type", c.type().toString());
        gen.writeBooleanField("nullable", c.nullable());
        if (c.unique()) {
            gen.writeBooleanField("unique", true);
        }
        if (c.defaultValue() != null) {
            gen.writeStringField("default", c.defaultValue());
        }
        if (c.identity()) {
            gen.writeBooleanField("identity", true);
        }
        if (c.definition() != null) {
            gen.writeStringField("definition", c.definition());
        }
        if (c.enumRef() != null) {
            gen.writeStringField("enum", c.enumRef().javaType());
            gen.writeStringField("enumStorage", c.enumRef().storage().name());
        }
        if (c.comment() != null) {
            gen.writeStringField("comment", c.comment());
        }
        gen.writeEndObject();
    }

    private static void foreignKey(JsonGenerator gen, ForeignKey k) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", k.name());
        strings(gen, "columns", k.columns());
        gen.writeStringField("referencedTable", k.referencedTable());
        strings(gen, "referencedColumns", k.referencedColumns());
        gen.writeStringField("onDelete", k.onDelete().jsonName());
        gen.writeEndObject();
    }

    private static void index(JsonGenerator gen, Index i) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", i.name());
        strings(gen, "columns", i.columns());
        gen.writeBooleanField("unique", i.unique());
        gen.writeEndObject();
    }

    private static void strings(JsonGenerator gen, String field, List<String> values) throws IOException {
        gen.writeArrayFieldStart(field);
        for (String value : values) {
            gen.writeString(value);
        }
        gen.writeEndArray();
    }

    // --- reading -------------------------------------------------------------------------------

    /** A JSON value as maps, lists, strings, numbers, booleans and null (the file is small). */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IllegalArgumentException("the file is empty");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getIntValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + token + " at line "
                    + parser.currentLocation().getLineNr());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static DriftBaseline baseline(Object root) {
        Map<String, Object> document = object(root, "the document");
        Object format = document.get("format");
        if (!(format instanceof Integer version) || version > FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not " + FORMAT + " (a newer"
                    + " jpa-migrate-maven-plugin wrote it? use the version the project's pom.xml pins)");
        }
        List<DriftItem> items = new ArrayList<>();
        for (Object entry : (List<?>) document.get("items")) {
            Map<String, Object> item = object(entry, "an item");
            String id = text(item, "id");
            DriftItem.Kind kind = DriftItem.Kind.fromJsonName(text(item, "kind"));
            if (kind == null) {
                throw new IllegalArgumentException("item " + id + " has an unknown kind \"" + item.get("kind") + "\"");
            }
            DriftItem read = new DriftItem(id, kind, text(item, "table"), part(kind, item.get("database")),
                    part(kind, item.get("model")), text(item, "since"));
            Object part = read.database() != null ? read.database() : read.model();
            if (!DriftItem.id(kind, read.table(), part).equals(id)) {
                throw new IllegalArgumentException("item " + id + " describes " + DriftItem.id(kind, read.table(), part)
                        + " (was the id edited?)");
            }
            items.add(read);
        }
        return new DriftBaseline(items);
    }

    private static Object part(DriftItem.Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> o = object(value, "a side of an item");
        return switch (kind) {
            case TABLE -> table(o);
            case COLUMN -> column(o);
            case PRIMARY_KEY -> new PrimaryKey((String) o.get("name"), strings(o, "columns"));
            case FOREIGN_KEY -> foreignKey(o);
            case UNIQUE -> new UniqueConstraint(text(o, "name"), strings(o, "columns"));
            case INDEX -> index(o);
        };
    }

    private static Table table(Map<String, Object> o) {
        List<Column> columns = new ArrayList<>();
        ((List<?>) o.get("columns")).forEach(c -> columns.add(column(object(c, "a column"))));
        PrimaryKey key = o.get("primaryKey") == null ? null
                : (PrimaryKey) part(DriftItem.Kind.PRIMARY_KEY, o.get("primaryKey"));
        List<ForeignKey> keys = new ArrayList<>();
        ((List<?>) o.get("foreignKeys")).forEach(k -> keys.add(foreignKey(object(k, "a foreign key"))));
        List<UniqueConstraint> uniques = new ArrayList<>();
        ((List<?>) o.get("uniqueConstraints")).forEach(u -> uniques.add(
                (UniqueConstraint) part(DriftItem.Kind.UNIQUE, u)));
        List<Index> indexes = new ArrayList<>();
        ((List<?>) o.get("indexes")).forEach(i -> indexes.add(index(object(i, "an index"))));
        return new Table(text(o, "name"), (String) o.get("schema"), columns, key, keys, uniques, indexes, List.of(), null,
                List.of());
    }

    private static Column column(Map<String, Object> o) {
        EnumRef enumRef = o.get("enum") == null ? null
                : new EnumRef(text(o, "enum"), EnumStorage.valueOf(text(o, "enumStorage")));
        return new Column(text(o, "name"), ColumnType.parse(text(o, "type")), Boolean.TRUE.equals(o.get("nullable")),
                Boolean.TRUE.equals(o.get("unique")), (String) o.get("default"), Boolean.TRUE.equals(o.get("identity")),
                (String) o.get("definition"), enumRef, (String) o.get("comment"));
    }

    private static ForeignKey foreignKey(Map<String, Object> o) {
        ReferentialAction action = ReferentialAction.fromJsonName(text(o, "onDelete"));
        if (action == null) {
            throw new IllegalArgumentException("unknown onDelete \"" + o.get("onDelete") + "\"");
        }
        return new ForeignKey(text(o, "name"), strings(o, "columns"), text(o, "referencedTable"),
                strings(o, "referencedColumns"), action);
    }

    private static Index index(Map<String, Object> o) {
        return new Index(text(o, "name"), strings(o, "columns"), Boolean.TRUE.equals(o.get("unique")));
    }

    private static String text(Map<String, Object> o, String field) {
        Object value = o.get(field);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
        }
        return s;
    }

    private static List<String> strings(Map<String, Object> o, String field) {
        List<String> out = new ArrayList<>();
        for (Object value : (List<?>) o.get(field)) {
            out.add((String) value);
        }
        return out;
    }
}
