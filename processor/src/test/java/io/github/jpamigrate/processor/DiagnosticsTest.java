package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.model.Table;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mapping mistakes are compile errors with a stable code, on the file and line of the element (or
 * annotation member) involved, with a message that names the fix. (That no descriptor is written after an
 * error is checked with a real javac run in {@link IncrementalCompileTest}.)
 */
class DiagnosticsTest {

    private static final String PLAIN = """
            package bad;
            public class Plain { Long id; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void entityWithoutId(String ns) {
        String src = """
                package bad;
                import jakarta.persistence.*;
                @Entity
                public class NoKey { String name; }
                """;
        Compilation c = compile(ns, src);
        assertThat(c).hadErrorContaining("[JM010] entity bad.NoKey has no identifier; annotate one attribute")
                .inFile(file(ns, src)).onLine(4);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void relationshipTargetNotAnEntity(String ns) {
        String src = """
                package bad;
                import jakarta.persistence.*;
                @Entity
                public class Order {
                    @Id Long id;
                    @ManyToOne
                    Plain customer;
                }
                """;
        Compilation c = compile(ns, src, PLAIN);
        assertThat(c).hadErrorContaining("[JM011] @ManyToOne target bad.Plain is not an entity; annotate Plain with @Entity")
                .inFile(file(ns, src)).onLine(6);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void unknownMappedBy(String ns) {
        String parent = """
                package bad;
                import jakarta.persistence.*;
                import java.util.*;
                @Entity
                public class Parent {
                    @Id Long id;
                    @OneToMany(
                        mappedBy = "father")
                    List<Child> children;
                }
                """;
        String child = """
                package bad;
                import jakarta.persistence.*;
                @Entity public class Child { @Id Long id; @ManyToOne Parent parent; }
                """;
        Compilation c = compile(ns, parent, child);
        assertThat(c).hadErrorContaining("[JM012] mappedBy = \"father\" names no relationship attribute of bad.Child;"
                + " use the name of the attribute in Child that owns the relationship (one of: parent)")
                .inFile(file(ns, parent)).onLine(8);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void twoEntitiesMapOneTableWithConflictingColumns(String ns) {
        String a = """
                package bad;
                import jakarta.persistence.*;
                @Entity @Table(name = "shared") public class A { @Id Long id; String code; }
                """;
        String b = """
                package bad;
                import jakarta.persistence.*;
                @Entity @Table(name = "shared")
                public class B {
                    @Id Long id;
                    Integer code;
                }
                """;
        Compilation c = compile(ns, a, b);
        assertThat(c).hadErrorContaining("[JM013] column code of table shared is mapped twice with different definitions:"
                + " varchar(255) by bad.A and integer by bad.B").inFile(file(ns, b)).onLine(6);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddedTypeThatIsNoClass(String ns) {
        // a plain class is fine (Hibernate embeds any class @Embedded names); an interface has no fields to map
        String src = """
                package bad;
                import jakarta.persistence.*;
                @Entity
                public class Holder {
                    @Id Long id;
                    @Embedded Shape value;
                }
                """;
        String shape = """
                package bad;
                public interface Shape { double area(); }
                """;
        Compilation c = compile(ns, src, shape);
        assertThat(c).hadErrorContaining("[JM014] bad.Holder.value is used as an embedded value but bad.Shape is not"
                + " a class Hibernate can embed").inFile(file(ns, src)).onLine(6);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void idClassNotMatchingTheIds(String ns) {
        String key = """
                package bad;
                public class Key implements java.io.Serializable { Long a; Integer b; }
                """;
        String src = """
                package bad;
                import jakarta.persistence.*;
                @Entity
                @IdClass(Key.class)
                public class Pair { @Id Long a; @Id String b; }
                """;
        Compilation c = compile(ns, key, src);
        assertThat(c).hadErrorContaining("[JM015] @IdClass bad.Key does not match the @Id attributes of bad.Pair:"
                + " field b is java.lang.Integer but the @Id attribute is java.lang.String").inFile(file(ns, src)).onLine(4);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void enumeratedOnNonEnum(String ns) {
        String src = """
                package bad;
                import jakarta.persistence.*;
                @Entity
                public class Ticket {
                    @Id Long id;
                    @Enumerated(EnumType.STRING)
                    String status;
                }
                """;
        Compilation c = compile(ns, src);
        assertThat(c).hadErrorContaining("[JM016] @Enumerated is on attribute bad.Ticket.status of type java.lang.String,"
                + " which is not an enum").inFile(file(ns, src)).onLine(6);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void collectionWithoutMapping(String ns) {
        String src = """
                package bad;
                import jakarta.persistence.*;
                @Entity
                public class Bag {
                    @Id Long id;
                    java.util.List<Thread> items;
                }
                """;
        // a List<String> is a basic plural (array) column, as Hibernate maps it (BasicPluralTest)
        Compilation c = compile(ns, src);
        assertThat(c).hadErrorContaining("[JM019] attribute bad.Bag.items is a collection of java.lang.Thread without a mapping")
                .inFile(file(ns, src)).onLine(6);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void indexOnUnknownColumnWarnsAndIsLeftOut(String ns) {
        // Hibernate does not check the name (it writes "create index ... (nmae)"), so this is no error
        String src = """
                package bad;
                import jakarta.persistence.*;
                @Entity
                @Table(indexes = @Index(columnList = "nmae"), uniqueConstraints = @UniqueConstraint(columnNames = {"id", "nmae"}))
                public class Person { @Id Long id; String name; }
                """;
        Compilation c = compile(ns, src);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM031] @Index(columnList) names column 'nmae', which table Person does not"
                + " have, so the descriptor leaves this constraint out. Hibernate does not check the name: its DDL names"
                + " column 'nmae' and the database refuses it (hbm2ddl logs that and goes on). Name one of: id, name")
                .inFile(file(ns, src)).onLine(4);
        assertThat(c).hadWarningContaining("[JM031] @UniqueConstraint(columnNames) names column 'nmae'")
                .inFile(file(ns, src)).onLine(4);
        Table person = ProcessorHarness.table(ProcessorHarness.model(ns, src), "Person");
        assertThat(person.indexes()).isEmpty();
        assertThat(person.uniqueConstraints()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void invalidOptionValues(String ns) {
        String src = """
                package ok;
                import jakarta.persistence.*;
                @Entity public class Fine { @Id Long id; }
                """;
        Compilation c = compile(ns, List.of("-Ajpamigrate.naming=kebab", "-Ajpamigrate.orm=hibernate-5"), src);
        assertThat(c).hadErrorContaining("[JM001] processor option -Ajpamigrate.naming=kebab is not valid; use one of: jpa, spring");
        assertThat(c).hadErrorContaining("[JM001] processor option -Ajpamigrate.orm=hibernate-5 is not valid;"
                + " use one of: hibernate-7, hibernate-6.6");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void unexpectedFailureIsOneErrorOnTheEntityNotACrash(String ns) {
        // a look-alike @Column without the members of the real one makes the reader fail unexpectedly
        String fakeColumn = """
                package jakarta.persistence;
                import java.lang.annotation.*;
                @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD)
                public @interface Column {}
                """;
        String src = """
                package odd;
                import jakarta.persistence.*;
                @Entity
                public class Broken { @Id Long id; @Column String name; }
                """;
        String fine = """
                package odd;
                import jakarta.persistence.*;
                @Entity public class Fine { @Id Long id; }
                """;
        Compilation c = compile(ns, fakeColumn, src, fine);
        assertThat(c).failed();
        List<Diagnostic<? extends JavaFileObject>> errors = c.errors();
        assertThat(errors).hasSize(1);
        assertThat(c).hadErrorContaining("[JM000] internal error while reading odd.Broken:").inFile(file(ns, src)).onLine(4);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void severalMistakesAreAllReported(String ns) {
        String a = """
                package bad;
                import jakarta.persistence.*;
                @Entity public class First { String name; }
                """;
        String b = """
                package bad;
                import jakarta.persistence.*;
                @Entity public class Second { @Id Long id; @Enumerated String code; }
                """;
        Compilation c = compile(ns, a, b);
        assertThat(c).hadErrorContaining("[JM010]");
        assertThat(c).hadErrorContaining("[JM016]");
    }

    private static JavaFileObject file(String ns, String src) {
        return source(ns, src);
    }
}
