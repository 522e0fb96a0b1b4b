package io.github.jpamigrate.core.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that run before any JSON parsing, so that an empty file, a binary file or one saved in
 * another encoding gets a message that says so instead of a puzzling syntax error.
 */
final class DescriptorText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DescriptorText() {
    }

    /** Decodes file content as strict UTF-8: a malformed byte is an error, never a replacement character. */
    static String decode(byte[] content, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw SourcePosition.of(source).error(String.format(
                    "not UTF-8 text (byte 0x%02X at offset %d cannot be decoded), so it is a binary file or was"
                            + " saved in another encoding, not a JPA Migrate model descriptor",
                    content[offset] & 0xff, offset));
        }
        return out.flip().toString();
    }

    /**
     * The text to parse: a leading byte order mark (added by some editors) dropped; empty and binary
     * content refused.
     */
    static String checked(String text, String source) {
        String json = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        if (json.isBlank()) {
            throw SourcePosition.of(source).error("the file is empty; it should hold the JSON model descriptor");
        }
        int nul = json.indexOf('\0');
        if (nul >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < nul; i++) {
                if (json.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new SourcePosition(source, line, nul - lineStart + 1, "")
                    .error("a NUL character: this is a binary file, not a JPA Migrate model descriptor");
        }
        return json;
    }
}
