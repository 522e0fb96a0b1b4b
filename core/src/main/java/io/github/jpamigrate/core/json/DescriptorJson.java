package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.migration.MigrationStamp;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.SchemaModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the model descriptor, the JSON document described in
 * {@code docs/descriptor-format.md}. The one place that knows the format: its version, its field
 * order and layout, and what makes a descriptor invalid.
 */
public final class DescriptorJson {

    private DescriptorJson() {
    }

    /**
     * The descriptor text in the current {@link FormatVersion}: fields in a fixed order, lists
     * sorted, LF line endings, ends with a newline; the same model always gives the same text.
     * Encode it as UTF-8 (or use {@link #writeBytes}).
     */
    public static String write(SchemaModel model) {
        return DescriptorWriter.write(model);
    }

    /** {@link #write} encoded as UTF-8, the bytes to store in a file. */
    public static byte[] writeBytes(SchemaModel model) {
        return write(model).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A snapshot's text: the descriptor of {@code model} with the migrations it belongs to after the
     * header fields, one per line (format 2.1; without migrations, exactly {@link #write}).
     */
    public static byte[] writeSnapshot(SchemaModel model, List<MigrationStamp> migrations) {
        return writeSnapshot(model, migrations, List.of());
    }

    /**
     * A snapshot's text that also records the dialects its migrations are written for (format 2.3,
     * or 3.3 with table kinds; without dialects, exactly {@link #writeSnapshot(SchemaModel, List)}).
     */
    public static byte[] writeSnapshot(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects) {
        return DescriptorWriter.write(model, migrations, dialects).getBytes(StandardCharsets.UTF_8);
    }

    /** As {@link #writeSnapshot(SchemaModel, List, List)}, recording the pending contract steps ({@code expanded}, format 2.4/3.4). */
    public static byte[] writeSnapshot(SchemaModel model, List<MigrationStamp> migrations, List<String> dialects,
                                       List<Expansion> expanded) {
        return DescriptorWriter.write(model, migrations, dialects, expanded).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a snapshot file: the model and the migrations it records (none when it records none).
     *
     * @throws IOException         when the file cannot be read
     * @throws DescriptorException when it is not a valid descriptor
     */
    public static Snapshot readSnapshot(Path file) throws IOException {
        return DescriptorReader.readSnapshot(DescriptorText.decode(Files.readAllBytes(file), file.toString()),
                file.toString());
    }

    /** Reads snapshot content (e.g. a version from git); messages name {@code sourceName}. */
    public static Snapshot readSnapshot(byte[] content, String sourceName) {
        return DescriptorReader.readSnapshot(DescriptorText.decode(content, sourceName), sourceName);
    }

    /**
     * Parses a descriptor.
     *
     * @param json       the text
     * @param sourceName the file name (or other origin) to name in error messages
     * @throws DescriptorException when the text is not a valid descriptor of a readable format; the
     *                             message names the source and, where it applies, line and column
     */
    public static SchemaModel read(String json, String sourceName) {
        return DescriptorReader.read(json, sourceName);
    }

    /**
     * Parses descriptor file content, which must be UTF-8.
     *
     * @param content    the file's bytes
     * @param sourceName the file name to name in error messages
     * @throws DescriptorException when the bytes are not UTF-8 or not a valid descriptor
     */
    public static SchemaModel read(byte[] content, String sourceName) {
        return read(DescriptorText.decode(content, sourceName), sourceName);
    }

    /**
     * Reads a descriptor file; messages name it by the path as given.
     *
     * @throws IOException         when the file cannot be read
     * @throws DescriptorException when it is not a valid descriptor
     */
    public static SchemaModel read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }
}
