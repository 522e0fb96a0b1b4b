package io.github.jpamigrate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real javac runs into one output directory, as an IDE or incremental build does: entities compiled
 * earlier are read back from the class output, deleted ones drop out, and a failed compile writes nothing.
 * (compile-testing's in-memory file manager has no previous output, so these use the compiler directly.)
 */
class IncrementalCompileTest {

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Customer { @Id Long id; String name; }
            """;
    private static final String ORDER_V1 = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class PurchaseOrder { @Id Long id; @ManyToOne Customer customer; }
            """;
    private static final String ORDER_V2 = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class PurchaseOrder { @Id Long id; @ManyToOne Customer customer; String note; }
            """;
    private static final String ORDER_V3 = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class PurchaseOrder { @Id Long id; String note; }
            """;

    @TempDir
    Path dir;

    @Test
    void recompilingOneEntityKeepsTheOthers() throws Exception {
        Path out = Files.createDirectories(dir.resolve("classes"));
        assertThat(javac(out, source("Customer", CUSTOMER), source("PurchaseOrder", ORDER_V1))).isEmpty();
        assertThat(tableNames(descriptor(out))).containsExactly("Customer", "PurchaseOrder");

        assertThat(javac(out, source("PurchaseOrder", ORDER_V2))).isEmpty();
        SchemaModel second = descriptor(out);
        assertThat(tableNames(second)).containsExactly("Customer", "PurchaseOrder");
        assertThat(second.table("Customer").orElseThrow().column("name")).isPresent();
        assertThat(second.table("PurchaseOrder").orElseThrow().column("note")).isPresent();
        assertThat(second.table("PurchaseOrder").orElseThrow().foreignKeys()).hasSize(1);
        // the runtime schema check class covers the whole model too, with the new descriptor's hash
        assertThat(Files.readString(out.resolve("shop/JpaMigrateSchema.java")))
                .contains("MODEL_HASH = \"" + ModelHash.of(Files.readAllBytes(out.resolve(DescriptorFile.PATH))) + "\"");
        assertThat(CompiledOutput.tables(CompiledOutput.loader(out), "shop.JpaMigrateSchema")).containsExactly(
                "Customer: [id not null, name]", "PurchaseOrder: [id not null, customer_id, note]");
    }

    @Test
    void anUnchangedModelLeavesTheSchemaClassAsItIs() throws Exception {
        Path out = Files.createDirectories(dir.resolve("classes"));
        assertThat(javac(out, source("Customer", CUSTOMER), source("PurchaseOrder", ORDER_V1))).isEmpty();
        Path schemaClass = out.resolve("shop/JpaMigrateSchema.class");
        byte[] before = Files.readAllBytes(schemaClass);
        Files.setLastModifiedTime(schemaClass, java.nio.file.attribute.FileTime.fromMillis(0));

        // a method body changes, the mapping does not: the class is current and not generated again
        assertThat(javac(out, source("PurchaseOrder", ORDER_V1.replace("}\n", " long total() { return 0; } }\n"))))
                .isEmpty();
        assertThat(Files.getLastModifiedTime(schemaClass).toMillis()).isZero();
        assertThat(Files.readAllBytes(schemaClass)).isEqualTo(before);
        assertThat(CompiledOutput.tables(CompiledOutput.loader(out), "shop.JpaMigrateSchema")).containsExactly(
                "Customer: [id not null, name]", "PurchaseOrder: [id not null, customer_id]");

        // the mapping changes: written again with the new hash
        assertThat(javac(out, source("PurchaseOrder", ORDER_V2))).isEmpty();
        assertThat(Files.getLastModifiedTime(schemaClass).toMillis()).isNotZero();
        assertThat(CompiledOutput.tables(CompiledOutput.loader(out), "shop.JpaMigrateSchema")).containsExactly(
                "Customer: [id not null, name]", "PurchaseOrder: [id not null, customer_id, note]");
    }

    @Test
    void deletedEntitiesDropOut() throws Exception {
        Path out = Files.createDirectories(dir.resolve("classes"));
        assertThat(javac(out, source("Customer", CUSTOMER), source("PurchaseOrder", ORDER_V1))).isEmpty();
        Files.delete(out.resolve("shop/Customer.class"));

        assertThat(javac(out, source("PurchaseOrder", ORDER_V3))).isEmpty();
        assertThat(tableNames(descriptor(out))).containsExactly("PurchaseOrder");
        assertThat(CompiledOutput.tables(CompiledOutput.loader(out), "shop.JpaMigrateSchema"))
                .containsExactly("PurchaseOrder: [id not null, note]");
    }

    @Test
    void anUnreadablePreviousDescriptorIsAWarningNamingTheFix() throws IOException {
        Path out = Files.createDirectories(dir.resolve("classes"));
        assertThat(javac(out, source("Customer", CUSTOMER), source("PurchaseOrder", ORDER_V1))).isEmpty();
        Files.writeString(out.resolve(DescriptorFile.PATH), "{\"tables\": [ {\"entities\": [\"shop.Customer\"");

        String log = javac(out, source("PurchaseOrder", ORDER_V3));
        assertThat(log).contains("[JM002] the descriptor of the previous compilation (META-INF/jpa-migrate/model.json)"
                + " cannot be read").contains("run a full rebuild (mvn clean compile)");
        assertThat(tableNames(descriptor(out))).containsExactly("PurchaseOrder");
    }

    @Test
    void aMappingErrorWritesNoDescriptor() throws IOException {
        Path out = Files.createDirectories(dir.resolve("classes"));
        String broken = """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Broken { String name; }
                """;
        String log = javac(out, source("Customer", CUSTOMER), source("Broken", broken));
        assertThat(log).contains("[JM010]");
        assertThat(out.resolve(DescriptorFile.PATH)).doesNotExist();
    }

    @Test
    void theSameModelGivesTheSameBytes() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        assertThat(javac(a, source("Customer", CUSTOMER), source("PurchaseOrder", ORDER_V1))).isEmpty();
        assertThat(javac(b, source("PurchaseOrder", ORDER_V1), source("Customer", CUSTOMER))).isEmpty();
        assertThat(Files.readAllBytes(b.resolve(DescriptorFile.PATH))).isEqualTo(Files.readAllBytes(a.resolve(DescriptorFile.PATH)));
    }

    private Path source(String name, String text) throws IOException {
        Path file = dir.resolve("src").resolve("shop").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Compiles into {@code out} with {@code out} on the class path; returns the diagnostics text. */
    private static String javac(Path out, Path... sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(),
                    "-classpath", out + File.pathSeparator + System.getProperty("java.class.path"),
                    "-implicit:class"));
            JavaCompiler.CompilationTask task = compiler.getTask(log, files, null, options, null,
                    files.getJavaFileObjects(sources));
            task.setProcessors(List.of(new JpaMigrateProcessor()));
            task.call();
        }
        return log.toString();
    }

    private static SchemaModel descriptor(Path out) throws IOException {
        return DescriptorJson.read(Files.readString(out.resolve(DescriptorFile.PATH)), DescriptorFile.PATH);
    }

    private static List<String> tableNames(SchemaModel model) {
        return model.tables().stream().map(Table::name).toList();
    }
}
