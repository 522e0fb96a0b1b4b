package io.github.jpamigrate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL type text read back into logical types: arrays in every spelling met (Hibernate's DDL
 * {@code integer array}, H2's catalogue {@code CHARACTER VARYING(255) ARRAY}, PostgreSQL's
 * {@code character varying(255)[]}), and national character types as the plain types they are
 * stored as (MySQL's {@code varchar(40) character set utf8mb4}, H2's {@code nclob}).
 */
class SqlTypeTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            varchar(255) array                  | varchar(255)[]
            CHARACTER VARYING(50) ARRAY         | varchar(50)[]
            character varying(255)[]            | varchar(255)[]
            integer array                       | integer[]
            int4[]                              | integer[]
            NUMERIC(38, 2) ARRAY                | decimal(38,2)[]
            float(53) array                     | double(53)[]
            float4 array                        | real(24)[]
            timestamp(6) with time zone array   | timestamp_tz(6)[]
            uuid[]                              | uuid[]
            text[]                              | clob[]
            varchar(40) character set utf8mb4   | varchar(40)
            longtext character set utf8         | clob
            national character varying(20)     | varchar(20)
            nclob                               | clob
            """)
    void readsArraysAndNationalCharacterTypes(String sql, String expected) {
        assertThat(SqlTypeText.parse(sql)).isEqualTo(ColumnType.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            integer[][]
            integer array array
            widget array
            """)
    void anArrayOfArraysOrOfAnUnknownTypeIsNoTypeThisToolMaps(String sql) {
        assertThat(SqlTypeText.parse(sql)).isNull();
    }
}
