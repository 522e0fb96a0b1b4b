package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.TypeKind;
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

    /**
     * Found by the evolution property test (MariaDB, seeds 1 to 30): MariaDB reports the defaults
     * the model writes {@code 1.5}, {@code 1} (boolean), {@code '2024-01-01 00:00:00'} and
     * {@code current_timestamp} as {@code 1.50}, {@code true}, {@code '2024-01-01 00:00:00.000000'}
     * and {@code current_timestamp(6)}.
     */
    @Test
    void serversSpellingsOfTheSameDefaultAreOne() {
        assertThat(SchemaNormalForm.defaultText("1.50", TypeKind.DECIMAL)).isEqualTo(SchemaNormalForm.defaultText("1.5", TypeKind.DECIMAL));
        assertThat(SchemaNormalForm.defaultText("0.00", TypeKind.DECIMAL)).isEqualTo("0");
        assertThat(SchemaNormalForm.defaultText("12", TypeKind.DECIMAL)).isEqualTo("12");
        assertThat(SchemaNormalForm.defaultText("-1.250", TypeKind.DOUBLE)).isEqualTo("-1.25");
        assertThat(SchemaNormalForm.defaultText("true", TypeKind.BOOLEAN)).isEqualTo(SchemaNormalForm.defaultText("1", TypeKind.BOOLEAN));
        assertThat(SchemaNormalForm.defaultText("FALSE", TypeKind.BOOLEAN)).isEqualTo(SchemaNormalForm.defaultText("0", TypeKind.BOOLEAN));
        assertThat(SchemaNormalForm.defaultText("'2024-01-01 00:00:00.000000'", TypeKind.TIMESTAMP)).isEqualTo("'2024-01-01 00:00:00'");
        assertThat(SchemaNormalForm.defaultText("'2024-01-01 00:00:00.500'", TypeKind.TIMESTAMP)).isEqualTo("'2024-01-01 00:00:00.500'");
        assertThat(SchemaNormalForm.defaultText("current_timestamp(6)", TypeKind.TIMESTAMP)).isEqualTo("current_timestamp");
        assertThat(SchemaNormalForm.defaultText("CURRENT_TIMESTAMP", TypeKind.TIMESTAMP)).isEqualTo("current_timestamp");
    }

    @Test
    void aNumberInAStringColumnIsNotANumber() {
        assertThat(SchemaNormalForm.defaultText("'1.50'", TypeKind.VARCHAR)).isEqualTo("'1.50'");
        assertThat(SchemaNormalForm.defaultText("1", TypeKind.INTEGER)).isEqualTo("1");
        assertThat(SchemaNormalForm.defaultText("1", TypeKind.VARCHAR)).isEqualTo("1");
    }
}
