package io.github.jpamigrate.plugin.sql;

import io.github.jpamigrate.core.dialect.Dialect;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.DoStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one statement with JSqlParser for the migration readers ({@code live.MigrationScan}, {@code lint.MigrationLint}): in its default dialect first,
 * then, for what that cannot read, in the database's dialect (JSqlParser reads, e.g.,
 * PostgreSQL's {@code not valid} and MySQL's backslash escapes only in theirs), or, when the
 * dialect is not known, in PostgreSQL's and then MySQL's; the first reading that succeeds counts.
 * The default comes first because a dialect's reading can lose detail the default keeps
 * (JSqlParser 5.4's PostgreSQL reading of {@code add constraint c unique (x)} drops the name). A statement it
 * knows only as "unsupported", and a {@code DO} block (taken whole, its body not read), are not read.
 */
public final class StatementParser {

    /**
     * The threads JSqlParser parses on. It runs each parse on an executor's thread to apply its
     * time-out (a statement that would keep it busy for minutes is given up after 6 s, its
     * default), and when given no executor makes a new single-thread one per call: a new thread
     * for every statement and every reading, thousands for a long history. This pool keeps the
     * time-out and reuses its threads: a parse that timed out is abandoned on its thread (JSqlParser
     * tells it to stop) and the next parse gets another thread; a thread idle for a minute ends.
     * Daemon threads, so that an abandoned parse never keeps the build's JVM alive.
     */
    private static final ExecutorService PARSING = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "jpa-migrate-sql-parser-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    /** The migrations' dialect, null when not known. */
    private final Dialect dialect;
    /** The parser's time-out in milliseconds; null keeps JSqlParser's own. */
    private final Long timeoutMillis;

    public StatementParser(Dialect dialect) {
        this(dialect, null);
    }

    /** With a time-out of its own (tests: a parse that runs out of time); null keeps JSqlParser's. */
    StatementParser(Dialect dialect, Long timeoutMillis) {
        this.dialect = dialect;
        this.timeoutMillis = timeoutMillis;
    }

    /** A statement the parser read, or why it could not. */
    public record Parsed(Statement statement, String reason) {
    }

    /** JSqlParser's dialects to read a statement in, in order; null is its default. */
    private List<AbstractJSqlParser.Dialect> readings() {
        if (dialect == null) {
            return Arrays.asList(null, AbstractJSqlParser.Dialect.POSTGRESQL, AbstractJSqlParser.Dialect.MYSQL);
        }
        AbstractJSqlParser.Dialect own = switch (dialect) {
            case POSTGRESQL -> AbstractJSqlParser.Dialect.POSTGRESQL;
            case MYSQL -> AbstractJSqlParser.Dialect.MYSQL;
            case MARIADB -> AbstractJSqlParser.Dialect.MARIADB;
            case H2 -> AbstractJSqlParser.Dialect.H2;
            case SQLITE -> null;
        };
        return own == null ? Collections.singletonList(null) : Arrays.asList(null, own);
    }

    /**
     * The parser's reading, in the first of {@link #readings()} that reads it; a statement it
     * knows only as "unsupported" counts as not read. The reason is the first reading's complaint.
     */
    public Parsed parse(String text) {
        String reason = null;
        for (AbstractJSqlParser.Dialect reading : readings()) {
            try {
                Statement statement = CCJSqlParserUtil.parse(text, PARSING, parser -> {
                    if (reading != null) {
                        parser.withDialect(reading);
                    }
                    if (timeoutMillis != null) {
                        parser.withTimeOut(timeoutMillis);
                    }
                });
                if (statement instanceof DoStatement) {
                    // the parser takes the block whole; what its body does is not read
                    return new Parsed(null, "a procedural block: its body is not read");
                }
                if (statement != null && !(statement instanceof UnsupportedStatement)) {
                    return new Parsed(statement, null);
                }
                reason = reason == null ? "read only as an unsupported statement" : reason;
            } catch (JSQLParserException | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof TimeoutException) {
                    // JSqlParser's exception carries the bare TimeoutException, whose message is null
                    reason = reason == null ? "the parser ran out of time (JSqlParser's time-out)" : reason;
                    continue;
                }
                String message = String.valueOf(cause.getMessage()).strip();
                String prefix = cause.getClass().getName() + ": ";
                message = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
                int newline = message.indexOf('\n');
                reason = reason == null ? (newline < 0 ? message : message.substring(0, newline)) : reason;
            }
        }
        return new Parsed(null, reason);
    }

    /** The kind of an unread statement for the report: its first words, e.g. {@code CREATE FUNCTION}. */
    public static String firstWords(String text) {
        Set<String> modifiers = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "GLOBAL", "LOCAL", "IF", "NOT",
                "EXISTS", "ONLY");
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length() && words.size() < 2) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            if (i == start) {
                break;
            }
            String word = text.substring(start, i).toUpperCase(Locale.ROOT);
            if (words.isEmpty() || !modifiers.contains(word)) {
                words.add(word);
            }
        }
        return words.isEmpty() ? "?" : String.join(" ", words);
    }

    /**
     * The first {@code max} words of a statement the parser could not read, upper-cased, for
     * statements JSqlParser has no grammar for (PostgreSQL's {@code VACUUM}, {@code CLUSTER},
     * {@code REINDEX}, {@code LOCK}): a word is a run of letters, digits and underscores; other
     * characters separate words. Only the statement's leading keywords are meant to be read this way.
     */
    public static List<String> words(String text, int max) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length() && words.size() < max) {
            while (i < text.length() && !(Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            int start = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            if (i > start) {
                words.add(text.substring(start, i).toUpperCase(Locale.ROOT));
            }
        }
        return words;
    }
}
