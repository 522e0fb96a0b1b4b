package io.github.jpamigrate.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Compares the writer's output for {@link SampleModels#rich()} with the committed golden file, so
 * that any change to the descriptor text is a reviewed change to that file.
 *
 * <p>After an intended format change, regenerate the file and review its diff:
 * <pre>
 * mvn -B -q -pl core test -Dtest=DescriptorGoldenTest -Djpamigrate.regenerateGolden=true
 * </pre>
 * Surefire runs in the module directory, so the file is rewritten in {@code core/src/test/resources}.
 */
class DescriptorGoldenTest {

    /** The golden descriptor, relative to the core module directory. */
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "rich-model.json");

    private static final boolean REGENERATE = Boolean.getBoolean("jpamigrate.regenerateGolden");

    static String golden() throws IOException {
        return Files.readString(GOLDEN, StandardCharsets.UTF_8);
    }

    @Test
    void richModelIsWrittenAsTheGoldenFile() throws IOException {
        byte[] written = DescriptorJson.writeBytes(SampleModels.rich());
        if (REGENERATE) {
            Files.write(GOLDEN, written);
        }
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(golden());
    }

    @Test
    void goldenFileReadsBackAsTheRichModel() throws IOException {
        assertThat(DescriptorJson.read(GOLDEN)).isEqualTo(SampleModels.rich());
    }
}
