package io.github.jpamigrate.core.sql.mysql;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.core.sql.AlterTableRenderer;
import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.SqlNames;
import io.github.jpamigrate.core.sql.Statement;

import java.util.List;
import java.util.Objects;

/**
 * MariaDB and MySQL: back-tick quoting, {@code modify column} with the whole new column
 * definition (it replaces type, nullability, default, auto-increment and comment at once),
 * comments inline, and the spellings where the two differ: MariaDB has sequences (10.3+), checks
 * enum ordinals as Hibernate does and drops checks as constraints; MySQL emulates sequences with
 * a one-row table, as Hibernate does, and drops checks with {@code drop check}.
 */
public final class MysqlRenderer extends AlterTableRenderer {

    private final boolean mariaDb;
    private final int major;
    private final int minor;
    private final MysqlTypeNames types;

    private MysqlRenderer(boolean mariaDb, int major, int minor, MysqlTypeNames types) {
        super(SqlNames.backtick());
        this.mariaDb = mariaDb;
        this.major = major;
        this.minor = minor;
        this.types = types;
    }

    /** MariaDB 10.11, the oldest maintained long-term release. */
    public static MysqlRenderer mariaDb() {
        return mariaDb(10, 11);
    }

    public static MysqlRenderer mariaDb(int major, int minor) {
        return new MysqlRenderer(true, major, minor, MysqlTypeNames.mariaDb(major, minor));
    }

    /** MySQL 8.0 or later. */
    public static MysqlRenderer mysql() {
        return new MysqlRenderer(false, 8, 0, MysqlTypeNames.mysql());
    }

    @Override
    public DialectFacts dialect() {
        return mariaDb ? MysqlDialect.MARIADB : MysqlDialect.MYSQL;
    }

    @Override
    protected ColumnTypeNames types() {
        return types;
    }

    @Override
    protected String columnDefinition(Column column, SchemaModel model) {
        StringBuilder sql = new StringBuilder(names.name(column.name())).append(' ').append(sqlType(column, model));
        if (!column.nullable()) {
            sql.append(" not null");
        }
        if (column.defaultValue() != null) {
            sql.append(" default ").append(names.expression(column.defaultValue()));
        }
        if (column.identity()) {
            sql.append(' ').append(identityClause());
        }
        if (column.comment() != null) {
            sql.append(" comment ").append(names.text(column.comment()));
        }
        return sql.toString();
    }

    @Override
    protected String identityClause() {
        return "auto_increment";
    }

    @Override
    protected String tableOptions(Table table) {
        return table.comment() == null ? "" : " comment=" + names.text(table.comment());
    }

    @Override
    protected List<String> createComments(Table table) {
        return List.of();
    }

    @Override
    protected String tableComment(String table, String comment) {
        return "alter table " + names.name(table) + " comment=" + names.text(comment == null ? "" : comment);
    }

    /** One {@code modify column} restates the whole column; MySQL has no narrower form for most of it. */
    @Override
    protected List<Statement> alterColumn(String table, ColumnChange column) {
        Column was = column.was();
        Column now = column.now();
        boolean differs = column.typeChanged() || was.nullable() != now.nullable() || was.identity() != now.identity()
                || !Objects.equals(was.defaultValue(), now.defaultValue()) || !Objects.equals(was.comment(), now.comment());
        return differs ? List.of(changeType(table, column)) : List.of();
    }

    /** Never called: {@code modify column} restates the identity, and auto-increment continues above the rows. */
    @Override
    protected List<Statement> addIdentity(String table, ColumnChange column) {
        return List.of(changeType(table, column));
    }

    /** MySQL 5.7 and MariaDB 10.5.2 rename an index; a unique constraint is one. */
    @Override
    protected String renameUnique(String table, String oldName, String newName) {
        return renameIndex(table, oldName, newName);
    }

    @Override
    protected String renameIndex(String table, String oldName, String newName) {
        return "alter table " + names.name(table) + " rename index " + names.name(oldName) + " to " + names.name(newName);
    }

    @Override
    protected boolean adoptsIndexesForForeignKeys() {
        return true;
    }

    /** Neither MySQL nor MariaDB renames a foreign key. */
    @Override
    protected boolean renamesForeignKeys() {
        return false;
    }

    @Override
    protected Statement changeType(String table, ColumnChange column) {
        String sql = modifyColumn(table, column);
        if (!column.typeChanged()) {
            return Statement.plain(sql);
        }
        return column.needsCast()
                ? Statement.commented(sql, "converts existing values " + column.oldType() + " -> " + column.newType()
                        + "; rows that do not convert make this fail", "copies " + table + " while it runs")
                : Statement.commented(sql, "may copy " + table + " while it runs");
    }

    private String modifyColumn(String table, ColumnChange column) {
        return "alter table " + names.name(table) + " modify column " + definitionWithType(column.now(), column.newType());
    }

    /** The column spelled with the type already computed from its own model. */
    private String definitionWithType(Column column, String type) {
        return columnDefinition(column.withDefinition(type), null);
    }

    /** {@code rename column} came with MariaDB 10.5 and MySQL 8.0; before, {@code change column} restates it. */
    @Override
    protected String renameColumn(String table, Column oldColumn, Column newColumn, SchemaModel oldModel) {
        if (!mariaDb || major > 10 || major == 10 && minor >= 5) {
            return super.renameColumn(table, oldColumn, newColumn, oldModel);
        }
        return "alter table " + names.name(table) + " change column " + names.name(oldColumn.name()) + " "
                + columnDefinition(newColumn, oldModel);
    }

    /**
     * MariaDB also drops the index it created for the key (named as the key), which would
     * otherwise stay behind; MySQL 8 has no {@code drop index if exists}.
     */
    @Override
    protected String dropForeignKey(String table, ForeignKey key) {
        String sql = "alter table " + names.name(table) + " drop foreign key " + names.name(key.name());
        return mariaDb ? sql + ", drop index if exists " + names.name(key.name()) : sql;
    }

    @Override
    protected String dropUnique(String table, UniqueConstraint unique) {
        return "alter table " + names.name(table) + " drop index " + names.name(unique.name());
    }

    @Override
    protected boolean declaresKeysInCreateTable() {
        return true;
    }

    /** Declared before the table's foreign keys, so that a key on the index's leading columns uses it, as after {@code create index}. */
    @Override
    protected String indexClause(Index index) {
        return (index.unique() ? "unique " : "") + "index " + names.name(index.name()) + " (" + names.list(index.columns()) + ")";
    }

    @Override
    protected String dropIndex(String table, Index index) {
        return "drop index " + names.name(index.name()) + " on " + names.name(table);
    }

    @Override
    protected String dropCheck(String table, CheckConstraint check) {
        return mariaDb ? dropConstraint(table, check.name())
                : "alter table " + names.name(table) + " drop check " + names.name(check.name());
    }

    /** Hibernate checks enum ordinals on MariaDB only; names are restricted by the {@code enum(...)} type. */
    @Override
    protected boolean checksEnum(EnumStorage storage) {
        return mariaDb && storage == EnumStorage.ORDINAL;
    }

    @Override
    protected List<String> createSequence(Sequence sequence) {
        if (mariaDb) {
            return List.of("create sequence " + names.name(sequence.name()) + " start with " + sequence.initialValue()
                    + " increment by " + sequence.incrementSize() + " nocache");
        }
        String table = names.name(sequence.name());
        return List.of("create table " + table + " (next_val bigint)",
                "insert into " + table + " values ( " + sequence.initialValue() + " )");
    }

    @Override
    protected List<String> dropSequence(Sequence sequence) {
        return mariaDb ? super.dropSequence(sequence) : List.of(dropTable(sequence.name()));
    }

    /** MySQL's sequence table holds only the next value; the increment lives in the application. */
    @Override
    protected List<String> alterSequence(Sequence was, Sequence now) {
        return mariaDb ? super.alterSequence(was, now) : List.of();
    }

    /**
     * {@code lock_wait_timeout} bounds the wait for the table's metadata lock, in whole seconds;
     * MariaDB's {@code max_statement_time} bounds a statement (MySQL's {@code max_execution_time}
     * only bounds SELECT, so MySQL gets no statement timeout).
     */
    @Override
    protected List<String> sessionTimeouts(RenderOptions.Online online, boolean transactional) {
        List<String> out = new java.util.ArrayList<>();
        out.add("set session lock_wait_timeout = " + seconds(online.lockTimeout(), "lockTimeout"));
        if (online.statementTimeout() != null && mariaDb) {
            out.add("set session max_statement_time = " + (RenderOptions.Online.noLimit(online.statementTimeout()) ? 0
                    : seconds(online.statementTimeout(), "statementTimeout")));
        }
        return out;
    }

    private static long seconds(String duration, String what) {
        return Math.max(1, (RenderOptions.Online.millis(duration, what) + 999) / 1000);
    }

    /**
     * In place, without a lock: the server refuses (instead of copying the table) where it cannot.
     * Not on a MariaDB table with a hash unique key (before or after this migration), whose hidden
     * virtual column no in-place change may touch: MariaDB refuses the clause there.
     */
    @Override
    protected List<Statement> createIndexOnline(String table, Index index, Alteration alteration) {
        if (mariaDb && hashUnique(alteration)) {
            return List.of(Statement.commented(createIndex(table, index), copies(table)));
        }
        return List.of(Statement.plain(createIndex(table, index) + " algorithm=inplace lock=none"));
    }

    /**
     * An instant column (MariaDB 10.3+, MySQL 8.0+). An auto-increment column needs a copy and gets
     * none; so does a MariaDB table with a unique key longer than an index key may be, which
     * MariaDB keeps as a hash over a hidden virtual column and then cannot add a column instantly.
     */
    @Override
    protected Statement addColumnOnline(String table, Column column, SchemaModel model) {
        boolean instant = !column.identity() && !(mariaDb && model.table(table).map(MysqlRenderer::hasHashUnique).orElse(false));
        return instant ? Statement.plain(addColumn(table, column, model) + ", " + INSTANT)
                : Statement.commented(addColumn(table, column, model), column.identity()
                        ? "rebuilds " + table + " while it runs, blocking writes: an auto-increment column takes the table's lock"
                        : copies(table));
    }

    /** Whether MariaDB keeps one of the table's unique keys as a hash (more than 3072 key bytes, or a lob). */
    private static boolean hasHashUnique(Table table) {
        List<List<String>> uniques = new java.util.ArrayList<>();
        table.columns().stream().filter(Column::unique).forEach(c -> uniques.add(List.of(c.name())));
        table.uniqueConstraints().forEach(u -> uniques.add(u.columns()));
        table.indexes().stream().filter(Index::unique).forEach(i -> uniques.add(i.columns()));
        for (List<String> columns : uniques) {
            long bytes = 0;
            for (String name : columns) {
                Column column = table.column(name).orElse(null);
                bytes += column == null || column.definition() != null ? 0 : keyBytes(column.type());
            }
            if (bytes > MAX_KEY_BYTES) {
                return true;
            }
        }
        return false;
    }

    /** InnoDB's longest index key (innodb_page_size 16k). */
    private static final int MAX_KEY_BYTES = 3072;

    /** The bytes a column takes in an index key under utf8mb4; lobs always count as too long. */
    private static long keyBytes(ColumnType type) {
        return switch (type.kind()) {
            case CLOB, NCLOB, BLOB, JSON, XML -> MAX_KEY_BYTES + 1L;
            case CHAR, VARCHAR, NCHAR, NVARCHAR -> 4L * type.length();
            case BINARY, VARBINARY -> type.length() > 65_535 ? MAX_KEY_BYTES + 1L : type.length();
            default -> 8;
        };
    }

    // ---- online ALTER TABLE (docs/dialects.md, "Online migrations": each form tried on MariaDB 10.11) ----

    /** Metadata only: the server refuses a change it cannot make without touching the rows. */
    private static final String INSTANT = "algorithm=instant";
    /** Without copying the table (an index built or the table rebuilt in place) and without blocking writes. */
    private static final String INPLACE = "algorithm=inplace, lock=none";

    @Override
    protected Statement alterOnline(String sql, Alteration alteration) {
        String clause = clause(alteration);
        if (clause != null) {
            return Statement.plain(sql + ", " + clause);
        }
        String table = alteration.after() != null ? alteration.after().name()
                : alteration.before() != null ? alteration.before().name() : "the table";
        return alteration.kind() == Alteration.Kind.ADD_FOREIGN_KEY
                ? Statement.commented(sql, "copies " + table + " while it runs, checking every row: the server adds a foreign"
                        + " key in place only with foreign_key_checks off, which leaves the existing rows unchecked")
                : Statement.commented(sql, copies(table));
    }

    private static String copies(String table) {
        return "copies " + table + " while it runs: the server has no in-place form for this change";
    }

    /**
     * The strongest clause the server takes for the change, or null where it only copies the table
     * (a foreign key added while foreign_key_checks is on, a check added, a primary key dropped
     * without another added in the same statement; on MariaDB, anything but a rename on a table with
     * a hash unique key, whose hidden virtual column no in-place change may touch).
     */
    private String clause(Alteration alteration) {
        if (alteration.kind() == Alteration.Kind.RENAME_TABLE) {
            return INSTANT;
        }
        if (mariaDb && hashUnique(alteration)) {
            return null;
        }
        return switch (alteration.kind()) {
            case DROP_COLUMN -> indexed(alteration.before(), alteration.column()) ? INPLACE : INSTANT;
            case RENAME_COLUMN -> mariaDb ? INSTANT : INPLACE;
            case RENAME_INDEX -> mariaDb ? INSTANT : INPLACE;
            case TABLE_COMMENT, DROP_CHECK -> mariaDb ? INSTANT : null;
            case DROP_FOREIGN_KEY, ADD_UNIQUE, DROP_UNIQUE, ADD_PRIMARY_KEY, ADD_INDEX -> INPLACE;
            case ADD_FOREIGN_KEY, ADD_CHECK, DROP_PRIMARY_KEY, CHANGE_COLUMN, RENAME_TABLE -> null;
        };
    }

    /**
     * {@code modify column} with the clause its change takes: a new default (and on MariaDB a new
     * comment) is metadata only, so is a longer {@code varchar} within the same length-byte class
     * and an {@code enum} gaining members at its end; a change of nullability rebuilds the table in
     * place (MySQL and MariaDB: without blocking writes). Every other type change, and an
     * auto-increment added or dropped, copies the table: the statement stays plain.
     */
    @Override
    protected List<Statement> alterColumnOnline(String table, ColumnChange column, Alteration alteration) {
        List<Statement> plain = alterColumn(table, column);
        String clause = plain.isEmpty() || mariaDb && hashUnique(alteration) ? null : columnClause(column);
        if (clause == null) {
            return plain.stream().map(s -> s.comments().isEmpty() ? Statement.commented(s.sql(), copies(table)) : s).toList();
        }
        return List.of(Statement.plain(modifyColumn(table, column) + ", " + clause));
    }

    private String columnClause(ColumnChange column) {
        Column was = column.was();
        Column now = column.now();
        if (was.identity() != now.identity()) {
            return null;
        }
        boolean nullability = was.nullable() != now.nullable();
        if (column.typeChanged()) {
            if (longerVarchar(column.oldType(), column.newType(), mariaDb)) {
                return mariaDb && !nullability ? INSTANT : INPLACE;
            }
            return appendedEnum(column.oldType(), column.newType()) ? (nullability ? INPLACE : INSTANT) : null;
        }
        if (nullability) {
            return INPLACE;
        }
        // MySQL documents a new default as instant, not a new comment
        return mariaDb || Objects.equals(was.comment(), now.comment()) ? INSTANT : null;
    }

    private static final java.util.regex.Pattern LENGTH = java.util.regex.Pattern.compile("(?i)^(varchar|varbinary)\\((\\d+)\\)(.*)$");

    /**
     * A {@code varchar} or {@code varbinary} made longer without a new length format. InnoDB stores
     * a value's length in one byte when the column holds at most 255 bytes, in two above, except
     * that a value under 128 bytes takes one byte either way. MySQL changes the length in place
     * within one class (both up to 255 bytes, or from 256 on); MariaDB instantly, and also from a
     * column of at most 127 bytes to any length (tried on 10.11: {@code varchar(20)} to
     * {@code varchar(100)} is instant under utf8mb4, {@code varchar(40)} to {@code varchar(100)} is
     * not). In characters, whatever the character set (1 to 4 bytes each): at most 63 before and
     * after, or at least 256 before; on MariaDB also at most 31 before.
     */
    static boolean longerVarchar(String oldType, String newType, boolean mariaDb) {
        var was = LENGTH.matcher(oldType.strip());
        var now = LENGTH.matcher(newType.strip());
        if (!was.matches() || !now.matches() || !was.group(1).equalsIgnoreCase(now.group(1))
                || !was.group(3).strip().equalsIgnoreCase(now.group(3).strip())) {
            return false;
        }
        long from = Long.parseLong(was.group(2));
        long to = Long.parseLong(now.group(2));
        int perChar = was.group(1).equalsIgnoreCase("varchar") ? 4 : 1;
        return to >= from && (to * perChar <= 255 || from >= 256 || mariaDb && from * perChar <= 127);
    }

    /**
     * An {@code enum(...)} that only gains members after its last one (Hibernate lists them by
     * name: a new constant that sorts before an old one moves members, and the table is copied),
     * staying within 255 members (one byte per value).
     */
    static boolean appendedEnum(String oldType, String newType) {
        String was = oldType.strip();
        String now = newType.strip();
        return was.startsWith("enum (") && was.endsWith(")") && now.endsWith(")")
                && now.startsWith(was.substring(0, was.length() - 1) + ",") && now.split("','").length <= 255;
    }

    /** Whether the column is part of an index, unique or primary key, or of a foreign key's index. */
    private static boolean indexed(Table table, String column) {
        if (table == null || column == null) {
            return true;
        }
        java.util.function.Predicate<List<String>> has = columns -> columns.stream()
                .anyMatch(c -> io.github.jpamigrate.core.model.Identifiers.sameName(
                        c.replaceAll("(?i)\\s+(asc|desc)$", ""), column));
        return table.primaryKey() != null && has.test(table.primaryKey().columns())
                || table.column(column).map(Column::unique).orElse(false)
                || table.indexes().stream().anyMatch(i -> has.test(i.columns()))
                || table.uniqueConstraints().stream().anyMatch(u -> has.test(u.columns()))
                || table.foreignKeys().stream().anyMatch(k -> has.test(k.columns()));
    }

    /** Whether MariaDB keeps a unique key of the table, before or after the migration, as a hash. */
    private static boolean hashUnique(Alteration alteration) {
        return alteration.before() != null && hasHashUnique(alteration.before())
                || alteration.after() != null && hasHashUnique(alteration.after());
    }

    @Override
    protected boolean writesOnlineForms() {
        return true;
    }
}
