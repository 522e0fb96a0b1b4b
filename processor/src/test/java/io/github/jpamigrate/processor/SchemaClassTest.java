package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.jpamigrate.processor.ProcessorHarness.JAKARTA;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.processor.emit.SchemaClassName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated runtime schema check class: where it goes, when it is not written, and that it is stable. */
class SchemaClassTest {

    static final String WORKSHOP = """
            package com.acme.garage.model;
            import jakarta.persistence.*;
            @Entity @Table(name = "workshop")
            public class Workshop {
                @Id Long id;
                @Column(nullable = false) String title;
                java.time.LocalDateTime completedAt;
            }
            """;
    static final String MECHANIC = """
            package com.acme.garage.staff;
            import jakarta.persistence.*;
            @Entity
            public class Mechanic { @Id Long id; @ManyToOne Workshop workshop; String name; }
            """.replace("import jakarta.persistence.*;", "import jakarta.persistence.*;\nimport com.acme.garage.model.Workshop;");

    /** Lint categories the generated class could trip; "processing" is javac's note that no processor claims JPA's annotations. */
    private static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void goesIntoTheEntitiesCommonPackageAndCompilesWithoutWarnings(String namespace) throws Exception {
        Compilation c = compile(namespace, STRICT, WORKSHOP, MECHANIC);
        assertThat(c).succeededWithoutWarnings();
        String source = source(c, "com.acme.garage.JpaMigrateSchema").orElseThrow();
        assertThat(source).startsWith("package com.acme.garage;")
                .contains("public static final String MODEL_HASH = \"" + ModelHash.of(descriptor(c)) + "\";")
                .as("the table data is read from the descriptor, not compiled").doesNotContain("workshop");
        ClassLoader loader = CompiledOutput.loader(CompiledOutput.write(c, dir, f -> true));
        assertThat(CompiledOutput.tables(loader, "com.acme.garage.JpaMigrateSchema")).containsExactly(
                "Mechanic: [id not null, workshop_id, name]",
                "workshop: [id not null, title not null, completedAt]");
        // JDK types only: the class must not need jpa-migrate, JPA or anything else at run time
        assertThat(source.lines().filter(l -> l.startsWith("import ")))
                .allMatch(l -> l.startsWith("import java.") || l.equals("import javax.annotation.processing.Generated;"));
        assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "com/acme/garage/JpaMigrateSchema.class")).isPresent();
    }

    @Test
    void packageSegmentsCountWholeNotAsText() {
        assertThat(SchemaClassName.forEntities(List.of("com.acme.shop", "com.acmex.billing")))
                .isEqualTo("com.JpaMigrateSchema");
        assertThat(SchemaClassName.forEntities(List.of("com.acme.shop.order", "com.acme.shop")))
                .isEqualTo("com.acme.shop.JpaMigrateSchema");
        assertThat(SchemaClassName.forEntities(List.of("org.partner", "com.acme.shop")))
                .as("no common package: the alphabetically first one").isEqualTo("com.acme.shop.JpaMigrateSchema");
        assertThat(SchemaClassName.forEntities(List.of("", "org.partner")))
                .as("the unnamed package only when nothing else").isEqualTo("org.partner.JpaMigrateSchema");
        assertThat(SchemaClassName.forEntities(List.of(""))).isEqualTo("JpaMigrateSchema");
    }

    @Test
    void entitiesWithoutCommonPackageGetTheFirstPackage() {
        Compilation c = compile(JAKARTA, STRICT, WORKSHOP, """
                package org.partner;
                import jakarta.persistence.*;
                @Entity public class Supplier { @Id Long id; }
                """);
        assertThat(c).succeededWithoutWarnings();
        assertThat(source(c, "com.acme.garage.model.JpaMigrateSchema")).isPresent();
    }

    @Test
    void entitiesInTheUnnamedPackageGetItToo() {
        Compilation c = compile(JAKARTA, STRICT, """
                import jakarta.persistence.*;
                @Entity public class Note { @Id Long id; String text; }
                """);
        assertThat(c).succeededWithoutWarnings();
        assertThat(source(c, "JpaMigrateSchema").orElseThrow()).startsWith("import java.");
    }

    @Test
    void optionNamesTheClass() {
        Compilation c = compile(JAKARTA, List.of("-Ajpamigrate.schemaClass=com.acme.boot.GarageSchema"), WORKSHOP, MECHANIC);
        assertThat(c).succeededWithoutWarnings();
        assertThat(source(c, "com.acme.boot.GarageSchema").orElseThrow())
                .contains("public final class GarageSchema {").contains("GarageSchema.verify(connection)");
        assertThat(source(c, "com.acme.garage.JpaMigrateSchema")).isEmpty();
    }

    @Test
    void noneTurnsItOffButKeepsTheDescriptor() {
        Compilation c = compile(JAKARTA, List.of("-Ajpamigrate.schemaClass=none"), WORKSHOP, MECHANIC);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c.generatedSourceFiles()).isEmpty();
        assertThat(descriptor(c)).isNotEmpty();
    }

    @Test
    void invalidNameIsAnErrorNamingTheOption() {
        Compilation c = compile(JAKARTA, List.of("-Ajpamigrate.schemaClass=com.acme.2fast"), WORKSHOP);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[JM001] processor option -Ajpamigrate.schemaClass=com.acme.2fast is not valid;"
                + " use one of: a fully qualified class name such as com.acme.persistence.DatabaseSchema, or none");
    }

    @Test
    void aClassOfThatNameInTheSourcesIsAnError() {
        Compilation c = compile(JAKARTA, List.of("-Ajpamigrate.schemaClass=com.acme.garage.model.Workshop"), WORKSHOP);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[JM003] the runtime schema check class com.acme.garage.model.Workshop"
                + " cannot be written");
        assertThat(c).hadErrorContaining("-Ajpamigrate.schemaClass=none");
    }

    @Test
    void sameModelGivesTheSameBytes() throws Exception {
        String first = source(compile(JAKARTA, WORKSHOP, MECHANIC), "com.acme.garage.JpaMigrateSchema").orElseThrow();
        String again = source(compile(JAKARTA, MECHANIC, WORKSHOP), "com.acme.garage.JpaMigrateSchema").orElseThrow();
        assertThat(again).isEqualTo(first);
        Compilation changed = compile(JAKARTA, WORKSHOP.replace("String title;", "String title; String bay;"), MECHANIC);
        String other = source(changed, "com.acme.garage.JpaMigrateSchema").orElseThrow();
        assertThat(other).isNotEqualTo(first).contains(ModelHash.of(descriptor(changed)));
        assertThat(CompiledOutput.tables(CompiledOutput.loader(CompiledOutput.write(changed, dir, f -> true)),
                "com.acme.garage.JpaMigrateSchema")).contains("workshop: [id not null, title not null, bay, completedAt]");
    }

    @Test
    void theSourceIsTheSameSizeForEveryModel() {
        String one = source(compile(JAKARTA, WORKSHOP.replace("com.acme.garage.model", "com.acme.garage")),
                "com.acme.garage.JpaMigrateSchema").orElseThrow();
        String two = source(compile(JAKARTA, WORKSHOP, MECHANIC), "com.acme.garage.JpaMigrateSchema").orElseThrow();
        assertThat(two.replaceAll("MODEL_HASH = \"[0-9a-f]{64}\"", "MODEL_HASH = \"\""))
                .isEqualTo(one.replaceAll("MODEL_HASH = \"[0-9a-f]{64}\"", "MODEL_HASH = \"\""));
    }

    @Test
    void withoutItsDescriptorTablesFailsSayingWhatToPackage() {
        Compilation c = compile(JAKARTA, WORKSHOP, MECHANIC);
        ClassLoader loader = CompiledOutput.loader(CompiledOutput.write(c, dir, f -> f.endsWith(".class")));
        assertThatThrownBy(() -> CompiledOutput.tables(loader, "com.acme.garage.JpaMigrateSchema"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no META-INF/jpa-migrate/model.json with model hash "
                        + ModelHash.of(descriptor(c)).substring(0, 12) + " on the class path (other descriptors found: 0)")
                .hasMessageContaining("package the model.json that the compilation which generated JpaMigrateSchema"
                        + " wrote into its class output together with the class");
    }

    @Test
    void anotherModulesDescriptorFirstOnTheClassPathIsNotTaken() throws Exception {
        Compilation other = compile(JAKARTA, """
                package com.acme.billing;
                import jakarta.persistence.*;
                @Entity public class Invoice { @Id Long id; }
                """);
        Compilation c = compile(JAKARTA, WORKSHOP, MECHANIC);
        Path otherModule = CompiledOutput.write(other, dir.resolve("billing"), f -> true);
        Path module = CompiledOutput.write(c, dir.resolve("garage"), f -> true);
        assertThat(CompiledOutput.tables(CompiledOutput.loader(otherModule, module), "com.acme.garage.JpaMigrateSchema"))
                .containsExactly("Mechanic: [id not null, workshop_id, name]",
                        "workshop: [id not null, title not null, completedAt]");
    }

    @Test
    void entityFromALaterRoundIsAWarning() throws Exception {
        Compilation c = javac().withProcessors(new JpaMigrateProcessor(), new SourceGenerator("com.acme.garage.model.Bay",
                        "package com.acme.garage.model;\n@jakarta.persistence.Entity public class Bay {"
                                + " @jakarta.persistence.Id Long id; }\n"))
                .compile(ProcessorHarness.source(JAKARTA, WORKSHOP));
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM004] the runtime schema check class com.acme.garage.model.JpaMigrateSchema"
                + " was generated before com.acme.garage.model.Bay appeared in a later annotation processing round");
        // the class still reads the tables it was generated for: their descriptor is kept beside it
        assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "com.acme.garage.model", "JpaMigrateSchema.json"))
                .isPresent();
        assertThat(CompiledOutput.tables(CompiledOutput.loader(CompiledOutput.write(c, dir, f -> true)),
                "com.acme.garage.model.JpaMigrateSchema")).containsExactly(
                        "workshop: [id not null, title not null, completedAt]");
    }

    @Test
    void entityUsingATypeFromALaterRoundIsCoveredWithoutWarning() throws Exception {
        // Workshop embeds Bay, which another processor generates in the first round: the class waits for round two
        Compilation c = javac().withProcessors(new JpaMigrateProcessor(), new SourceGenerator("com.acme.garage.model.Bay",
                        "package com.acme.garage.model;\n@jakarta.persistence.Embeddable public class Bay {"
                                + " String bayCode; }\n"))
                .compile(ProcessorHarness.source(JAKARTA, WORKSHOP.replace("String title;", "String title; Bay bay;")));
        assertThat(c).succeededWithoutWarnings();
        assertThat(source(c, "com.acme.garage.model.JpaMigrateSchema").orElseThrow())
                .contains("MODEL_HASH = \"" + ModelHash.of(descriptor(c)) + "\"");
        assertThat(CompiledOutput.tables(CompiledOutput.loader(CompiledOutput.write(c, dir, f -> true)),
                "com.acme.garage.model.JpaMigrateSchema")).containsExactly(
                        "workshop: [id not null, title not null, bayCode, completedAt]");
    }

    /** Another processor that generates one source in the first round; javac hands it to processors in the next. */
    @SupportedAnnotationTypes("jakarta.persistence.Entity")
    static final class SourceGenerator extends AbstractProcessor {
        private final String name;
        private final String text;
        private boolean done;

        SourceGenerator(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done && !annotations.isEmpty()) {
                done = true;
                try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                    out.write(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void noEntitiesNoClass() {
        Compilation c = compile(JAKARTA, """
                package com.acme;
                import jakarta.persistence.*;
                @Embeddable public class Money { long cents; }
                """);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c.generatedSourceFiles()).isEmpty();
    }

    static Optional<String> source(Compilation c, String qualifiedName) {
        return c.generatedSourceFile(qualifiedName).map(SchemaClassTest::text);
    }

    static byte[] descriptor(Compilation c) {
        return text(c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/jpa-migrate/model.json").orElseThrow())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
