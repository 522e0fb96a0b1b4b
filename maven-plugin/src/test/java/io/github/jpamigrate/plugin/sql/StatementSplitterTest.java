package io.github.jpamigrate.plugin.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comments each statement keeps, for the lint's accept markers. */
class StatementSplitterTest {

    @Test
    void commentsBelongToTheNextStatementOrToTheOneClosedOnTheirLine() {
        List<StatementSplitter.Piece> pieces = StatementSplitter.split("""
                -- before a
                CREATE TABLE a (id int); -- after a, same line
                /* before b,
                   two lines */
                CREATE TABLE b (x text DEFAULT '-- not a comment;');
                -- trailing
                """, false);

        assertThat(pieces).extracting(StatementSplitter.Piece::line).containsExactly(2, 5);
        assertThat(pieces.get(0).comments()).containsExactly("-- before a", "-- after a, same line");
        assertThat(pieces.get(1).comments()).containsExactly("/* before b,\n   two lines */", "-- trailing");
        assertThat(pieces.get(1).text()).isEqualTo("CREATE TABLE b (x text DEFAULT '-- not a comment;')");
    }

    @Test
    void leadingWordsOfAStatementTheParserCannotRead() {
        assertThat(StatementParser.words("VACUUM (FULL, ANALYZE) orders", 3)).containsExactly("VACUUM", "FULL", "ANALYZE");
    }
}
