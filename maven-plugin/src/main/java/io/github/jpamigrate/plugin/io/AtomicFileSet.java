package io.github.jpamigrate.plugin.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files of one {@code generate}, written together: all of them or none, even when the JVM is
 * killed half-way. New files never overwrite anything; the snapshot is the one file that is
 * replaced, and it is moved last.
 *
 * <p>How: every file is first written in full to a temporary file next to its target. A
 * {@link WriteJournal} listing them is written before the first temporary file (pending) and
 * renamed once all are on disk (committed); then each temporary file is renamed into place, in a
 * fixed order with the snapshot last, and the journal is deleted. A run killed before the commit
 * point leaves only temporary files, which {@link #recover} deletes; a run killed after it leaves
 * a journal from which {@link #recover} finishes the renames. Callers recover under the same lock
 * before they read the project.
 *
 * <p>Text is stored as UTF-8 with LF line endings whatever the platform, so the bytes (and
 * Flyway's checksum) are the same on every machine.
 */
public final class AtomicFileSet {

    static final String TEMP_SUFFIX = ".jm-tmp";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Test seam: told the name of each step of {@link #commit} as it is reached, so that a test
     * can stop (and kill) the JVM at exactly that point. Does nothing in production.
     */
    static volatile Consumer<String> steps = step -> {
    };

    private record Item(Path target, byte[] content, boolean replace, boolean delete) {

        Item(Path target, byte[] content, boolean replace) {
            this(target, content, replace, false);
        }
    }

    private final WriteJournal journal;
    private final List<Item> items = new ArrayList<>();

    /** @param journal where the set's journal lives while it is written (beside the snapshot: it must survive {@code mvn clean}) */
    public AtomicFileSet(Path journal) {
        this.journal = new WriteJournal(journal);
    }

    /** A new file; committing fails if it exists. Line endings become LF. */
    public AtomicFileSet create(Path target, String text) {
        items.add(new Item(target.toAbsolutePath().normalize(), lf(text).getBytes(StandardCharsets.UTF_8), false));
        return this;
    }

    /** A file that may exist and is then replaced (the snapshot). */
    public AtomicFileSet replace(Path target, byte[] content) {
        items.add(new Item(target.toAbsolutePath().normalize(), content.clone(), true));
        return this;
    }

    /**
     * A file the set removes ({@code rebase} renumbering a migration: the old name goes when the new
     * one is in place). Removed after every new file is in place and before the snapshot is replaced;
     * committing fails, with nothing written, if the file no longer has the content it has now.
     */
    public AtomicFileSet delete(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        items.add(new Item(absolute, Files.readAllBytes(absolute), false, true));
        return this;
    }

    /**
     * Writes every file, or none of them.
     *
     * @return the files written, in the order they were moved into place
     * @throws ProjectFileException when a new file already exists, or an interrupted write has not
     *                              been recovered (nothing is written)
     * @throws IOException          when writing fails; what was written so far is removed again
     */
    public List<Path> commit() throws IOException {
        List<Item> ordered = new ArrayList<>(items.stream().filter(e -> !e.replace() && !e.delete()).toList());
        ordered.addAll(items.stream().filter(Item::delete).toList());
        ordered.addAll(items.stream().filter(Item::replace).toList());
        if (journal.isCommitted() || journal.isPending()) {
            throw new ProjectFileException(journal.committed() + " shows that an earlier jpa-migrate:generate was"
                    + " interrupted and not recovered. Nothing was written. Run mvn jpa-migrate:generate again: it"
                    + " finishes or removes the interrupted set before anything else.");
        }
        for (Item item : ordered) {
            if (item.delete()) {
                refuseChanged(item);
            } else {
                refuseOverwrite(item.target(), item.replace());
            }
        }
        List<WriteJournal.Entry> entries = ordered.stream().map(AtomicFileSet::entry).toList();
        List<Path> moved = new ArrayList<>();
        boolean done = false;
        boolean deleting = false;
        try {
            journal.prepare(entries);
            steps.accept("prepared");
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).delete()) {
                    continue;
                }
                writeTemp(entries.get(i).temp(), ordered.get(i).content());
                steps.accept("temp " + ordered.get(i).target().getFileName());
            }
            journal.commit();
            steps.accept("committed");
            for (WriteJournal.Entry entry : entries) {
                if (entry.delete() && !deleting) {
                    // From the first removal on, the set can only be finished (by recover), never undone.
                    deleting = true;
                }
                place(entry);
                if (!entry.replace() && !entry.delete()) {
                    moved.add(entry.target());
                }
                steps.accept("moved " + entry.target().getFileName());
            }
            syncFolders(entries);
            journal.delete();
            done = true;
            return entries.stream().filter(e -> !e.delete()).map(WriteJournal.Entry::target).toList();
        } finally {
            if (!done && !deleting) {
                // A failure reported to the user (not a crash): undo, so that the message's "nothing was written" holds.
                for (WriteJournal.Entry entry : entries) {
                    Files.deleteIfExists(entry.temp());
                }
                for (Path path : moved) {
                    Files.deleteIfExists(path);
                }
                journal.delete();
            }
        }
    }

    /**
     * Finishes or removes the file set of a run that was killed while writing it (see the class
     * comment). Call it before reading the project, under the lock that makes writers take turns.
     *
     * @param journalFile the journal location the interrupted run was given
     * @return what was done, in a sentence for the build log; empty when no write was interrupted
     * @throws ProjectFileException when the interrupted set cannot be finished safely (a file of it
     *                              was changed or removed since); nothing is changed then
     */
    public static Optional<String> recover(Path journalFile) throws IOException {
        WriteJournal journal = new WriteJournal(journalFile);
        if (journal.isCommitted()) {
            return Optional.of(rollForward(journal));
        }
        if (journal.isPending()) {
            for (WriteJournal.Entry entry : journal.read(journal.pending())) {
                if (entry.temp().getFileName().toString().endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(entry.temp());
                }
            }
            journal.delete();
            return Optional.of("An earlier jpa-migrate:generate was interrupted before its files were complete;"
                    + " its temporary files were removed (none of its files had been put in place).");
        }
        return Optional.empty();
    }

    /** Whether a write was interrupted after its commit point and still has to be finished by {@link #recover}. */
    public static boolean interrupted(Path journalFile) {
        return new WriteJournal(journalFile).isCommitted();
    }

    private static String rollForward(WriteJournal journal) throws IOException {
        List<WriteJournal.Entry> entries = journal.read(journal.committed());
        List<String> problems = new ArrayList<>();
        for (WriteJournal.Entry entry : entries) {
            if (entry.delete()) {
                if (Files.exists(entry.target()) && !WriteJournal.holds(entry.target(), entry.sha256())) {
                    problems.add(entry.target() + " was to be removed but was changed since");
                }
                continue;
            }
            boolean pending = Files.isRegularFile(entry.temp());
            boolean placed = WriteJournal.holds(entry.target(), entry.sha256());
            if (!pending && !placed) {
                problems.add(entry.target() + " is missing or was changed, and its content is gone");
            } else if (pending && !placed && !entry.replace() && Files.exists(entry.target())) {
                problems.add(entry.target() + " exists with other content");
            }
        }
        if (!problems.isEmpty()) {
            throw new ProjectFileException("an earlier jpa-migrate:generate was interrupted while putting its files"
                    + " in place (journal " + journal.committed() + "), and its set cannot be finished safely: "
                    + String.join("; ", problems) + ". Nothing was changed. Compare the migration folder and the"
                    + " snapshot with version control, keep what is yours, delete the files named .*" + TEMP_SUFFIX
                    + " and the journal, and run generate again.");
        }
        List<String> finished = new ArrayList<>();
        for (WriteJournal.Entry entry : entries) {
            if (entry.delete()) {
                if (Files.deleteIfExists(entry.target())) {
                    finished.add("removed " + entry.target().getFileName());
                }
                continue;
            }
            if (Files.isRegularFile(entry.temp())) {
                if (WriteJournal.holds(entry.target(), entry.sha256())) {
                    Files.delete(entry.temp());
                } else {
                    place(entry);
                    finished.add(entry.target().getFileName().toString());
                }
            }
        }
        syncFolders(entries);
        journal.delete();
        List<String> all = entries.stream().map(e -> e.target().getFileName().toString()).toList();
        return "An earlier jpa-migrate:generate was interrupted while putting its files in place; finished it"
                + (finished.isEmpty() ? "" : " (now also in place: " + String.join(", ", finished) + ")")
                + ". Its complete set: " + String.join(", ", all) + ". Review it like any generated migration.";
    }

    private static WriteJournal.Entry entry(Item item) {
        if (item.delete()) {
            return new WriteJournal.Entry(item.target(), item.target(), false, WriteJournal.sha256(item.content()), true);
        }
        String name = "." + item.target().getFileName() + "." + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX;
        return new WriteJournal.Entry(item.target(), item.target().resolveSibling(name), item.replace(),
                WriteJournal.sha256(item.content()));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void place(WriteJournal.Entry entry) throws IOException {
        if (entry.delete()) {
            Files.deleteIfExists(entry.target());
        } else if (entry.replace()) {
            Files.move(entry.temp(), entry.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            refuseOverwrite(entry.target(), false);
            Files.move(entry.temp(), entry.target(), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void refuseChanged(Item item) throws IOException {
        if (!Files.isRegularFile(item.target()) || !WriteJournal.holds(item.target(), WriteJournal.sha256(item.content()))) {
            throw new ProjectFileException(item.target() + " was changed or removed while JPA Migrate was about to"
                    + " replace it. Nothing was written. Run the goal again.");
        }
    }

    private static void refuseOverwrite(Path target, boolean replace) {
        if (!replace && Files.exists(target)) {
            throw new ProjectFileException(target + " already exists and JPA Migrate never overwrites a"
                    + " migration (Flyway checksums the files it has applied). Nothing was written. If the file is"
                    + " yours, keep it and run generate again (it takes the next version); if it is left over"
                    + " from an aborted attempt and was never applied anywhere, delete it.");
        }
    }

    private static void writeTemp(Path temp, byte[] content) throws IOException {
        Files.createDirectories(temp.getParent());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // On disk before the rename: a crash must not leave an empty file under the final name.
            channel.force(true);
        }
    }

    private static void syncFolders(List<WriteJournal.Entry> entries) {
        Set<Path> folders = new LinkedHashSet<>();
        entries.forEach(e -> folders.add(e.target().getParent()));
        folders.forEach(WriteJournal::syncFolder);
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
