package io.github.jpamigrate.core.json;

import com.fasterxml.jackson.core.JsonToken;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads descriptor text into a model in two passes: the first finds the {@code format} version
 * (so a newer major is refused before anything else can fail), the second reads every object,
 * remembering where each one is so that inconsistencies found afterwards can be located too.
 */
final class DescriptorReader {

    /** Every kind but {@code array}, which is written as its element type followed by {@code []}. */
    private static final String KNOWN_TYPES = Arrays.stream(TypeKind.values()).filter(k -> k != TypeKind.ARRAY)
            .map(TypeKind::jsonName).collect(Collectors.joining(", "));
    private static final String KNOWN_ACTIONS = Arrays.stream(ReferentialAction.values())
            .map(ReferentialAction::jsonName).collect(Collectors.joining(", "));

    private final Map<Object, SourcePosition> positions = new IdentityHashMap<>();

    private final ObjectSpec enumRefSpec = new ObjectSpec("a column's enum")
            .required("type", JsonInput::string).required("storage", DescriptorReader::storage);
    private final ObjectSpec columnSpec = new ObjectSpec("a column")
            .required("name", JsonInput::string).required("type", DescriptorReader::columnType)
            .required("nullable", JsonInput::bool).optional("unique", JsonInput::bool)
            .optional("default", JsonInput::string).optional("identity", JsonInput::bool)
            .optional("definition", JsonInput::string).optional("enum", this::enumRef)
            .optional("comment", JsonInput::string);
    private final ObjectSpec primaryKeySpec = new ObjectSpec("a primary key")
            .optional("name", JsonInput::string).required("columns", JsonInput::strings);
    private final ObjectSpec foreignKeySpec = new ObjectSpec("a foreign key")
            .required("name", JsonInput::string).required("columns", JsonInput::strings)
            .required("referencedTable", JsonInput::string).required("referencedColumns", JsonInput::strings)
            .required("onDelete", DescriptorReader::action);
    private final ObjectSpec uniqueSpec = new ObjectSpec("a unique constraint")
            .required("name", JsonInput::string).required("columns", JsonInput::strings);
    private final ObjectSpec indexSpec = new ObjectSpec("an index")
            .required("name", JsonInput::string).required("columns", JsonInput::strings)
            .optional("unique", JsonInput::bool);
    private final ObjectSpec checkSpec = new ObjectSpec("a check constraint")
            .optional("name", JsonInput::string).required("expression", JsonInput::string);
    private final ObjectSpec tableSpec = new ObjectSpec("a table")
            .required("name", JsonInput::string).optional("schema", JsonInput::string)
            .optional("comment", JsonInput::string).optional("entities", JsonInput::strings)
            .optional("columns", in -> in.array(this::column))
            .optional("primaryKey", this::primaryKey)
            .optional("foreignKeys", in -> in.array(this::foreignKey))
            .optional("uniqueConstraints", in -> in.array(this::uniqueConstraint))
            .optional("indexes", in -> in.array(this::index))
            .optional("checks", in -> in.array(this::check))
            .optional("kind", DescriptorReader::tableKind).optional("query", JsonInput::string);
    private final ObjectSpec sequenceSpec = new ObjectSpec("a sequence")
            .required("name", JsonInput::string).optional("schema", JsonInput::string)
            .required("initialValue", JsonInput::longValue).required("incrementSize", JsonInput::intValue);
    private final ObjectSpec tableGeneratorSpec = new ObjectSpec("a table generator")
            .required("name", JsonInput::string).required("table", JsonInput::string)
            .optional("segmentColumn", JsonInput::string).optional("valueColumn", JsonInput::string)
            .optional("segmentValue", JsonInput::string)
            .required("initialValue", JsonInput::longValue).required("allocationSize", JsonInput::intValue);
    private final ObjectSpec enumSpec = new ObjectSpec("an enum")
            .required("javaType", JsonInput::string).required("constants", JsonInput::strings);
    private final ObjectSpec stampSpec = new ObjectSpec("a snapshot's migration")
            .optional("folder", JsonInput::string).required("version", JsonInput::string)
            .required("file", JsonInput::string).required("checksum", JsonInput::intValue)
            .optional("after", JsonInput::string).optional("completes", JsonInput::string)
            .optional("completesChecksum", JsonInput::intValue);
    private final ObjectSpec expansionSpec = new ObjectSpec("a pending contract step")
            .required("table", JsonInput::string).required("column", JsonInput::string)
            .required("keeps", JsonInput::string).required("sync", JsonInput::string);
    private final ObjectSpec modelSpec = new ObjectSpec("the descriptor")
            .required("format", JsonInput::string).required("producer", JsonInput::string)
            .required("naming", JsonInput::string).required("orm", JsonInput::string)
            .optional("dialects", JsonInput::strings)
            .optional("expanded", in -> in.array(this::expansion))
            .optional("migrations", in -> in.array(this::stamp))
            .optional("tables", in -> in.array(this::table))
            .optional("sequences", in -> in.array(this::sequence))
            .optional("tableGenerators", in -> in.array(this::tableGenerator))
            .optional("enums", in -> in.array(this::enumType));

    private DescriptorReader() {
    }

    static SchemaModel read(String text, String source) {
        return readSnapshot(text, source).model();
    }

    static Snapshot readSnapshot(String text, String source) {
        String json = DescriptorText.checked(text, source);
        FormatVersion version = version(json, source);
        if (version.major() > FormatVersion.CURRENT.major()) {
            throw new DescriptorException(source + " was written in descriptor format " + version
                    + " by a newer JPA Migrate; this version reads format " + FormatVersion.readableRange()
                    + " — upgrade the jpa-migrate plugin/processor.", null, true);
        }
        if (!version.readable()) {
            throw new DescriptorException(source + " uses descriptor format " + version
                    + ", which no released JPA Migrate wrote; this version reads format "
                    + FormatVersion.readableRange() + ". " + SourcePosition.FIX);
        }
        DescriptorReader reader = new DescriptorReader();
        SchemaModel model;
        Fields root;
        try (JsonInput in = new JsonInput(json, source, version.newerMinor()).format(version)) {
            in.next();
            root = in.object(reader.modelSpec);
            model = reader.model(root);
            if (in.next() != null) {
                throw in.error("found " + JsonInput.describe(in.token())
                        + " after the end of the descriptor object; a file holds exactly one descriptor");
            }
        }
        DescriptorReferences.check(model, reader::positionOf, source);
        List<MigrationStamp> migrations = root.get("migrations", List.of());
        Set<String> folders = new HashSet<>();
        for (MigrationStamp stamp : migrations) {
            if (!folders.add(stamp.folder())) {
                throw reader.positionOf(stamp).error("\"migrations\" names the folder \"" + stamp.folder()
                        + "\" twice; a snapshot belongs to one migration per folder");
            }
        }
        return new Snapshot(model, migrations, root.get("dialects", List.of()), root.get("expanded", List.of()));
    }

    /** First pass: the {@code format} field of the root object, which the writer puts first. */
    private static FormatVersion version(String json, String source) {
        try (JsonInput in = new JsonInput(json, source, true)) {
            if (in.next() != JsonToken.START_OBJECT) {
                throw in.error("expected the descriptor (a JSON object), found " + JsonInput.describe(in.token()));
            }
            SourcePosition root = in.position();
            while (in.next() == JsonToken.FIELD_NAME) {
                boolean isFormat = "format".equals(in.currentName());
                in.next();
                if (isFormat) {
                    String text = in.string();
                    FormatVersion version = FormatVersion.parse(text);
                    if (version == null) {
                        throw in.error("\"format\" must be a version such as \"" + FormatVersion.FIRST
                                + "\", found \"" + text + "\"");
                    }
                    return version;
                }
                in.skipValue();
            }
            throw root.error("the descriptor has no \"format\" field, so it is not a JPA Migrate model descriptor");
        }
    }

    private SourcePosition positionOf(Object part) {
        return positions.get(part);
    }

    /** Builds a record, turning a model rule it breaks into an error at the object. */
    private <T> T build(Fields fields, Supplier<T> constructor) {
        T value;
        try {
            value = constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw fields.position().error(String.valueOf(e.getMessage()));
        }
        positions.put(value, fields.position());
        return value;
    }

    private SchemaModel model(Fields f) {
        return build(f, () -> new SchemaModel(f.get("naming"), f.get("orm"), f.get("producer"),
                f.get("tables", List.of()), f.get("sequences", List.of()),
                f.get("tableGenerators", List.of()), f.get("enums", List.of())));
    }

    private Expansion expansion(JsonInput in) {
        Fields f = in.object(expansionSpec);
        return build(f, () -> new Expansion(f.get("table"), f.get("column"), f.get("keeps"), f.get("sync")));
    }

    private MigrationStamp stamp(JsonInput in) {
        Fields f = in.object(stampSpec);
        String fileName = f.get("file");
        MigrationFile file = MigrationFile.parse(fileName)
                .filter(m -> m.kind() == MigrationFile.Kind.VERSIONED)
                .orElseThrow(() -> f.position().error("\"file\" must name a versioned migration such as"
                        + " V12__add_phone.sql, found \"" + fileName + "\""));
        String version = f.get("version");
        if (!version(version, f).sameAs(file.version())) {
            throw f.position().error("\"version\" " + version + " is not the version of " + fileName);
        }
        String after = f.get("after");
        MigrationStamp.Completed completes = completes(f);
        return build(f, () -> new MigrationStamp(f.get("folder", ""), file, f.<Integer>get("checksum"),
                after == null ? null : version(after, f), completes));
    }

    /** The migration a follow-up completes ({@code completes} and {@code completesChecksum}, both or neither). */
    private static MigrationStamp.Completed completes(Fields f) {
        String name = f.get("completes");
        Integer checksum = f.get("completesChecksum");
        if (name == null && checksum == null) {
            return null;
        }
        if (name == null || checksum == null) {
            throw f.position().error("\"completes\" and \"completesChecksum\" come together (the migration a follow-up"
                    + " completes and its checksum as generated); found only " + (name == null ? "\"completesChecksum\""
                    : "\"completes\""));
        }
        MigrationFile file = MigrationFile.parse(name).filter(m -> m.kind() == MigrationFile.Kind.VERSIONED)
                .orElseThrow(() -> f.position().error("\"completes\" must name a versioned migration such as"
                        + " V12__add_phone.sql, found \"" + name + "\""));
        return new MigrationStamp.Completed(file, checksum);
    }

    private static MigrationVersion version(String text, Fields f) {
        try {
            return MigrationVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw f.position().error(e.getMessage());
        }
    }

    private Table table(JsonInput in) {
        Fields f = in.object(tableSpec);
        return build(f, () -> new Table(f.get("name"), f.get("schema"), f.get("columns", List.of()),
                f.get("primaryKey"), f.get("foreignKeys", List.of()), f.get("uniqueConstraints", List.of()),
                f.get("indexes", List.of()), f.get("checks", List.of()), f.get("comment"),
                f.get("entities", List.of()), f.get("kind", TableKind.TABLE), f.get("query")));
    }

    private Column column(JsonInput in) {
        Fields f = in.object(columnSpec);
        return build(f, () -> new Column(f.get("name"), f.get("type"), f.<Boolean>get("nullable"),
                f.get("unique", false), f.get("default"), f.get("identity", false), f.get("definition"),
                f.get("enum"), f.get("comment")));
    }

    private EnumRef enumRef(JsonInput in) {
        Fields f = in.object(enumRefSpec);
        return build(f, () -> new EnumRef(f.get("type"), f.get("storage")));
    }

    private PrimaryKey primaryKey(JsonInput in) {
        Fields f = in.object(primaryKeySpec);
        return build(f, () -> new PrimaryKey(f.get("name"), f.get("columns")));
    }

    private ForeignKey foreignKey(JsonInput in) {
        Fields f = in.object(foreignKeySpec);
        return build(f, () -> new ForeignKey(f.get("name"), f.get("columns"), f.get("referencedTable"),
                f.get("referencedColumns"), f.get("onDelete")));
    }

    private UniqueConstraint uniqueConstraint(JsonInput in) {
        Fields f = in.object(uniqueSpec);
        return build(f, () -> new UniqueConstraint(f.get("name"), f.get("columns")));
    }

    private Index index(JsonInput in) {
        Fields f = in.object(indexSpec);
        return build(f, () -> new Index(f.get("name"), f.get("columns"), f.get("unique", false)));
    }

    private CheckConstraint check(JsonInput in) {
        Fields f = in.object(checkSpec);
        return build(f, () -> new CheckConstraint(f.get("name"), f.get("expression")));
    }

    private Sequence sequence(JsonInput in) {
        Fields f = in.object(sequenceSpec);
        return build(f, () -> new Sequence(f.get("name"), f.get("schema"), f.<Long>get("initialValue"),
                f.<Integer>get("incrementSize")));
    }

    private TableGenerator tableGenerator(JsonInput in) {
        Fields f = in.object(tableGeneratorSpec);
        return build(f, () -> new TableGenerator(f.get("name"), f.get("table"), f.get("segmentColumn"),
                f.get("valueColumn"), f.get("segmentValue"), f.<Long>get("initialValue"),
                f.<Integer>get("allocationSize")));
    }

    private EnumType enumType(JsonInput in) {
        Fields f = in.object(enumSpec);
        return build(f, () -> new EnumType(f.get("javaType"), f.get("constants")));
    }

    private static ColumnType columnType(JsonInput in) {
        String text = in.string();
        try {
            return ColumnType.parse(text);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage() + "; types are written like varchar(255), decimal(38,2) or, for an array,"
                    + " integer[], from: " + KNOWN_TYPES);
        }
    }

    private static EnumStorage storage(JsonInput in) {
        String text = in.string();
        for (EnumStorage storage : EnumStorage.values()) {
            if (storage.name().toLowerCase(Locale.ROOT).equals(text)) {
                return storage;
            }
        }
        throw in.error("unknown enum storage \"" + text + "\"; use \"string\" or \"ordinal\"");
    }

    private static TableKind tableKind(JsonInput in) {
        String text = in.string();
        TableKind kind = TableKind.fromJson(text);
        if (kind == null || kind == TableKind.TABLE) {
            throw in.error("unknown table kind \"" + text + "\"; use one of "
                    + Arrays.stream(TableKind.values()).filter(k -> k != TableKind.TABLE).map(TableKind::jsonName).toList()
                    + " (leave \"kind\" out for an ordinary table)");
        }
        return kind;
    }

    private static ReferentialAction action(JsonInput in) {
        String text = in.string();
        ReferentialAction action = ReferentialAction.fromJsonName(text);
        if (action == null) {
            throw in.error("unknown on-delete action \"" + text + "\"; use one of " + KNOWN_ACTIONS);
        }
        return action;
    }
}
