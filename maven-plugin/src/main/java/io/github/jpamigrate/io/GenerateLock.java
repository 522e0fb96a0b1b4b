package io.github.jpamigrate.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes {@code generate} runs of one project take turns: two at once (two terminals, an IDE and
 * a terminal, a parallel build) would both pick the same next version. The lock is an operating
 * system file lock, so it is released when the holder ends, even by a crash; the lock file itself
 * stays, because deleting it would let a third run lock a different file.
 */
public final class GenerateLock implements AutoCloseable {

    /**
     * Lock files held by this JVM. Checked before the file is opened at all: on POSIX systems
     * closing any descriptor of a file drops every lock the process holds on it, so a second
     * thread must not even open (and then close) the file another thread has locked.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private GenerateLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
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
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(lockFile);
            }
            return new GenerateLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD_HERE.remove(key);
            throw e;
        }
    }

    private static ProjectFileException busy(Path lockFile) {
        return new ProjectFileException("another jpa-migrate:generate of this project is writing migrations right now"
                + " (it holds " + lockFile + "). Wait for it to finish, then run generate again: it will see"
                + " that run's migration and snapshot.");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(key);
        }
    }
}
