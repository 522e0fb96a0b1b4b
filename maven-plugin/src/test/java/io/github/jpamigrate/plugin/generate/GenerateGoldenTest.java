package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.plugin.project.ProjectFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file two {@code generate} runs write (the initial schema, then a change that needs a
 * SQLite rebuild) compared byte for byte with the committed golden files, so that any change to
 * the generated text is a reviewed change to those files.
 *
 * <p>After an intended change, regenerate them and review the diff:
 * <pre>
 * mvn -B -q -pl maven-plugin -am test -Dtest=GenerateGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Djpamigrate.regenerateGolden=true
 * </pre>
 * Surefire runs in the module directory, so the files are rewritten in {@code maven-plugin/src/test/resources}.
 */
class GenerateGoldenTest {

    /** The golden files, relative to the maven-plugin module directory; the tree mirrors the project's {@code src/main}. */
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "generate");

    private static final boolean REGENERATE = Boolean.getBoolean("jpamigrate.regenerateGolden");

    @Test
    void twoGenerationsWriteTheGoldenFiles(@TempDir Path dir) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate((String) null);
        project.compile(widerName(withPhone(shop())));
        project.generate("longer names and a phone");

        Path written = dir.resolve("src").resolve("main");
        if (REGENERATE) {
            copyTree(written, GOLDEN);
        }
        assertThat(files(written)).isEqualTo(files(GOLDEN));
        for (String file : files(GOLDEN)) {
            assertThat(Files.readString(written.resolve(file), StandardCharsets.UTF_8))
                    .as(file)
                    .isEqualTo(Files.readString(GOLDEN.resolve(file), StandardCharsets.UTF_8));
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (String file : files(from)) {
            Files.createDirectories(to.resolve(file).getParent());
            Files.copy(from.resolve(file), to.resolve(file));
        }
    }
}
