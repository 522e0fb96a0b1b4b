package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.mysql.MysqlTypeNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Type names per dialect, as Hibernate ORM 7.4 (and 6.6 where it differs) writes them in its DDL
 * for the same logical type. The expectations were read from Hibernate's own metamodel; the
 * processor's oracle tests check the same on whole fixture models.
 */
class ColumnTypeNamesTest {

    private static final String STATUS = "com.acme.Status";

    @ParameterizedTest(name = "{1} on {0} ({2}) -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | boolean          | hibernate-7   | boolean
            mysql      | boolean          | hibernate-7   | bit
            mariadb    | boolean          | hibernate-7   | bit
            h2         | boolean          | hibernate-7   | boolean
            sqlite     | boolean          | hibernate-7   | boolean
            postgresql | tinyint          | hibernate-7   | smallint
            mysql      | tinyint          | hibernate-7   | tinyint
            h2         | tinyint          | hibernate-7   | tinyint
            sqlite     | tinyint          | hibernate-7   | tinyint
            postgresql | decimal(38,2)    | hibernate-7   | numeric(38,2)
            mysql      | decimal(10,2)    | hibernate-7   | decimal(10,2)
            h2         | decimal(38,0)    | hibernate-7   | numeric(38,0)
            sqlite     | decimal(38,2)    | hibernate-7   | numeric(38,2)
            postgresql | real(24)         | hibernate-7   | float4
            postgresql | double(53)       | hibernate-7   | float(53)
            mysql      | real(24)         | hibernate-7   | float(23)
            mysql      | double(53)       | hibernate-7   | float(53)
            h2         | real(24)         | hibernate-7   | float(24)
            sqlite     | double(53)       | hibernate-7   | float
            postgresql | char(1)          | hibernate-7   | char(1)
            mysql      | char(1)          | hibernate-7   | varchar(1)
            mysql      | char(1)          | hibernate-6.6 | char(1)
            mariadb    | char(12)         | hibernate-7   | varchar(12)
            mariadb    | char(12)         | hibernate-6.6 | char(12)
            h2         | char(1)          | hibernate-7   | char(1)
            postgresql | varchar(255)     | hibernate-7   | varchar(255)
            postgresql | varchar(10485761)| hibernate-7   | text
            mysql      | varchar(16383)   | hibernate-7   | varchar(16383)
            mysql      | varchar(16384)   | hibernate-7   | text
            mysql      | varchar(65536)   | hibernate-7   | mediumtext
            mysql      | varchar(16777216)| hibernate-7   | longtext
            h2         | varchar(1048576) | hibernate-7   | varchar(1048576)
            h2         | varchar(1048577) | hibernate-7   | clob
            sqlite     | varchar(100000)  | hibernate-7   | varchar(100000)
            postgresql | clob             | hibernate-7   | oid
            mysql      | clob             | hibernate-7   | longtext
            h2         | clob             | hibernate-7   | clob
            sqlite     | clob             | hibernate-7   | clob
            postgresql | time(0)          | hibernate-7   | time(0)
            sqlite     | time(6)          | hibernate-6.6 | time(6)
            postgresql | time_tz(0)       | hibernate-7   | time(0)
            h2         | time_tz(0)       | hibernate-7   | time(0) with time zone
            mysql      | time_tz(6)       | hibernate-6.6 | time(6)
            postgresql | timestamp(6)     | hibernate-7   | timestamp(6)
            mysql      | timestamp(6)     | hibernate-7   | datetime(6)
            sqlite     | timestamp(6)     | hibernate-7   | timestamp
            postgresql | timestamp_tz(6)  | hibernate-7   | timestamp(6) with time zone
            mysql      | timestamp_tz(6)  | hibernate-7   | datetime(6)
            mariadb    | timestamp_tz(6)  | hibernate-7   | datetime(6)
            h2         | timestamp_tz(6)  | hibernate-7   | timestamp(6) with time zone
            sqlite     | timestamp_tz(6)  | hibernate-7   | timestamp
            postgresql | interval(21,0)   | hibernate-7   | numeric(21,0)
            mysql      | interval(21,0)   | hibernate-7   | decimal(21,0)
            postgresql | varbinary(255)   | hibernate-7   | bytea
            mysql      | varbinary(255)   | hibernate-7   | varbinary(255)
            mysql      | varbinary(65536) | hibernate-7   | mediumblob
            h2         | varbinary(1024)  | hibernate-7   | varbinary(1024)
            h2         | varbinary(1048577)| hibernate-7  | blob
            sqlite     | varbinary(255)   | hibernate-7   | blob
            mysql      | binary(16)       | hibernate-7   | binary(16)
            postgresql | blob             | hibernate-7   | oid
            mysql      | blob             | hibernate-7   | longblob
            h2         | blob             | hibernate-7   | blob
            postgresql | uuid             | hibernate-7   | uuid
            mysql      | uuid             | hibernate-7   | binary(16)
            mariadb    | uuid             | hibernate-7   | uuid
            h2         | uuid             | hibernate-7   | uuid
            sqlite     | uuid             | hibernate-7   | blob
            postgresql | json             | hibernate-7   | jsonb
            mysql      | json             | hibernate-7   | json
            h2         | json             | hibernate-7   | json
            sqlite     | json             | hibernate-7   | clob
            postgresql | xml              | hibernate-7   | xml
            mysql      | xml              | hibernate-7   | longtext
            h2         | xml              | hibernate-7   | clob
            postgresql | varchar(255)[]   | hibernate-7   | varchar(255) array
            postgresql | varchar(50)[]    | hibernate-6.6 | varchar(50) array
            postgresql | tinyint[]        | hibernate-7   | smallint array
            postgresql | real(24)[]       | hibernate-7   | float4 array
            postgresql | double(53)[]     | hibernate-7   | float(53) array
            postgresql | decimal(38,2)[]  | hibernate-7   | numeric(38,2) array
            postgresql | uuid[]           | hibernate-7   | uuid array
            h2         | varchar(255)[]   | hibernate-7   | varchar(255) array
            h2         | tinyint[]        | hibernate-6.6 | tinyint array
            h2         | real(24)[]       | hibernate-7   | float(24) array
            h2         | char(1)[]        | hibernate-7   | char(1) array
            mysql      | varchar(255)[]   | hibernate-7   | json
            mariadb    | integer[]        | hibernate-7   | json
            mysql      | varchar(50)[]    | hibernate-6.6 | varbinary(50)
            mariadb    | integer[]        | hibernate-6.6 | varbinary(255)
            mariadb    | char(1)[]        | hibernate-6.6 | varbinary(255)
            sqlite     | varchar(255)[]   | hibernate-7   | blob
            sqlite     | integer[]        | hibernate-6.6 | blob
            postgresql | nvarchar(255)    | hibernate-7   | varchar(255)
            postgresql | nchar(1)         | hibernate-6.6 | char(1)
            postgresql | nclob            | hibernate-7   | oid
            h2         | nvarchar(40)     | hibernate-7   | varchar(40)
            h2         | nclob            | hibernate-7   | clob
            h2         | nclob            | hibernate-6.6 | nclob
            mariadb    | nvarchar(255)    | hibernate-7   | varchar(255)
            mariadb    | nchar(1)         | hibernate-7   | varchar(1)
            mariadb    | nchar(1)         | hibernate-6.6 | char(1)
            mariadb    | nclob            | hibernate-6.6 | longtext
            mysql      | nvarchar(255)    | hibernate-7   | varchar(255) character set utf8mb4
            mysql      | nvarchar(40)     | hibernate-6.6 | varchar(40) character set utf8
            mysql      | nchar(1)         | hibernate-7   | varchar(1) character set utf8mb4
            mysql      | nchar(1)         | hibernate-6.6 | char(1) character set utf8
            mysql      | nclob            | hibernate-7   | longtext character set utf8mb4
            sqlite     | nvarchar(255)    | hibernate-7   | varchar(255)
            sqlite     | nclob            | hibernate-7   | clob
            """)
    void spellsLogicalTypesAsHibernateDoes(String dialect, String type, String orm, String expected) {
        Column column = Column.of("c", ColumnType.parse(type), true);
        assertThat(Dialect.fromId(dialect).typeNames().sqlType(column, model(orm))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | varchar(255)
            sqlite     | varchar(255)
            mysql      | enum ('ACTIVE','DELETED','LOCKED')
            mariadb    | enum ('ACTIVE','DELETED','LOCKED')
            h2         | enum ('ACTIVE','DELETED','LOCKED')
            """)
    void enumStoredByNameIsANativeEnumWhereTheDialectHasOneWithConstantsSortedByName(String dialect, String expected) {
        Column column = Column.of("status", ColumnType.parse("varchar(255)"), true)
                .withEnumRef(new EnumRef(STATUS, EnumStorage.STRING));
        assertThat(Dialect.fromId(dialect).typeNames().sqlType(column, model("hibernate-7")))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | smallint
            mysql      | tinyint
            mariadb    | tinyint
            h2         | tinyint
            sqlite     | tinyint
            """)
    void enumStoredByOrdinalKeepsItsIntegerType(String dialect, String expected) {
        Column column = Column.of("role", ColumnType.parse("tinyint"), true)
                .withEnumRef(new EnumRef(STATUS, EnumStorage.ORDINAL));
        assertThat(Dialect.fromId(dialect).typeNames().sqlType(column, model("hibernate-7")))
                .isEqualTo(expected);
    }

    @Test
    void columnDefinitionWinsVerbatimOnEveryDialect() {
        Column column = Column.of("sku", ColumnType.parse("varchar(255)"), true).withDefinition("char(12) not null");
        for (Dialect dialect : Dialect.values()) {
            assertThat(dialect.typeNames().sqlType(column, model("hibernate-7")))
                    .as(dialect.id()).isEqualTo("char(12) not null");
        }
    }

    @Test
    void identityColumnIsAnIntegerRowidAliasOnSqliteOnly() {
        Column id = Column.of("id", ColumnType.parse("bigint"), false).withIdentity(true);
        assertThat(Dialect.SQLITE.typeNames().sqlType(id, model("hibernate-7"))).isEqualTo("integer");
        assertThat(Dialect.POSTGRESQL.typeNames().sqlType(id, model("hibernate-7"))).isEqualTo("bigint");
        assertThat(Dialect.MYSQL.typeNames().sqlType(id, model("hibernate-7"))).isEqualTo("bigint");
    }

    @Test
    void mariaDbBefore107HasNoUuidType() {
        Column id = Column.of("id", ColumnType.parse("uuid"), false);
        assertThat(MysqlTypeNames.mariaDb(10, 6).sqlType(id, model("hibernate-7"))).isEqualTo("binary(16)");
        assertThat(MysqlTypeNames.mariaDb(10, 7).sqlType(id, model("hibernate-7"))).isEqualTo("uuid");
        assertThat(MysqlTypeNames.mariaDb(11, 4).sqlType(id, model("hibernate-7"))).isEqualTo("uuid");
    }

    @Test
    void enumMissingFromTheModelIsReportedWithTheColumnAndTheFix() {
        Column column = Column.of("kind", ColumnType.parse("varchar(255)"), true)
                .withEnumRef(new EnumRef("com.acme.Unknown", EnumStorage.STRING));
        assertThatThrownBy(() -> Dialect.MYSQL.typeNames().sqlType(column, model("hibernate-7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column kind")
                .hasMessageContaining("com.acme.Unknown")
                .hasMessageContaining("rebuild the descriptor");
    }

    @Test
    void ormLineComesFromTheModel() {
        assertThat(OrmLine.of(model("hibernate-6.6"))).isEqualTo(OrmLine.HIBERNATE_6_6);
        assertThat(OrmLine.of(model("hibernate-7"))).isEqualTo(OrmLine.HIBERNATE_7);
    }

    private static SchemaModel model(String orm) {
        return new SchemaModel("jpa", orm, "test", List.of(), List.of(), List.of(),
                List.of(new EnumType(STATUS, List.of("ACTIVE", "LOCKED", "DELETED"))));
    }
}
