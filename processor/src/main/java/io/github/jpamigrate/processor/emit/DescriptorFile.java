package io.github.jpamigrate.processor.emit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** The descriptor resource {@code META-INF/jpa-migrate/model.json} in the class output. */
public final class DescriptorFile {

    /** Where the descriptor lives, relative to the class output (and so inside the jar). */
    public static final String PATH = "META-INF/jpa-migrate/model.json";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Filer filer;

    public DescriptorFile(Filer filer) {
        this.filer = filer;
    }

    /** The descriptor a previous compilation wrote into the same class output; empty when there is none. */
    public Optional<byte[]> readPrevious() throws IOException {
        FileObject file;
        try {
            file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        } catch (IllegalArgumentException | FileNotFoundException | NoSuchFileException absent) {
            return Optional.empty();
        }
        try (InputStream in = file.openInputStream()) {
            return Optional.of(in.readAllBytes());
        } catch (FileNotFoundException | NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    /**
     * The entity classes a descriptor lists ({@code tables[].entities}). Only those names are read,
     * streaming: a full read of the model (and the check of its references) would cost an incremental
     * compile more than the one entity it compiles.
     *
     * @throws IOException when the bytes are not a JSON descriptor
     */
    public static Set<String> entitiesIn(byte[] descriptor) throws IOException {
        Set<String> names = new TreeSet<>();
        try (JsonParser in = JSON.createParser(descriptor)) {
            expect(in, JsonToken.START_OBJECT);
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = in.nextToken();
                if ("tables".equals(in.currentName()) && value == JsonToken.START_ARRAY) {
                    while (in.nextToken() == JsonToken.START_OBJECT) {
                        tableEntities(in, names);
                    }
                } else {
                    in.skipChildren();
                }
            }
        }
        return names;
    }

    private static void tableEntities(JsonParser in, Set<String> names) throws IOException {
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            JsonToken value = in.nextToken();
            if ("entities".equals(in.currentName()) && value == JsonToken.START_ARRAY) {
                while (in.nextToken() == JsonToken.VALUE_STRING) {
                    names.add(in.getText());
                }
            } else {
                in.skipChildren();
            }
        }
    }

    private static void expect(JsonParser in, JsonToken token) throws IOException {
        if (in.nextToken() != token) {
            throw new IOException("not a descriptor: expected " + token + " at " + in.currentLocation());
        }
    }

    /**
     * Writes the descriptor.
     *
     * @param originating the entity classes, so that build tools know what the resource depends on
     * @return the bytes written
     */
    public byte[] write(SchemaModel model, Element... originating) throws IOException {
        return write(DescriptorJson.writeBytes(model), originating);
    }

    /**
     * Writes descriptor bytes serialised earlier ({@link DescriptorJson#writeBytes}): the model is
     * serialised once, for the schema check class's hash and for the file.
     *
     * @param originating the entity classes, so that build tools know what the resource depends on
     * @return the bytes written
     */
    public byte[] write(byte[] bytes, Element... originating) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, originating);
        try (OutputStream out = file.openOutputStream()) {
            out.write(bytes);
        }
        return bytes;
    }
}
