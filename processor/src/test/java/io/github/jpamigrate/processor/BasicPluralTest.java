package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13: a {@code List<String>} without a collection annotation was refused with JM019; Hibernate
 * 6.6 and 7 map it as one column of a basic plural type (an array of the element). Fixture
 * {@code basic-collections} checks the types against Hibernate on every dialect.
 */
class BasicPluralTest {

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void anUnannotatedCollectionOfBasicValuesIsAnArrayColumn(String ns) {
        SchemaModel model = model(ns, """
                package kitchen;
                import jakarta.persistence.*;
                @Entity public class Recipe {
                    @Id Long id;
                    java.util.List<String> steps;
                    java.util.Set<Integer> servings;
                    @Column(length = 40) java.util.Collection<String> tags;
                }
                """);
        Table recipe = table(model, "Recipe");
        assertThat(column(recipe, "steps").type().toString()).isEqualTo("varchar(255)[]");
        assertThat(column(recipe, "servings").type().toString()).isEqualTo("integer[]");
        assertThat(column(recipe, "tags").type().toString()).isEqualTo("varchar(40)[]");
        assertThat(model.tables()).as("no collection table").hasSize(1);
    }
}
