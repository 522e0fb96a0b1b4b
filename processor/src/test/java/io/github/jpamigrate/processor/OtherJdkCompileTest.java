package io.github.jpamigrate.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.palantir.javapoet.JavaFile;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the {@code javac} of other installed JDKs with the processor on {@code -processorpath} only
 * (no JPA jar there: the entity's annotations come from the class path), as a user's build would.
 * The generated schema check class must compile there without a warning. Skipped for JDKs that are not installed.
 */
class OtherJdkCompileTest {

    private static final String ENTITY = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Customer { @Id @GeneratedValue Long id; String name; java.time.Instant seen; }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-21-openjdk-amd64",
        "/usr/lib/jvm/temurin-25-jdk-amd64"})
    void processorRunsUnderJdk(String javaHome) throws IOException, InterruptedException {
        Path javac = Path.of(javaHome, "bin", "javac");
        assumeTrue(Files.isExecutable(javac), "no JDK at " + javaHome);
        Path src = dir.resolve("src/shop/Customer.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, ENTITY, StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        // The processor and exactly what it needs at run time, wherever the build put them (a reactor
        // build hands core over as a jar, an IDE as a classes folder).
        String processorPath = Stream.of(JpaMigrateProcessor.class, DescriptorJson.class, JsonFactory.class, JavaFile.class)
                .map(OtherJdkCompileTest::location)
                .collect(Collectors.joining(File.pathSeparator));
        String jpa = classPath.stream().filter(e -> e.contains("jakarta.persistence-api")).findFirst().orElseThrow();
        Path generated = Files.createDirectories(dir.resolve("generated"));
        // -Xlint:all without "processing" (javac's note that no processor claims JPA's annotations) and -Werror:
        // the generated schema class must compile warning-free with every JDK
        Process p = new ProcessBuilder(javac.toString(), "-processorpath", processorPath, "-classpath", jpa,
                "-Xlint:all,-processing", "-Werror", "-s", generated.toString(), "-d", out.toString(), src.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain("warning: Supported source version");
        SchemaModel model = DescriptorJson.read(Files.readString(out.resolve(DescriptorFile.PATH)), DescriptorFile.PATH);
        assertThat(model.table("Customer").orElseThrow().column("seen").orElseThrow().type().toString())
                .isEqualTo("timestamp_tz(6)");
        assertThat(generated.resolve("shop/JpaMigrateSchema.java")).exists();
        assertThat(out.resolve("shop/JpaMigrateSchema.class")).exists();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
