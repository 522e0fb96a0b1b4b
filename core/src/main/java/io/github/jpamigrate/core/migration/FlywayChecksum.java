package io.github.jpamigrate.core.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway stores for a SQL migration in its history table: a CRC32 over the script's
 * lines, each without its line ending (so CRLF and LF give the same number), a leading byte order
 * mark left out. The snapshot records it for the migration it belongs to, so that the number a
 * reviewer sees in the snapshot is the one {@code flyway info} shows.
 */
public final class FlywayChecksum {

    private FlywayChecksum() {
    }

    /** The checksum of a script's text. */
    public static int of(String script) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(script))) {
            String line;
            boolean first = true;
            while ((line = lines.readLine()) != null) {
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
        return (int) crc.getValue();
    }

    /** The checksum of a script file's bytes, read as UTF-8. */
    public static int of(byte[] content) {
        return of(new String(content, StandardCharsets.UTF_8));
    }
}
