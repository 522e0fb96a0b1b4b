package io.github.jpamigrate.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaNormalFormTest {

    /**
     * Found by the evolution property test (PostgreSQL, seed 2): PostgreSQL reports the default
     * {@code -5} as {@code '-5'::integer}, which read back as the string {@code '-5'}.
     */
    @Test
    void aNegativeNumberCastToANumericTypeIsTheNumber() {
        assertThat(SchemaNormalForm.defaultText("'-5'::integer")).isEqualTo("-5");
        assertThat(SchemaNormalForm.defaultText("'-1.25'::double precision")).isEqualTo("-1.25");
        assertThat(SchemaNormalForm.defaultText("'-12.50'::numeric(10,2)")).isEqualTo("-12.50");
        assertThat(SchemaNormalForm.defaultText("('-7'::bigint)")).isEqualTo("-7");
        assertThat(SchemaNormalForm.defaultText("-5")).isEqualTo("-5");
    }

    @Test
    void aStringLiteralKeepsItsQuotesWhateverItHolds() {
        assertThat(SchemaNormalForm.defaultText("'-5'::character varying")).isEqualTo("'-5'");
        assertThat(SchemaNormalForm.defaultText("'user'::character varying")).isEqualTo("'user'");
        assertThat(SchemaNormalForm.defaultText("'abc'::integer")).isEqualTo("'abc'");
        assertThat(SchemaNormalForm.defaultText("('user')")).isEqualTo("'user'");
    }
}
