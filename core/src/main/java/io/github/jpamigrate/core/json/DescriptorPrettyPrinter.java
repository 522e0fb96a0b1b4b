package io.github.jpamigrate.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lays the descriptor out for pull-request diffs: block containers get one entry per line with
 * two-space indentation; a container the writer marks with {@link #inlineNext()} (and everything
 * inside it) goes on one line, e.g. {@code { "name": "id", "type": "bigint", "nullable": false }}.
 *
 * <p>Line breaks are always {@code \n}, never the platform separator, so the same model gives the
 * same bytes everywhere. Stateful: use one instance per document.
 */
final class DescriptorPrettyPrinter implements PrettyPrinter {

    private static final String INDENT = "  ";

    /** One entry per open container: true when it is written on one line. */
    private final Deque<Boolean> inline = new ArrayDeque<>();
    private boolean inlineNext;

    /** Writes the next object or array that starts on one line. */
    void inlineNext() {
        inlineNext = true;
    }

    private void open(JsonGenerator gen, char bracket) throws IOException {
        boolean parentInline = !inline.isEmpty() && inline.peek();
        inline.push(inlineNext || parentInline);
        inlineNext = false;
        gen.writeRaw(bracket);
    }

    private void close(JsonGenerator gen, int entries, char bracket, String inlinePadding) throws IOException {
        boolean oneLine = inline.pop();
        if (entries > 0) {
            if (oneLine) {
                gen.writeRaw(inlinePadding);
            } else {
                newLine(gen);
            }
        }
        gen.writeRaw(bracket);
    }

    /** A line break indented to the depth of the innermost open container. */
    private void newLine(JsonGenerator gen) throws IOException {
        gen.writeRaw('\n');
        for (int i = 0; i < inline.size(); i++) {
            gen.writeRaw(INDENT);
        }
    }

    private boolean currentInline() {
        return inline.peek();
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator gen) throws IOException {
        open(gen, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator gen) throws IOException {
        if (currentInline()) {
            gen.writeRaw(' ');
        } else {
            newLine(gen);
        }
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
        separate(gen);
    }

    @Override
    public void writeEndObject(JsonGenerator gen, int nrOfEntries) throws IOException {
        close(gen, nrOfEntries, '}', " ");
    }

    @Override
    public void writeStartArray(JsonGenerator gen) throws IOException {
        open(gen, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator gen) throws IOException {
        if (!currentInline()) {
            newLine(gen);
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
        separate(gen);
    }

    /** A comma, then a space inside a one-line container or a new line outside one. */
    private void separate(JsonGenerator gen) throws IOException {
        gen.writeRaw(',');
        if (currentInline()) {
            gen.writeRaw(' ');
        } else {
            newLine(gen);
        }
    }

    @Override
    public void writeEndArray(JsonGenerator gen, int nrOfValues) throws IOException {
        close(gen, nrOfValues, ']', "");
    }
}
