package io.github.jpamigrate.plugin.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes {@code generate} runs of one project take turns: two at once (two terminals, an IDE and
 * a terminal, a parallel build) would both pick the same next version. The lock is an operating
 * system file lock, so it is released when the holder ends, even by a crash.
 *
 * <p>The lock file lives beside the write journal, next to the snapshot, where {@code mvn clean}
 * cannot delete it under a running {@code generate} (as it could under {@code target/}); and it
 * is deleted when the run ends, so a normal run leaves nothing in the source tree. Deleting a lock
 * file has a known race: a run that opened the file just before the holder deleted it would lock
 * the deleted file while a third run creates and locks a new one. So a run that got the lock
 * checks that the path still names the file it locked (same file key before opening and after
 * locking); if not, it locked a deleted file and tries again. A run that is killed leaves the
 * file; the next one takes it over and removes it.
 */
public final class GenerateLock implements AutoCloseable {

    /**
     * Lock files held by this JVM. Checked before the file is opened at all: on POSIX systems
     * closing any descriptor of a file drops every lock the process holds on it, so a second
     * thread must not even open (and then close) the file another thread has locked.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private static final int ATTEMPTS = 5;

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path createdDirectory;

    private GenerateLock(Path key, FileChannel channel, FileLock lock, Path createdDirectory) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.createdDirectory = createdDirectory;
    }

    /**
     * Takes the lock without waiting.
     *
     * @throws ProjectFileException when another run (in this or another process) holds it
     * @throws IOException          when the lock file cannot be created or locked
     */
    public static GenerateLock acquire(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD_HERE.add(key)) {
            throw busy(lockFile);
        }
        Path created = null;
        try {
            created = createDirectories(key.getParent());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                GenerateLock taken = tryOnce(key, lockFile, created);
                if (taken != null) {
                    return taken;
                }
            }
            throw busy(lockFile);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            deleteIfEmpty(created);
            throw e;
        }
    }

    /** The lock, or null when the file locked was deleted by the previous holder in the meantime. */
    private static GenerateLock tryOnce(Path key, Path lockFile, Path created) throws IOException {
        FileChannel channel;
        Object identity;
        try {
            try {
                channel = FileChannel.open(key, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                identity = identity(key);
            } catch (FileAlreadyExistsException e) {
                identity = identity(key);
                channel = FileChannel.open(key, StandardOpenOption.WRITE);
            }
        } catch (NoSuchFileException e) {
            return null; // deleted by the holder that just finished: try again
        } catch (AccessDeniedException e) {
            throw busy(lockFile); // Windows: the file is being deleted by the holder that just finished
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(lockFile);
            }
            if (identity != null && !identity.equals(identity(key))) {
                lock.release();
                channel.close();
                return null;
            }
            return new GenerateLock(key, channel, lock, created);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Which file the path names (device and inode), read with {@code stat}: opening the file again
     * would drop this process's lock on POSIX systems. Null where the platform has no file key
     * (Windows), which needs no check: there a deleted file that is still open cannot be created
     * anew until its last holder closes it. A missing file gets a key equal to nothing.
     */
    private static Object identity(Path key) throws IOException {
        try {
            return Files.readAttributes(key, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return new Object();
        }
    }

    /** Creates the directory and its missing parents; returns the topmost one created, or null. */
    private static Path createDirectories(Path directory) throws IOException {
        Path topmost = null;
        for (Path p = directory; p != null && !Files.exists(p); p = p.getParent()) {
            topmost = p;
        }
        Files.createDirectories(directory);
        return topmost;
    }

    /** Removes {@code directory} and the empty ones below it that the lock created, if the run left them empty. */
    private static void deleteIfEmpty(Path created) {
        if (created == null) {
            return;
        }
        try (var walk = Files.walk(created)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    Files.delete(p);
                }
            }
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // the run wrote files there (the snapshot): it stays
        } catch (IOException e) {
            // nothing to undo that matters
        }
    }

    private static ProjectFileException busy(Path lockFile) {
        return new ProjectFileException("another jpa-migrate:generate of this project is writing migrations right now"
                + " (it holds " + lockFile + "). Wait for it to finish, then run generate again: it will see"
                + " that run's migration and snapshot.");
    }

    /** Deletes the lock file (while still holding the lock, so no run can take it half-way) and releases it. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(key);
        } catch (IOException e) {
            // left behind: the next run locks and deletes it
        }
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(key);
            deleteIfEmpty(createdDirectory);
        }
    }
}
