package io.github.jpamigrate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.processor.emit.DescriptorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental compile against the full one where the classes' signatures decide (see
 * {@link IncrementalEqualsFullTest}): what a class file keeps of a source, classes changed where the
 * processor did not see them, and generated models with random edits.
 */
class IncrementalSignatureTest {

    @TempDir
    Path dir;
    private IncrementalRuns runs;

    @BeforeEach
    void runs() {
        runs = new IncrementalRuns(dir);
    }

    /**
     * What a class file does not keep as its source has it (member order, {@code @Override}, javac 17's
     * type-use annotations on {@code @NotNull} fields) does not stop the reuse; a change of a
     * constraint does not reuse.
     */
    @Test
    void sourceAndClassFileGiveTheSameSignature() throws IOException {
        String customer = """
                package shop;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                import java.util.List;
                @Entity @Access(AccessType.PROPERTY) public class Customer {
                    private Long id; private String name; private List<String> tags;
                    @Id public Long getId() { return id; } public void setId(Long id) { this.id = id; }
                    @NotNull @Size(max = 40) public String getName() { return name; }
                    public void setName(@NotNull String name) { this.name = name; }
                    @ElementCollection public List<@NotBlank String> getTags() { return tags; }
                    public void setTags(List<String> tags) { this.tags = tags; }
                    @Override public String toString() { return name; }
                }
                """;
        String order = """
                package shop;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class PurchaseOrder { @Id Long id; @NotNull @ManyToOne Customer customer; @Min(1) int qty;
                    @Override public int hashCode() { return 1; } }
                """;
        Map<String, String> model = Map.of("Customer", customer, "PurchaseOrder", order);
        runs.same(model, Map.of("PurchaseOrder", order.replace("return 1;", "return 2;")), Set.of(), true);
        runs.same(model, Map.of("Customer", customer.replace("return name; }\n}", "return name + 1; }\n}")), Set.of(), true);
        runs.same(model, Map.of("Customer", customer.replace("max = 40", "max = 41")), Set.of(), false);
        runs.same(model, Map.of("PurchaseOrder", order.replace("@Min(1)", "@Min(2)")), Set.of(), false);
    }

    @Test
    void aClassRecompiledWithoutTheProcessorIsSeenLater() throws IOException {
        String task = """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Task { @Id Long id; @Enumerated(EnumType.STRING) Status status; }
                """;
        Map<String, String> model = Map.of("Status", "package shop; public enum Status { NEW, DONE }", "Task", task);
        Path out = runs.fullCompile("inc", model);
        // the enum alone: no mapping annotation in the compilation, so javac does not run the processor
        String status = "package shop; public enum Status { NEW, DONE, ARCHIVED }";
        assertThat(IncrementalRuns.javac(out, List.of(runs.write("edit", "Status", status))))
                .contains("not recognized by any processor").doesNotContain("error");
        Map<String, String> edited = new LinkedHashMap<>(model);
        edited.put("Status", status);
        runs.incremental(out, edited, Map.of("Task", task.replace("status; }", "status; int n() { return 1; } }")), Set.of(),
                false);
    }

    /**
     * A mapped superclass in another module (here: another output folder on the class path) changes, and the
     * IDE recompiles the entity extending it, whose own source is as it was: the scan must read it again.
     */
    @Test
    void aChangeInAnotherModuleIsScanned() throws IOException {
        String base = "package shop; import jakarta.persistence.*; @MappedSuperclass public abstract class Base { @Id Long id; }";
        String item = "package shop; import jakarta.persistence.*; @Entity public class Item extends Base { String name; }";
        Path lib = Files.createDirectories(dir.resolve("lib/classes"));
        assertThat(IncrementalRuns.javac(lib, List.of(runs.write("lib", "Base", base)), "")).isEmpty();
        Path out = Files.createDirectories(dir.resolve("app/classes"));
        assertThat(IncrementalRuns.javac(out, List.of(runs.write("app", "Item", item)), lib.toString())).isEmpty();

        Path lib2 = Files.createDirectories(dir.resolve("lib2/classes"));
        String changed = base.replace("Long id;", "Long id; String region;");
        assertThat(IncrementalRuns.javac(lib2, List.of(runs.write("lib", "Base", changed)), "")).isEmpty();
        Files.setLastModifiedTime(IncrementalRuns.state(out), FileTime.fromMillis(0));
        assertThat(IncrementalRuns.javac(out, List.of(runs.write("app", "Item", item)), lib2.toString())).isEmpty();
        Path full = Files.createDirectories(dir.resolve("full/classes"));
        assertThat(IncrementalRuns.javac(full, List.of(runs.write("app", "Item", item)), lib2.toString())).isEmpty();
        assertThat(Files.readString(out.resolve(DescriptorFile.PATH))).contains("region")
                .isEqualTo(Files.readString(full.resolve(DescriptorFile.PATH)));
        assertThat(Files.getLastModifiedTime(IncrementalRuns.state(out)).toMillis()).isNotZero();
    }

    /**
     * Generated models and edits, seeded: entities with keys of several types, references to earlier
     * entities, an embeddable, a mapped superclass and a single-table hierarchy; one or two sources edited
     * by a method body, a new field, another key type or a named key column. Only method bodies may reuse.
     */
    @Test
    void generatedModelsAndEdits() throws IOException {
        Set<Boolean> seen = new java.util.HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            Map<String, String> model = generatedModel(random);
            List<String> names = new ArrayList<>(model.keySet());
            Map<String, String> edit = new LinkedHashMap<>();
            boolean onlyBodies = true;
            for (int i = 0, edits = 1 + random.nextInt(2); i < edits; i++) {
                String name = names.get(random.nextInt(names.size()));
                String text = edit.getOrDefault(name, model.get(name));
                int kind = random.nextInt(4);
                String edited = switch (kind) {
                    case 0 -> text.replace("/*members*/", "/*members*/ int helper" + i + "() { return " + i + "; }");
                    case 1 -> text.replace("/*members*/", "/*members*/ String extra" + i + ";");
                    case 2 -> text.replace("/*key*/ Long", "/*key*/ String").replace("/*key*/ Integer", "/*key*/ Long")
                            .replace("/*key*/ String", "/*key*/ Integer");
                    default -> text.replace("/*key*/", "@Column(name = \"key_" + i + "\")");
                };
                if (edited.equals(text)) {
                    // no key in this class: a new field instead
                    edited = text.replace("/*members*/", "/*members*/ String extra" + i + ";");
                    kind = 1;
                }
                onlyBodies &= kind == 0;
                edit.put(name, edited);
            }
            runs.same(model, edit, Set.of(), onlyBodies);
            seen.add(onlyBodies);
        }
        assertThat(seen).as("both reused and scanned among the seeds").containsExactlyInAnyOrder(true, false);
    }

    private static Map<String, String> generatedModel(java.util.SplittableRandom random) {
        String header = "package shop; import jakarta.persistence.*; ";
        Map<String, String> model = new LinkedHashMap<>();
        model.put("Part", header + "@Embeddable public class Part { String label; int qty; /*members*/ }");
        model.put("Stamped", header + "@MappedSuperclass public abstract class Stamped { @Version long version;"
                + " java.time.Instant created; /*members*/ }");
        model.put("Node", header + "@Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) public class Node {"
                + " @Id /*key*/ Long id; /*members*/ }");
        model.put("Leaf", header + "@Entity public class Leaf extends Node { String a; /*members*/ }");
        model.put("Twig", header + "@Entity public class Twig extends Node { int b; @ManyToOne Leaf leaf; /*members*/ }");
        List<String> keys = List.of("Long", "String", "Integer");
        int count = 4 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder(" @Id /*key*/ " + keys.get(random.nextInt(3)) + " id; String name;");
            if (random.nextBoolean()) {
                body.append(" @Embedded Part part;");
            }
            if (i > 0 && random.nextInt(3) > 0) {
                body.append(" @ManyToOne E").append(random.nextInt(i)).append(" parent;");
            }
            if (random.nextInt(4) == 0) {
                body.append(" @ManyToOne Node node;");
            }
            model.put("E" + i, header + "@Entity public class E" + i + (random.nextBoolean() ? " extends Stamped" : "")
                    + " {" + body + " /*members*/ }");
        }
        return model;
    }
}
