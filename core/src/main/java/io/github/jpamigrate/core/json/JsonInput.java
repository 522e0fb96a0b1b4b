package io.github.jpamigrate.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A descriptor being parsed: Jackson's streaming parser plus typed reads that fail with a
 * {@link DescriptorException} naming the file, line, column and JSON Pointer. Streaming rather than
 * the tree model because only the parser knows where each value is.
 */
final class JsonInput implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final JsonParser parser;
    private final String source;
    private final boolean skipUnknownFields;
    /** The file's format, named when a field is unknown to it. */
    private FormatVersion format = FormatVersion.CURRENT;

    /**
     * @param skipUnknownFields true for a newer minor format, whose extra fields this reader may ignore
     */
    JsonInput(String text, String source, boolean skipUnknownFields) {
        try {
            this.parser = FACTORY.createParser(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.source = source;
        this.skipUnknownFields = skipUnknownFields;
    }

    /** The descriptor's own format, for messages. */
    JsonInput format(FormatVersion version) {
        this.format = version;
        return this;
    }

    /** Moves to the next token; null at the end of the input. */
    JsonToken next() {
        try {
            return parser.nextToken();
        } catch (StreamReadException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonToken token() {
        return parser.currentToken();
    }

    /** Skips the value the input is on, with everything inside it. */
    void skipValue() {
        try {
            parser.skipChildren();
        } catch (StreamReadException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the current token is. */
    SourcePosition position() {
        JsonLocation at = parser.currentTokenLocation();
        return new SourcePosition(source, at.getLineNr(), at.getColumnNr(), pointer());
    }

    private String pointer() {
        return parser.getParsingContext().pathAsPointer().toString();
    }

    /** A problem with the current token. */
    DescriptorException error(String problem) {
        return position().error(problem);
    }

    String string() {
        expect(JsonToken.VALUE_STRING, "a string");
        return text();
    }

    /** The current token's text; Jackson decodes strings lazily, so this can meet a syntax error. */
    private String text() {
        try {
            return parser.getText();
        } catch (StreamReadException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean bool() {
        JsonToken t = token();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw wrongType("true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    long longValue() {
        expect(JsonToken.VALUE_NUMBER_INT, "a whole number");
        try {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw error(slot() + " is too large: " + text());
            }
            return parser.getLongValue();
        } catch (IOException e) {
            throw error(slot() + " is not a valid number");
        }
    }

    int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(slot() + " is out of range: " + value);
        }
        return (int) value;
    }

    List<String> strings() {
        return array(JsonInput::string);
    }

    /** Reads an array, each element with the given reader. */
    <T> List<T> array(ObjectSpec.Value<T> element) {
        expect(JsonToken.START_ARRAY, "an array");
        List<T> items = new ArrayList<>();
        while (next() != JsonToken.END_ARRAY) {
            items.add(element.read(this));
        }
        return items;
    }

    /**
     * Reads an object of the given kind: every field must be known (unless this is a newer minor
     * format) and every required field present.
     */
    Fields object(ObjectSpec spec) {
        if (token() != JsonToken.START_OBJECT) {
            throw error("expected " + spec.what() + " (a JSON object), found " + describe(token()));
        }
        SourcePosition start = position();
        Map<String, Object> values = new LinkedHashMap<>();
        while (next() == JsonToken.FIELD_NAME) {
            String name = currentName();
            ObjectSpec.Value<?> value = spec.field(name);
            if (value == null && !skipUnknownFields) {
                throw error("unknown field \"" + name + "\" in " + spec.what() + "; descriptor format "
                        + format + " knows " + String.join(", ", spec.fieldNames()));
            }
            next();
            if (value == null) {
                skipValue();
            } else {
                values.put(name, value.read(this));
            }
        }
        for (String field : spec.requiredFields()) {
            if (!values.containsKey(field)) {
                throw start.error(spec.what() + " lacks the required field \"" + field + "\"");
            }
        }
        return new Fields(values, start);
    }

    String currentName() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void expect(JsonToken expected, String what) {
        if (token() != expected) {
            throw wrongType(what);
        }
    }

    private DescriptorException wrongType(String what) {
        return error(slot() + " must be " + what + ", found " + describe(token()));
    }

    /** How to name the value being read: its field, or "each entry" inside an array. */
    private String slot() {
        String name = currentName();
        return name == null ? "each entry" : "\"" + name + "\"";
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Keeps Jackson's one-line description; drops any "[Source: ...]" excerpt it appends. */
    private static String withoutSourceExcerpt(String message) {
        String text = message == null ? "syntax error" : message.lines().findFirst().orElse("syntax error");
        int excerpt = text.indexOf(" (start marker at");
        if (excerpt < 0) {
            excerpt = text.indexOf("[Source:");
        }
        return excerpt < 0 ? text : text.substring(0, excerpt).trim();
    }

    /** Jackson's description of a syntax error, without its source excerpt, at the error's line and column. */
    private DescriptorException syntaxError(StreamReadException e) {
        JsonLocation at = e.getLocation();
        SourcePosition where = at == null
                ? SourcePosition.of(source)
                : new SourcePosition(source, at.getLineNr(), at.getColumnNr(), "");
        // Jackson reports some ends of input as plain parse errors ("within/between Object entries").
        boolean atEnd = e instanceof JsonEOFException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
        if (atEnd) {
            return where.error("the file ends in the middle of the JSON document (truncated or cut off)", e);
        }
        return where.error("not valid JSON: " + withoutSourceExcerpt(e.getOriginalMessage()), e);
    }
}
