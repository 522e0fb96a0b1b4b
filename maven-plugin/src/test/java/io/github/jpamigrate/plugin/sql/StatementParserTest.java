package io.github.jpamigrate.plugin.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How statements reach JSqlParser: on reused threads, with its time-out kept. */
class StatementParserTest {

    /**
     * JSqlParser parses on an executor's thread to apply its time-out; asked without one, it makes
     * a thread per call. Two hundred statements, read in the default dialect and then (for the
     * PostgreSQL-only {@code NOT VALID}) in PostgreSQL's, must not start hundreds of threads.
     */
    @Test
    void statementsAreParsedOnReusedThreadsNotOnANewThreadEach() {
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL);
        parser.parse("CREATE TABLE warm_up (id bigint)");
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

        for (int i = 0; i < 100; i++) {
            assertThat(parser.parse("CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name varchar(80))").statement())
                    .isInstanceOf(CreateTable.class);
            assertThat(parser.parse("ALTER TABLE t" + i + " ADD CONSTRAINT fk_" + i + " FOREIGN KEY (id)"
                    + " REFERENCES p (id) NOT VALID").statement()).isNotNull();
        }

        // 300 parser calls at least (the NOT VALID ones twice); a handful of threads besides are the JVM's own
        assertThat(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - started).isLessThan(20);
    }

    /**
     * A statement the parser cannot finish within its time-out is not read, the reason says so,
     * and the next statement is read as usual (on another thread when the abandoned parse still
     * holds its own). A time-out of 1 ms stands in for JSqlParser's 6 s, which a pathological
     * statement reaches.
     */
    @Test
    void aStatementThatRunsOutOfTimeIsNotReadAndTheNextOneIs() {
        String longInsert = "INSERT INTO t (a) VALUES " + IntStream.range(0, 20_000).mapToObj(i -> "(" + i + ")")
                .collect(Collectors.joining(", "));
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL, 1L);

        StatementParser.Parsed parsed = parser.parse(longInsert);

        assertThat(parsed.statement()).isNull();
        assertThat(parsed.reason()).isEqualTo("the parser ran out of time (JSqlParser's time-out)");
        assertThat(new StatementParser(Dialect.POSTGRESQL).parse("CREATE TABLE after_time_out (id bigint)").statement())
                .isInstanceOf(CreateTable.class);
    }
}
