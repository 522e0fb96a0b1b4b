package io.github.jpamigrate.plugin.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One generate at a time per project, whether the other one runs in this JVM or another process. */
class GenerateLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderInTheSameJvmIsTurnedAwayUntilTheFirstCloses() throws Exception {
        Path file = dir.resolve("src").resolve("main").resolve("jpa-migrate").resolve(".generate-lock");
        try (GenerateLock first = GenerateLock.acquire(file)) {
            assertThatThrownBy(() -> GenerateLock.acquire(file))
                    .isInstanceOf(ProjectFileException.class)
                    .hasMessageContaining("another jpa-migrate:generate of this project is writing migrations right now")
                    .hasMessageContaining(file.toString());
        }
        try (GenerateLock again = GenerateLock.acquire(file)) {
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("src")).as("the folders the lock alone needed").doesNotExist();
    }

    @Test
    void aLockFileLeftByAKilledRunIsTakenAndRemoved() throws Exception {
        Path file = Files.writeString(dir.resolve(".generate-lock"), "token of a run that was killed");
        try (GenerateLock taken = GenerateLock.acquire(file)) {
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
        assertThat(dir).exists();
    }

    @Test
    void aLockHeldByAnotherProcessIsRespected() throws Exception {
        Path file = dir.resolve("generate.lock");
        Path holder = Files.writeString(dir.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                             var lock = c.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), holder.toString(), file.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> GenerateLock.acquire(file))
                    .isInstanceOf(ProjectFileException.class)
                    .hasMessageContaining("another jpa-migrate:generate");
        } finally {
            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (GenerateLock mine = GenerateLock.acquire(file)) {
            assertThat(file).exists();
        }
    }
}
