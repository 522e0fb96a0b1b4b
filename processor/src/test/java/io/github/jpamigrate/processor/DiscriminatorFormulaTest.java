package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code @DiscriminatorFormula} computes the subtype: Hibernate maps no discriminator column for it. */
class DiscriminatorFormulaTest {

    private static final String SHAPE = """
            package geo;
            import jakarta.persistence.*;
            @Entity
            @DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER)
            @org.hibernate.annotations.DiscriminatorFormula("case when radius is null then 0 else 1 end")
            public abstract class Shape { @Id Long id; Double radius; }
            """;
    private static final String SQUARE = """
            package geo;
            import jakarta.persistence.*;
            @Entity @DiscriminatorValue("0") public class Square extends Shape { String label; int sides; }
            """;
    private static final String CIRCLE = """
            package geo;
            import jakarta.persistence.*;
            @Entity @DiscriminatorValue("1") public class Circle extends Shape { String colour; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void formulaLeavesNoColumnAndStandsInTheSubtypeCheck(String ns) {
        Table shape = table(model(ns, SHAPE, SQUARE, CIRCLE), "Shape");
        assertThat(columnNames(shape)).containsExactlyInAnyOrder("id", "radius", "label", "sides", "colour");
        assertThat(shape.checks()).as("Hibernate 7 guards a subtype's primitive with the formula itself")
                .singleElement().satisfies(c -> assertThat(c.expression())
                        .isEqualTo("case when radius is null then 0 else 1 end <> 0 or (sides is not null)"));
    }
}
