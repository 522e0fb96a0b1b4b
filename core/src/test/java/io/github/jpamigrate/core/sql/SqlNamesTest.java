package io.github.jpamigrate.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** String literals and default expressions per dialect: MySQL/MariaDB read a backslash as an escape. */
class SqlNamesTest {

    @Test
    void mysqlDoublesBackslashesInLiteralsTheOthersDoNot() {
        assertThat(SqlNames.backtick().text("it's C:\\temp\\")).isEqualTo("'it''s C:\\\\temp\\\\'");
        assertThat(SqlNames.standard().text("it's C:\\temp\\")).isEqualTo("'it''s C:\\temp\\'");
        assertThat(SqlNames.foldingToLowerCase().text("a\\b")).isEqualTo("'a\\b'");
    }

    @Test
    void mysqlDoublesBackslashesOnlyInsideTheStringLiteralsOfAnExpression() {
        assertThat(SqlNames.backtick().expression("concat('it''s \\', x, 'a\\nb')"))
                .isEqualTo("concat('it''s \\\\', x, 'a\\\\nb')");
        assertThat(SqlNames.backtick().expression("'plain'")).isEqualTo("'plain'");
        assertThat(SqlNames.standard().expression("'a\\b'")).isEqualTo("'a\\b'");
    }
}
