package io.github.jpamigrate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.processor.emit.DescriptorFile;
import io.github.jpamigrate.processor.emit.IncrementalState;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental compile gives what a full compile of the edited sources gives: the descriptor's bytes
 * and the schema check class's {@code MODEL_HASH}. Each case compiles a model in full, recompiles the
 * edited sources into that output (the output on the class path, {@code -s} for generated files, as
 * Maven and IDEs do), compiles the edited model in full into a fresh output, and compares. Each also
 * says whether the incremental compile may take the previous descriptor as it was (the state file left
 * untouched) or has to scan (the state file written anew).
 */
class IncrementalEqualsFullTest {

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Customer { @Id Long id; String name; }
            """;
    private static final String ORDER = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class PurchaseOrder { @Id Long id; @ManyToOne Customer customer; }
            """;

    @TempDir
    Path dir;

    @Test
    void aMethodBodyOrAHelperMethodReusesTheDescriptor() throws IOException {
        same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("PurchaseOrder", ORDER.replace("customer; }", "customer; long total() { return 1 + 2; } }")),
                Set.of(), true);
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
        same(model, Map.of("PurchaseOrder", order.replace("return 1;", "return 2;")), Set.of(), true);
        same(model, Map.of("Customer", customer.replace("return name; }\n}", "return name + 1; }\n}")), Set.of(), true);
        same(model, Map.of("Customer", customer.replace("max = 40", "max = 41")), Set.of(), false);
        same(model, Map.of("PurchaseOrder", order.replace("@Min(1)", "@Min(2)")), Set.of(), false);
    }

    @Test
    void anUnchangedSourceReusesTheDescriptor() throws IOException {
        same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER), Map.of("Customer", CUSTOMER), Set.of(), true);
    }

    @Test
    void aGetterIsReadAsAPropertyAndScans() throws IOException {
        same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("Customer", CUSTOMER.replace("name; }", "name; public String getName() { return name; } }")),
                Set.of(), false);
    }

    @Test
    void theForeignKeyFollowsItsTargetsKeyType() throws IOException {
        same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("Customer", CUSTOMER.replace("@Id Long id", "@Id String id")), Set.of(), false);
    }

    @Test
    void theForeignKeyFollowsItsTargetsKeyColumn() throws IOException {
        same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("Customer", CUSTOMER.replace("@Id Long id", "@Id @Column(name = \"customer_no\") Long id")),
                Set.of(), false);
    }

    @Test
    void singleTableSubclassAddsToTheSharedTable() throws IOException {
        same(Map.of("Vehicle", """
                        package shop;
                        import jakarta.persistence.*;
                        @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) public class Vehicle { @Id Long id; }
                        """,
                        "Car", "package shop; import jakarta.persistence.*; @Entity public class Car extends Vehicle { int doors; }",
                        "Truck", "package shop; import jakarta.persistence.*; @Entity public class Truck extends Vehicle { double load; }"),
                Map.of("Car", "package shop; import jakarta.persistence.*; @Entity public class Car extends Vehicle { int doors; String colour; }"),
                Set.of(), false);
    }

    @Test
    void joinedSubclassFollowsItsRootsKey() throws IOException {
        String account = """
                package shop;
                import jakarta.persistence.*;
                @Entity @Inheritance(strategy = InheritanceType.JOINED) public class Account { @Id Long id; String owner; }
                """;
        same(Map.of("Account", account,
                        "Savings", "package shop; import jakarta.persistence.*; @Entity public class Savings extends Account { double rate; }"),
                Map.of("Account", account.replace("@Id Long id", "@Id Integer id")), Set.of(), false);
    }

    @Test
    void anEmbeddableChangeReachesItsOwner() throws IOException {
        same(Map.of("Address", "package shop; import jakarta.persistence.*; @Embeddable public class Address { String street; }",
                        "Person", "package shop; import jakarta.persistence.*; @Entity public class Person { @Id Long id; @Embedded Address home; }"),
                Map.of("Address", "package shop; import jakarta.persistence.*; @Embeddable public class Address { String street; String city; }"),
                Set.of(), false);
    }

    @Test
    void anEmbeddableMethodBodyReusesTheDescriptor() throws IOException {
        same(Map.of("Address", "package shop; import jakarta.persistence.*; @Embeddable public class Address { String street; }",
                        "Person", "package shop; import jakarta.persistence.*; @Entity public class Person { @Id Long id; @Embedded Address home; }"),
                Map.of("Address", "package shop; import jakarta.persistence.*; @Embeddable public class Address { String street;"
                        + " String line() { return street + \"!\"; } }"),
                Set.of(), true);
    }

    @Test
    void aMappedSuperclassChangeReachesEverySubclass() throws IOException {
        String base = """
                package shop;
                import jakarta.persistence.*;
                @MappedSuperclass public abstract class Base { @Id Long id; @Version int version; }
                """;
        same(Map.of("Base", base,
                        "Item", "package shop; import jakarta.persistence.*; @Entity public class Item extends Base { String name; }",
                        "Tag", "package shop; import jakarta.persistence.*; @Entity public class Tag extends Base { String label; }"),
                Map.of("Base", base.replace("int version;", "int version; String createdBy;")), Set.of(), false);
    }

    @Test
    void aUnidirectionalOneToManyPutsItsColumnInTheTargetsTable() throws IOException {
        String author = """
                package shop;
                import jakarta.persistence.*;
                import java.util.List;
                @Entity public class Author { @Id Long id; @OneToMany @JoinColumn(name = "author_id") List<Book> books; }
                """;
        String book = "package shop; import jakarta.persistence.*; @Entity public class Book { @Id Long id; String title; }";
        Map<String, String> model = Map.of("Author", author, "Book", book);
        same(model, Map.of("Book", book.replace("title;", "title; int pages;")), Set.of(), false);
        same(model, Map.of("Author", author.replace("author_id", "writer_id")), Set.of(), false);
    }

    @Test
    void aSecondaryTableColumnIsAdded() throws IOException {
        String employee = """
                package shop;
                import jakarta.persistence.*;
                @Entity @SecondaryTable(name = "employee_detail")
                public class Employee { @Id Long id; @Column(table = "employee_detail") String bio; }
                """;
        same(Map.of("Employee", employee, "Customer", CUSTOMER),
                Map.of("Employee", employee.replace("String bio;", "String bio; @Column(table = \"employee_detail\") String photo;")),
                Set.of(), false);
    }

    @Test
    void aSequenceSharedByNameStaysOne() throws IOException {
        String a = """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Ticket {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
                    @SequenceGenerator(name = "ids", sequenceName = "shared_seq", allocationSize = 50) Long id;
                }
                """;
        String b = a.replace("Ticket", "Voucher");
        same(Map.of("Ticket", a, "Voucher", b), Map.of("Ticket", a.replace("Long id;", "Long id; String code;")), Set.of(), false);
        same(Map.of("Ticket", a, "Voucher", b), Map.of("Ticket", a.replace("Long id;", "Long id; int n() { return 1; }")),
                Set.of(), true);
    }

    @Test
    void anAddedEntityIsScanned() throws IOException {
        same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER), Map.of("Invoice", """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Invoice { @Id Long id; @ManyToOne Customer customer; }
                """), Set.of(), false);
    }

    @Test
    void aRemovedEntityDropsOut() throws IOException {
        same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER, "Invoice", """
                        package shop;
                        import jakarta.persistence.*;
                        @Entity public class Invoice { @Id Long id; }
                        """),
                Map.of("Customer", CUSTOMER.replace("name; }", "name; int n() { return 1; } }")), Set.of("Invoice"), false);
    }

    @Test
    void anAutoAppliedConverterCompiledEarlierStillApplies() throws IOException {
        Map<String, String> model = Map.of(
                "Money", "package shop; public record Money(long cents) { }",
                "MoneyConverter", """
                        package shop;
                        import jakarta.persistence.*;
                        @Converter(autoApply = true) public class MoneyConverter implements AttributeConverter<Money, String> {
                            public String convertToDatabaseColumn(Money m) { return String.valueOf(m.cents()); }
                            public Money convertToEntityAttribute(String s) { return new Money(Long.parseLong(s)); }
                        }
                        """,
                "Wallet", "package shop; import jakarta.persistence.*; @Entity public class Wallet { @Id Long id; Money balance; }");
        same(model, Map.of("Wallet", "package shop; import jakarta.persistence.*; @Entity public class Wallet { @Id Long id;"
                + " Money balance; String label; }"), Set.of(), false);
    }

    @Test
    void anEnumConstantAddedIsScanned() throws IOException {
        String task = """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Task { @Id Long id; @Enumerated(EnumType.STRING) Status status; @Enumerated Status last; }
                """;
        same(Map.of("Status", "package shop; public enum Status { NEW, DONE }", "Task", task),
                Map.of("Status", "package shop; public enum Status { NEW, DONE, ARCHIVED }", "Task", task), Set.of(), false);
    }

    @Test
    void aClassRecompiledWithoutTheProcessorIsSeenLater() throws IOException {
        String task = """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Task { @Id Long id; @Enumerated(EnumType.STRING) Status status; }
                """;
        Map<String, String> model = Map.of("Status", "package shop; public enum Status { NEW, DONE }", "Task", task);
        Path out = fullCompile("inc", model);
        // the enum alone: no mapping annotation in the compilation, so javac does not run the processor
        String status = "package shop; public enum Status { NEW, DONE, ARCHIVED }";
        assertThat(javac(out, List.of(write("edit", "Status", status))))
                .contains("not recognized by any processor").doesNotContain("error");
        Map<String, String> edited = new LinkedHashMap<>(model);
        edited.put("Status", status);
        incremental(out, edited, Map.of("Task", task.replace("status; }", "status; int n() { return 1; } }")), Set.of(),
                false);
    }

    @Test
    void anUnusedEmbeddableEditedReusesTheDescriptor() throws IOException {
        same(Map.of("Customer", CUSTOMER, "Spare", "package shop; import jakarta.persistence.*; @Embeddable public class Spare { int a; }"),
                Map.of("Spare", "package shop; import jakarta.persistence.*; @Embeddable public class Spare { int a; long b; }"),
                Set.of(), true);
    }

    @Test
    void aMissingOrForeignStateScans() throws IOException {
        Map<String, String> model = Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER);
        Map<String, String> edit = Map.of("PurchaseOrder", ORDER.replace("customer; }", "customer; int n() { return 1; } }"));
        Path out = fullCompile("a", model);
        Files.delete(state(out));
        incremental(out, model, edit, Set.of(), false);
        Path other = fullCompile("b", model);
        Files.writeString(state(other), Files.readString(state(other)).replace("naming=jpa", "naming=spring"));
        incremental(other, model, edit, Set.of(), false);
        Path corrupt = fullCompile("c", model);
        Files.writeString(state(corrupt), Files.readString(state(corrupt)).replace("\nend\n", "\n"));
        incremental(corrupt, model, edit, Set.of(), false);
    }

    @Test
    void afterAFailedCompileTheOldStateIsNotTrusted() throws IOException {
        Map<String, String> model = Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER);
        Path out = fullCompile("a", model);
        String log = javac(out, List.of(write("edit", "PurchaseOrder",
                "package shop; import jakarta.persistence.*; @Entity public class PurchaseOrder { Long id; }")));
        assertThat(log).contains("[JM010]");
        assertThat(Files.readString(state(out))).doesNotContain("model-hash");
        // the source is back as it was: not the last descriptor's model for all the processor can tell, so it scans
        incremental(out, model, Map.of("PurchaseOrder", ORDER), Set.of(), false);
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
        assertThat(javac(lib, List.of(write("lib", "Base", base)), "")).isEmpty();
        Path out = Files.createDirectories(dir.resolve("app/classes"));
        assertThat(javac(out, List.of(write("app", "Item", item)), lib.toString())).isEmpty();

        Path lib2 = Files.createDirectories(dir.resolve("lib2/classes"));
        assertThat(javac(lib2, List.of(write("lib", "Base", base.replace("Long id;", "Long id; String region;"))), "")).isEmpty();
        Files.setLastModifiedTime(state(out), FileTime.fromMillis(0));
        assertThat(javac(out, List.of(write("app", "Item", item)), lib2.toString())).isEmpty();
        Path full = Files.createDirectories(dir.resolve("full/classes"));
        assertThat(javac(full, List.of(write("app", "Item", item)), lib2.toString())).isEmpty();
        assertThat(Files.readString(out.resolve(DescriptorFile.PATH))).contains("region")
                .isEqualTo(Files.readString(full.resolve(DescriptorFile.PATH)));
        assertThat(Files.getLastModifiedTime(state(out)).toMillis()).isNotZero();
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
            same(model, edit, Set.of(), onlyBodies);
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

    /** Compiles {@code model} in full, then the edit incrementally, and compares with a full compile of the edited model. */
    private void same(Map<String, String> model, Map<String, String> edit, Set<String> deleted, boolean reused)
            throws IOException {
        Path out = fullCompile("inc", model);
        incremental(out, model, edit, deleted, reused);
    }

    private void incremental(Path out, Map<String, String> model, Map<String, String> edit, Set<String> deleted,
                             boolean reused) throws IOException {
        Path state = state(out);
        if (Files.exists(state)) {
            Files.setLastModifiedTime(state, FileTime.fromMillis(0));
        }
        for (String gone : deleted) {
            Files.delete(out.resolve("shop/" + gone + ".class"));
        }
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : edit.entrySet()) {
            changed.add(write("edit", e.getKey(), e.getValue()));
        }
        assertThat(javac(out, changed)).isEmpty();

        Map<String, String> edited = new LinkedHashMap<>(model);
        edited.putAll(edit);
        deleted.forEach(edited::remove);
        Path full = fullCompile("full", edited);
        assertThat(new String(Files.readAllBytes(out.resolve(DescriptorFile.PATH)), StandardCharsets.UTF_8))
                .isEqualTo(new String(Files.readAllBytes(full.resolve(DescriptorFile.PATH)), StandardCharsets.UTF_8));
        assertThat(modelHash(out)).isEqualTo(modelHash(full));
        assertThat(Files.getLastModifiedTime(state).toMillis() == 0).as("descriptor reused as it was").isEqualTo(reused);
        // the same state, but for the type-use hash of classes read from class files, which javac 17 cannot know
        assertThat(withoutTypeUse(state)).isEqualTo(withoutTypeUse(state(full)));
    }

    private static String withoutTypeUse(Path state) throws IOException {
        return Files.readString(state).replaceAll("(?m)^(reads \\S+ \\S+) \\S+$", "$1");
    }

    private Path fullCompile(String name, Map<String, String> model) throws IOException {
        Path out = dir.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(out.resolve("classes"));
        List<Path> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : model.entrySet()) {
            sources.add(write(out.getFileName() + "-src", e.getKey(), e.getValue()));
        }
        assertThat(javac(out.resolve("classes"), sources)).isEmpty();
        return out.resolve("classes");
    }

    private Path write(String folder, String name, String text) throws IOException {
        Path file = dir.resolve(folder + "-" + System.nanoTime()).resolve("shop").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The state file, in the generated sources folder beside the classes folder. */
    private static Path state(Path classes) {
        return classes.resolveSibling("generated").resolve(IncrementalState.PATH);
    }

    private static String modelHash(Path classes) {
        try {
            return (String) CompiledOutput.loader(classes).loadClass("shop.JpaMigrateSchema").getField("MODEL_HASH").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Compiles into {@code out} with {@code out} on the class path and {@code -s} beside it; returns the diagnostics. */
    private static String javac(Path out, List<Path> sources) throws IOException {
        return javac(out, sources, "");
    }

    private static String javac(Path out, List<Path> sources, String classPath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        Path generated = Files.createDirectories(out.resolveSibling("generated"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", generated.toString(),
                    "-classpath", out + File.pathSeparator + (classPath.isEmpty() ? "" : classPath + File.pathSeparator)
                            + System.getProperty("java.class.path"),
                    "-implicit:class", "-Ajpamigrate.naming=jpa"));
            JavaCompiler.CompilationTask task = compiler.getTask(log, files, null, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new JpaMigrateProcessor()));
            task.call();
        }
        return log.toString();
    }
}
