package io.github.jpamigrate.core.sql.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which type changes the MariaDB/MySQL online forms make without copying the table
 * ({@link MysqlRenderer}; proved on MariaDB by the plugin's {@code MariaDbOnlineFormsTest}).
 */
class MysqlOnlineTypeChangesTest {

    @Test
    void aLongerVarcharKeepsItsLengthBytes() {
        // both at most 255 bytes under utf8mb4, or from 256 characters on: both servers
        assertThat(MysqlRenderer.longerVarchar("varchar(20)", "varchar(60)", false)).isTrue();
        assertThat(MysqlRenderer.longerVarchar("varchar(300)", "varchar(500)", false)).isTrue();
        assertThat(MysqlRenderer.longerVarchar("varbinary(100)", "varbinary(255)", false)).isTrue();
        // across 255 bytes: MySQL copies; MariaDB only from a column of at most 127 bytes
        assertThat(MysqlRenderer.longerVarchar("varchar(20)", "varchar(100)", false)).isFalse();
        assertThat(MysqlRenderer.longerVarchar("varchar(20)", "varchar(100)", true)).isTrue();
        assertThat(MysqlRenderer.longerVarchar("varchar(40)", "varchar(100)", true)).isFalse();
        assertThat(MysqlRenderer.longerVarchar("varchar(255)", "varchar(300)", true)).isFalse();
    }

    @Test
    void shorterOrOtherTypesAreNoLongerVarchar() {
        assertThat(MysqlRenderer.longerVarchar("varchar(300)", "varchar(200)", true)).isFalse();
        assertThat(MysqlRenderer.longerVarchar("varchar(20)", "varbinary(40)", true)).isFalse();
        assertThat(MysqlRenderer.longerVarchar("varchar(20)", "longtext", true)).isFalse();
        assertThat(MysqlRenderer.longerVarchar("char(20)", "char(40)", true)).isFalse();
        assertThat(MysqlRenderer.longerVarchar("varchar(20) character set utf8mb4", "varchar(30)", true)).isFalse();
    }

    @Test
    void anEnumGainingMembersAtItsEndIsInstant() {
        assertThat(MysqlRenderer.appendedEnum("enum ('A','B')", "enum ('A','B','C')")).isTrue();
        // Hibernate lists members by name: one sorting in between moves the others
        assertThat(MysqlRenderer.appendedEnum("enum ('A','C')", "enum ('A','B','C')")).isFalse();
        assertThat(MysqlRenderer.appendedEnum("enum ('A','B')", "enum ('A')")).isFalse();
        assertThat(MysqlRenderer.appendedEnum("enum ('A','B')", "enum ('A','BB')")).isFalse();
        assertThat(MysqlRenderer.appendedEnum("varchar(20)", "varchar(20),x")).isFalse();
    }
}
