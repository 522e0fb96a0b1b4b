package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.model.SchemaModel;

/** Reads and writes the model descriptor (placeholder signatures; implemented in the json task). */
public final class DescriptorJson {

    private DescriptorJson() {
    }

    /** The descriptor text: UTF-8, LF line endings, stable order, ends with a newline. */
    public static String write(SchemaModel model) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Parses a descriptor.
     *
     * @param json       the text
     * @param sourceName the file name (or other origin) to name in error messages
     * @throws DescriptorException when the text is not a valid descriptor of a readable format
     */
    public static SchemaModel read(String json, String sourceName) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
