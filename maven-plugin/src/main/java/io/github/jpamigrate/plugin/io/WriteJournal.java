package io.github.jpamigrate.plugin.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The record of one {@link AtomicFileSet} on disk, which makes the set survive a killed JVM. It
 * exists in two states: <em>pending</em> ({@code <journal>.pending}, written before the first
 * temporary file) lists the temporary files that may exist, so that an interrupted write can be
 * cleaned up; <em>committed</em> (renamed to {@code <journal>} once every temporary file is
 * complete on disk) is the point after which the set is going to be written in full, so that an
 * interrupted write is completed. Paths are stored relative to the journal's folder, so a moved
 * project still recovers.
 */
final class WriteJournal {

    private static final String HEADER = "jpa-migrate write journal 1";
    private static final String END = "end";

    /**
     * One file of the set: where it goes, the temporary file that holds it, and its content's hash;
     * for a file the set removes ({@code delete}), the hash of the content it must still have, and no
     * temporary file (the target stands in for it).
     */
    record Entry(Path target, Path temp, boolean replace, String sha256, boolean delete) {

        Entry(Path target, Path temp, boolean replace, String sha256) {
            this(target, temp, replace, sha256, false);
        }
    }

    private final Path committed;

    WriteJournal(Path committed) {
        this.committed = committed.toAbsolutePath().normalize();
    }

    Path committed() {
        return committed;
    }

    Path pending() {
        return committed.resolveSibling(committed.getFileName() + ".pending");
    }

    boolean isCommitted() {
        return Files.exists(committed);
    }

    boolean isPending() {
        return Files.exists(pending());
    }

    /** Writes the pending journal, complete and on disk, before any temporary file exists. */
    void prepare(List<Entry> entries) throws IOException {
        Path folder = committed.getParent();
        Files.createDirectories(folder);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Entry entry : entries) {
            text.append(entry.delete() ? "delete" : entry.replace() ? "replace" : "create").append('\t').append(entry.sha256())
                    .append('\t').append(relative(entry.temp())).append('\t').append(relative(entry.target())).append('\n');
        }
        text.append(END).append('\n');
        try (FileChannel channel = FileChannel.open(pending(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        syncFolder(folder);
    }

    /** The commit point: from here on the set is completed, never rolled back, after a crash. */
    void commit() throws IOException {
        Files.move(pending(), committed, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(committed.getParent());
    }

    /** Forgets the set: every file is in place, or every trace of it is gone. */
    void delete() throws IOException {
        Files.deleteIfExists(committed);
        Files.deleteIfExists(pending());
        syncFolder(committed.getParent());
    }

    /**
     * The entries of the pending or committed journal. A pending journal cut short by a crash
     * yields the entries it got to (their temporary files were never created: they are created
     * only once the journal is complete).
     */
    List<Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        Path folder = committed.getParent();
        boolean complete = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals(END)) {
                complete = true;
                break;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 4 || !(fields[0].equals("create") || fields[0].equals("replace")
                    || fields[0].equals("delete"))) {
                continue;
            }
            entries.add(new Entry(folder.resolve(fields[3]).normalize(), folder.resolve(fields[2]).normalize(),
                    fields[0].equals("replace"), fields[1], fields[0].equals("delete")));
        }
        boolean wellFormed = !lines.isEmpty() && lines.get(0).equals(HEADER) && complete;
        if (!wellFormed && file.equals(committed)) {
            throw new ProjectFileException(committed + " (the journal of an interrupted jpa-migrate:generate) is"
                    + " damaged, so JPA Migrate cannot tell which files that run wrote. Nothing was changed. Compare"
                    + " the migration folder and the snapshot with version control, delete what the interrupted run"
                    + " left (files named .*.jm-tmp and uncommitted migrations), delete the journal, and run"
                    + " generate again.");
        }
        return entries;
    }

    private String relative(Path path) {
        return committed.getParent().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static boolean holds(Path file, String sha256) throws IOException {
        return Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(sha256);
    }

    /**
     * Makes renames and deletions in a folder durable (a power cut, not only a killed JVM). Not
     * every platform can open a folder (Windows cannot); the renames stay atomic there, only their
     * durability is left to the file system.
     */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // See above: best effort by design.
        }
    }
}
