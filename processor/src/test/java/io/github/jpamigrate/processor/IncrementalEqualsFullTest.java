package io.github.jpamigrate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental compile gives what a full compile of the edited sources gives: the descriptor's bytes
 * and the schema check class's {@code MODEL_HASH}. Each case compiles a model in full, recompiles the
 * edited sources into that output, compiles the edited model in full into a fresh output, and compares
 * ({@link IncrementalRuns}); each also says whether the incremental compile may keep the previous
 * descriptor or has to scan. The mappings that reach across entities: a foreign key's target, both
 * inheritance kinds, embeddables, mapped superclasses, a one-to-many join column, secondary tables, a
 * shared sequence, added and removed entities, converters, enums.
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
    private IncrementalRuns runs;

    @BeforeEach
    void runs() {
        runs = new IncrementalRuns(dir);
    }

    @Test
    void aMethodBodyOrAHelperMethodReusesTheDescriptor() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("PurchaseOrder", ORDER.replace("customer; }", "customer; long total() { return 1 + 2; } }")),
                Set.of(), true);
    }

    @Test
    void anUnchangedSourceReusesTheDescriptor() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER), Map.of("Customer", CUSTOMER), Set.of(), true);
    }

    @Test
    void aGetterIsReadAsAPropertyAndScans() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("Customer", CUSTOMER.replace("name; }", "name; public String getName() { return name; } }")),
                Set.of(), false);
    }

    @Test
    void theForeignKeyFollowsItsTargetsKeyType() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("Customer", CUSTOMER.replace("@Id Long id", "@Id String id")), Set.of(), false);
    }

    @Test
    void theForeignKeyFollowsItsTargetsKeyColumn() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER),
                Map.of("Customer", CUSTOMER.replace("@Id Long id", "@Id @Column(name = \"customer_no\") Long id")),
                Set.of(), false);
    }

    @Test
    void singleTableSubclassAddsToTheSharedTable() throws IOException {
        runs.same(Map.of("Vehicle", """
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
        runs.same(Map.of("Account", account,
                        "Savings", "package shop; import jakarta.persistence.*; @Entity public class Savings extends Account { double rate; }"),
                Map.of("Account", account.replace("@Id Long id", "@Id Integer id")), Set.of(), false);
    }

    @Test
    void anEmbeddableChangeReachesItsOwner() throws IOException {
        runs.same(Map.of("Address", "package shop; import jakarta.persistence.*; @Embeddable public class Address { String street; }",
                        "Person", "package shop; import jakarta.persistence.*; @Entity public class Person { @Id Long id; @Embedded Address home; }"),
                Map.of("Address", "package shop; import jakarta.persistence.*; @Embeddable public class Address { String street; String city; }"),
                Set.of(), false);
    }

    @Test
    void anEmbeddableMethodBodyReusesTheDescriptor() throws IOException {
        runs.same(Map.of("Address", "package shop; import jakarta.persistence.*; @Embeddable public class Address { String street; }",
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
        runs.same(Map.of("Base", base,
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
        runs.same(model, Map.of("Book", book.replace("title;", "title; int pages;")), Set.of(), false);
        runs.same(model, Map.of("Author", author.replace("author_id", "writer_id")), Set.of(), false);
    }

    @Test
    void aSecondaryTableColumnIsAdded() throws IOException {
        String employee = """
                package shop;
                import jakarta.persistence.*;
                @Entity @SecondaryTable(name = "employee_detail")
                public class Employee { @Id Long id; @Column(table = "employee_detail") String bio; }
                """;
        runs.same(Map.of("Employee", employee, "Customer", CUSTOMER),
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
        runs.same(Map.of("Ticket", a, "Voucher", b), Map.of("Ticket", a.replace("Long id;", "Long id; String code;")), Set.of(), false);
        runs.same(Map.of("Ticket", a, "Voucher", b), Map.of("Ticket", a.replace("Long id;", "Long id; int n() { return 1; }")),
                Set.of(), true);
    }

    @Test
    void anAddedEntityIsScanned() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER), Map.of("Invoice", """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Invoice { @Id Long id; @ManyToOne Customer customer; }
                """), Set.of(), false);
    }

    @Test
    void aRemovedEntityDropsOut() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER, "Invoice", """
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
        runs.same(model, Map.of("Wallet", "package shop; import jakarta.persistence.*; @Entity public class Wallet { @Id Long id;"
                + " Money balance; String label; }"), Set.of(), false);
    }

    @Test
    void anEnumConstantAddedIsScanned() throws IOException {
        String task = """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Task { @Id Long id; @Enumerated(EnumType.STRING) Status status; @Enumerated Status last; }
                """;
        runs.same(Map.of("Status", "package shop; public enum Status { NEW, DONE }", "Task", task),
                Map.of("Status", "package shop; public enum Status { NEW, DONE, ARCHIVED }", "Task", task), Set.of(), false);
    }

    @Test
    void anUnusedEmbeddableEditedReusesTheDescriptor() throws IOException {
        runs.same(Map.of("Customer", CUSTOMER, "Spare", "package shop; import jakarta.persistence.*; @Embeddable public class Spare { int a; }"),
                Map.of("Spare", "package shop; import jakarta.persistence.*; @Embeddable public class Spare { int a; long b; }"),
                Set.of(), true);
    }

    @Test
    void aMissingOrForeignStateScans() throws IOException {
        Map<String, String> model = Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER);
        Map<String, String> edit = Map.of("PurchaseOrder", ORDER.replace("customer; }", "customer; int n() { return 1; } }"));
        Path out = runs.fullCompile("a", model);
        Files.delete(IncrementalRuns.state(out));
        runs.incremental(out, model, edit, Set.of(), false);
        Path other = runs.fullCompile("b", model);
        Files.writeString(IncrementalRuns.state(other), Files.readString(IncrementalRuns.state(other)).replace("naming=jpa", "naming=spring"));
        runs.incremental(other, model, edit, Set.of(), false);
        Path corrupt = runs.fullCompile("c", model);
        Files.writeString(IncrementalRuns.state(corrupt), Files.readString(IncrementalRuns.state(corrupt)).replace("\nend\n", "\n"));
        runs.incremental(corrupt, model, edit, Set.of(), false);
    }

    @Test
    void afterAFailedCompileTheOldStateIsNotTrusted() throws IOException {
        Map<String, String> model = Map.of("Customer", CUSTOMER, "PurchaseOrder", ORDER);
        Path out = runs.fullCompile("a", model);
        String log = IncrementalRuns.javac(out, List.of(runs.write("edit", "PurchaseOrder",
                "package shop; import jakarta.persistence.*; @Entity public class PurchaseOrder { Long id; }")));
        assertThat(log).contains("[JM010]");
        assertThat(Files.readString(IncrementalRuns.state(out))).doesNotContain("model-hash");
        // the source is back as it was: not the last descriptor's model for all the processor can tell, so it scans
        runs.incremental(out, model, Map.of("PurchaseOrder", ORDER), Set.of(), false);
    }
}
