package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 13: a to-one association joined by {@code @JoinFormula} maps no column and no foreign key. */
class JoinFormulaTest {

    private static final String COUNTRY = """
            package geo;
            import jakarta.persistence.*;
            @Entity public class Country { @Id Long id; @Column(length = 2, unique = true) String code; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void aFormulaJoinAddsNoColumnAndNoForeignKey(String ns) {
        Table customer = table(model(ns, COUNTRY, """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Customer {
                    @Id Long id;
                    @Column(name = "country_code", length = 2) String countryCode;
                    @ManyToOne @org.hibernate.annotations.JoinFormula("(select c.id from Country c where c.code = country_code)")
                    Country country;
                    @OneToOne @org.hibernate.annotations.JoinFormula(value = "country_code", referencedColumnName = "code")
                    Country sameCountry;
                }
                """), "Customer");
        assertThat(columnNames(customer)).containsExactly("id", "country_code");
        assertThat(customer.foreignKeys()).isEmpty();
        assertThat(customer.uniqueConstraints()).isEmpty();
    }

    /**
     * Jakarta only: Hibernate 7's {@code @JoinColumnOrFormula} holds a {@code jakarta.persistence.JoinColumn}.
     * Issue 13: a join mixing columns and formulas is bound as Hibernate binds it (was JM030): its column
     * parts are join columns, there is no foreign key, and columns referenced through more than one
     * attribute of the target are made unique there.
     */
    @Test
    void columnsMixedWithFormulasAreJoinColumnsWithoutForeignKey() {
        String[] sources = {"""
                package geo;
                import jakarta.persistence.*;
                @Entity public class Country { @Id Long id; String code; String region; }
                """, """
                package geo;
                import jakarta.persistence.*;
                import org.hibernate.annotations.*;
                @jakarta.persistence.Entity public class Address {
                    @jakarta.persistence.Id Long id;
                    @jakarta.persistence.ManyToOne
                    @JoinColumnsOrFormulas({
                        @JoinColumnOrFormula(column = @jakarta.persistence.JoinColumn(name = "country_code",
                                referencedColumnName = "code")),
                        @JoinColumnOrFormula(formula = @JoinFormula(value = "'EU'", referencedColumnName = "region"))})
                    Country country;
                }
                """};
        Compilation c = compile(ProcessorHarness.JAKARTA, sources);
        assertThat(c).succeeded();
        assertThat(c.diagnostics()).noneMatch(d -> d.getMessage(null).contains("[JM"));
        Table address = table(model(ProcessorHarness.JAKARTA, sources), "Address");
        assertThat(columnNames(address)).containsExactly("id", "country_code");
        assertThat(address.foreignKeys()).isEmpty();
        assertThat(table(model(ProcessorHarness.JAKARTA, sources), "Country").uniqueConstraints())
                .singleElement().satisfies(u -> assertThat(u.columns()).containsExactly("code", "region"));
    }
}
