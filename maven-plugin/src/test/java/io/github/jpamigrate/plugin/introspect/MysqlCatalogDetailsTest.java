package io.github.jpamigrate.plugin.introspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MysqlCatalogDetailsTest {

    /** Found by the evolution property test (MariaDB, seed 5): the model's {@code 'it''s'} came back as {@code 'it\'s'}. */
    @Test
    void aStringDefaultReadsBackInStandardQuoting() {
        MysqlCatalogDetails details = new MysqlCatalogDetails(true);
        assertThat(details.defaultValue("'it\\'s'")).isEqualTo("'it''s'");
        assertThat(details.defaultValue("'back\\\\slash'")).isEqualTo("'back\\slash'");
        assertThat(details.defaultValue("'plain'")).isEqualTo("'plain'");
        assertThat(details.defaultValue("''")).isEqualTo("''");
        assertThat(details.defaultValue("b'1'")).isEqualTo("true");
        assertThat(details.defaultValue("42")).isEqualTo("42");
        assertThat(details.defaultValue(null)).isNull();
    }
}
