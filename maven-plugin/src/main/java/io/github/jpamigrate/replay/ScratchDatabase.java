package io.github.jpamigrate.replay;

import io.github.jpamigrate.core.sql.Dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A database this tool may fill and throw away: for SQLite a fresh file under the build
 * directory, opened with foreign keys ON as an application would, deleted on {@link #close()}.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Dialect dialect;
    private final String url;
    private final Path file;

    private ScratchDatabase(Dialect dialect, String url, Path file) {
        this.dialect = dialect;
        this.url = url;
        this.file = file;
    }

    /** A new empty SQLite database file in {@code directory} (created if missing). */
    public static ScratchDatabase sqlite(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scratch directory " + directory, e);
        }
        Path file = directory.resolve("scratch-" + UUID.randomUUID() + ".db");
        return new ScratchDatabase(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath() + "?foreign_keys=true", file);
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // A left-over scratch file under target/ is harmless; the next clean removes it.
            }
        }
    }
}
