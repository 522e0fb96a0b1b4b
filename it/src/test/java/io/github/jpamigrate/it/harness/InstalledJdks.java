package io.github.jpamigrate.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds other JDKs to compile the template projects with, so that the processor is tested under
 * the Java versions users compile with, not only the one running the tests.
 */
public final class InstalledJdks {

    /** JDK homes to try first, separated like a class path; CI sets it where JDKs live elsewhere. */
    public static final String VARIABLE = "JPAMIGRATE_TEST_JDKS";

    /** Where JDK packages install themselves on Linux and macOS. */
    private static final List<Path> FOLDERS = List.of(
            Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"));

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private InstalledJdks() {
    }

    /** A JDK home whose {@code release} file says this feature version, if one is installed. */
    public static Optional<Path> find(int feature) {
        return candidates().stream().filter(home -> feature(home) == feature).findFirst();
    }

    /** Says where {@link #find} looked, for the message of a skipped test. */
    public static String searched() {
        return "$" + VARIABLE + ", " + FOLDERS;
    }

    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        String listed = System.getenv(VARIABLE);
        if (listed != null) {
            for (String home : listed.split(java.io.File.pathSeparator)) {
                if (!home.isBlank()) {
                    homes.add(Path.of(home.trim()));
                }
            }
        }
        for (Path folder : FOLDERS) {
            homes.addAll(children(folder));
        }
        return homes;
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            // macOS keeps the home in Contents/Home.
            return entries.flatMap(entry -> Stream.of(entry, entry.resolve("Contents/Home"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/javac"))) {
            return -1;
        }
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
