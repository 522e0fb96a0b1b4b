package io.github.jpamigrate.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one {@code generate}, written together: each is first written in full to a
 * temporary file next to its target and only then moved into place with an atomic rename, so a
 * reader (Flyway, an IDE, git) never sees half a migration. New files never overwrite anything;
 * the snapshot is the one file that is replaced, and it is moved last, so that a failure before
 * it leaves the old snapshot describing the old migrations.
 *
 * <p>Text is stored as UTF-8 with LF line endings whatever the platform, so the bytes (and
 * Flyway's checksum) are the same on every machine.
 */
public final class AtomicFileSet {

    private static final String TEMP_SUFFIX = ".jm-tmp";

    private record Entry(Path target, byte[] content, boolean replace) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A new file; committing fails if it exists. Line endings become LF. */
    public AtomicFileSet create(Path target, String text) {
        entries.add(new Entry(target, lf(text).getBytes(StandardCharsets.UTF_8), false));
        return this;
    }

    /** A file that may exist and is then replaced (the snapshot). */
    public AtomicFileSet replace(Path target, byte[] content) {
        entries.add(new Entry(target, content.clone(), true));
        return this;
    }

    /**
     * Writes every file, or none of the new ones.
     *
     * @return the files written, in the order they were moved into place
     * @throws ProjectFileException when a new file already exists (nothing is written)
     * @throws IOException          when writing fails; new files moved into place so far are removed
     */
    public List<Path> commit() throws IOException {
        List<Entry> ordered = new ArrayList<>(entries.stream().filter(e -> !e.replace()).toList());
        ordered.addAll(entries.stream().filter(Entry::replace).toList());
        for (Entry entry : ordered) {
            refuseOverwrite(entry);
        }
        List<Path> temps = new ArrayList<>();
        List<Path> moved = new ArrayList<>();
        boolean done = false;
        try {
            for (Entry entry : ordered) {
                temps.add(writeTemp(entry));
            }
            for (int i = 0; i < ordered.size(); i++) {
                Entry entry = ordered.get(i);
                refuseOverwrite(entry);
                if (entry.replace()) {
                    Files.move(temps.get(i), entry.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temps.get(i), entry.target(), StandardCopyOption.ATOMIC_MOVE);
                    moved.add(entry.target());
                }
            }
            done = true;
            return ordered.stream().map(Entry::target).toList();
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
            if (!done) {
                for (Path path : moved) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void refuseOverwrite(Entry entry) {
        if (!entry.replace() && Files.exists(entry.target())) {
            throw new ProjectFileException(entry.target() + " already exists and JPA Migrate never overwrites a"
                    + " migration (Flyway checksums the files it has applied). Nothing was written. If the file is"
                    + " yours, keep it and run generate again (it takes the next version); if it is left over"
                    + " from an aborted attempt and was never applied anywhere, delete it.");
        }
    }

    private static Path writeTemp(Entry entry) throws IOException {
        Path directory = entry.target().toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + entry.target().getFileName() + ".", TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(entry.content());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // On disk before the rename: a crash must not leave an empty file under the final name.
            channel.force(true);
        }
        return temp;
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
