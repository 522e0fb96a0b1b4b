package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnAdded;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnChanged;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnDropped;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnRenamed;
import io.github.jpamigrate.core.diff.SchemaChange.EnumChanged;
import io.github.jpamigrate.core.diff.SchemaChange.TableAdded;
import io.github.jpamigrate.core.diff.SchemaChange.TableDropped;
import io.github.jpamigrate.core.diff.SchemaChange.TableRenamed;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration lint's accept markers in a migration written in the online forms
 * (docs/lint.md, "Generated migrations"). Where the online forms make a statement safe, the
 * statement is written that way and needs no marker. What is left is either a change the user
 * asked for that no form makes safe for the running old version (a rename, a drop, a type
 * change: {@link ExpandContract} names the expand/contract way in the header) or a form the
 * generator writes on purpose (the re-runnable follow-up, a backfill before NOT NULL, a foreign
 * key the entities give no index). Those statements carry
 * {@code -- jpa-migrate:accept <code> <reason>} right above them, the reason in the same words as
 * the header's caution, so that the reviewer reads why and the lint passes on the generated
 * migration as written. The codes are the lint's ({@code plugin/lint/LintRule}).
 */
final class LintAccepts {

    static final String ACCEPT = "jpa-migrate:accept ";
    static final String ACCEPT_FILE = "jpa-migrate:accept-file ";

    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "^alter table (\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|\\S+) add constraint .* foreign key \\(([^)]*)\\)", Pattern.DOTALL);

    private final AlterTableRenderer dialect;
    private final SchemaModel oldModel;
    private final SchemaModel newModel;
    private final RenderOptions.Online online;
    /** PostgreSQL's rules apply (the dialect that validates later); otherwise MariaDB/MySQL's. */
    private final boolean postgresql;

    LintAccepts(AlterTableRenderer dialect, SchemaModel oldModel, SchemaModel newModel, RenderOptions.Online online) {
        this.dialect = dialect;
        this.oldModel = oldModel;
        this.newModel = newModel;
        this.online = online;
        this.postgresql = dialect.validatesConstraintsLater();
    }

    /** The main migration's statements (timeouts first), each with the markers it needs. */
    List<Statement> main(List<Statement> statements) {
        return withMarkers(statements, false);
    }

    /** The follow-up's statements (timeouts first): run outside a transaction, each one may run again. */
    List<Statement> followUp(List<Statement> statements) {
        return withMarkers(statements, true);
    }

    private List<Statement> withMarkers(List<Statement> statements, boolean followUp) {
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            String sql = sql(statement);
            List<String> markers = markers(statement, sql);
            if (postgresql && !followUp && sql.matches("^alter table .* alter column .* set not null.*")) {
                // the online forms set NOT NULL in the follow-up, except where this migration needs it at once
                markers.add(ACCEPT + "JML104 the column joins a new primary key in this migration, which needs it"
                        + " NOT NULL at once; the scan waits at most lock_timeout " + online.lockTimeout() + " for its lock");
            }
            if (postgresql && followUp && sql.contains(" validate constraint ")) {
                markers.add(ACCEPT + "JML131 this follow-up runs outside a transaction (executeInTransaction=false): the"
                        + " constraint added NOT VALID is committed, and its short lock released, before the validating scan");
            }
            if (postgresql && followUp && sql.contains(" concurrently ")) {
                markers.add(ACCEPT + "JML130 this follow-up runs outside a transaction (executeInTransaction=false) and each"
                        + " statement in it may run again: after a failure, fix the cause and run Flyway again");
            }
            out.add(markers.isEmpty() ? statement : statement.accepting(markers));
        }
        return out;
    }

    private List<String> markers(Statement statement, String sql) {
        List<String> out = new ArrayList<>();
        SchemaChange origin = statement.origin();
        List<String> advice = origin == null ? List.of() : ExpandContract.advice(origin, dialect, oldModel, newModel);
        String caution = advice.isEmpty() ? null : advice.get(0);
        if (caution != null) {
            String code = expandContractCode(origin, sql);
            if (code != null) {
                out.add(ACCEPT + code + " " + caution);
            }
        }
        if (postgresql) {
            postgresql(statement, sql, out);
        } else if (sql.startsWith("alter table ") && !sql.contains("algorithm=") && !(origin instanceof TableAdded)) {
            // a table created by this migration holds no rows: the lint does not ask for ALGORITHM/LOCK there
            String said = statement.comments().isEmpty() ? null : String.join("; ", statement.comments());
            if (origin instanceof EnumChanged e && sql.contains(" enum (") && !appended(e)) {
                String reason = (said != null ? said + "; " : "") + "the enum " + e.newEnum().javaType()
                        + " changes constants " + e.oldEnum().constants() + " -> " + e.newEnum().constants()
                        + ": members move (enum (...) lists them by name), so the table is copied";
                out.add(ACCEPT + "JML107 " + reason);
            }
            String reason = caution != null ? caution : said != null ? said
                    : "the server has no in-place form for this change: it copies the table, blocking writes, after"
                    + " waiting at most lock_wait_timeout for its lock";
            out.add(ACCEPT + "JML122 " + reason);
            out.add(ACCEPT + "JML123 " + reason);
        }
        return out;
    }

    /**
     * Whether the column's members, as written ({@code enum (...)} lists them sorted by name, as
     * Hibernate does: {@link HibernateTypeNames}), only gain members at the end: MariaDB/MySQL then
     * change it in place. A new constant that sorts before an old one moves members, and the table
     * is copied.
     */
    private static boolean appended(EnumChanged change) {
        List<String> was = change.oldEnum().constants().stream().sorted().toList();
        List<String> now = change.newEnum().constants().stream().sorted().toList();
        return now.size() >= was.size() && now.subList(0, was.size()).equals(was);
    }

    /** The rule a statement of an expand/contract change fires, or null for its other statements. */
    private static String expandContractCode(SchemaChange origin, String sql) {
        if (origin instanceof ColumnRenamed) {
            return sql.contains(" rename column ") || sql.contains(" change column ") || sql.contains(" change ") ? "JML109" : null;
        }
        if (origin instanceof TableRenamed) {
            return sql.startsWith("rename table ") || sql.startsWith("alter table ") && sql.contains(" rename to ") ? "JML108" : null;
        }
        if (origin instanceof ColumnDropped) {
            return sql.contains(" drop column ") ? "JML110" : null;
        }
        if (origin instanceof TableDropped) {
            return sql.startsWith("drop table ") ? "JML111" : null;
        }
        if (origin instanceof ColumnChanged) {
            return sql.contains(" type ") || sql.contains(" modify column ") || sql.contains(" modify ") ? "JML107" : null;
        }
        return null;
    }

    private void postgresql(Statement statement, String sql, List<String> out) {
        if (sql.startsWith("update ")) {
            String column = statement.origin() instanceof ColumnChanged c ? c.table() + "." + c.newColumn().name()
                    : statement.origin() instanceof ColumnAdded c ? c.table() + "." + c.newColumn().name() : "the column";
            out.add(ACCEPT + "JML121 fills " + column + " where it is null (the value declared with -Djpamigrate.backfill or"
                    + " its default) before the NOT NULL that needs it; the update touches only those rows");
        }
        if (sql.startsWith("drop index ") && !sql.startsWith("drop index concurrently ")) {
            out.add(ACCEPT + "JML127 the index goes in the migration's transaction, with the change that needs it gone;"
                    + " the drop waits at most lock_timeout " + online.lockTimeout() + " for its lock");
        }
        if (sql.startsWith("alter table ") && sql.contains(" add primary key") || sql.matches("^alter table .* add constraint .* primary key .*")) {
            out.add(ACCEPT + "JML126 the primary key of " + (statement.origin() == null ? "the table" : statement.origin().table())
                    + " changes; its index is built under the table's lock, waiting at most lock_timeout "
                    + online.lockTimeout() + " for it");
        }
        Matcher key = FOREIGN_KEY.matcher(sql);
        if (key.find()) {
            String table = unquote(key.group(1));
            List<String> columns = Arrays.stream(key.group(2).split(",")).map(String::strip).map(LintAccepts::unquote).toList();
            String covering = covering(table, columns);
            if (covering == null) {
                out.add(ACCEPT + "JML117 the entities declare no index starting with " + table + "(" + String.join(", ", columns)
                        + "); add one (@Table(indexes = ...)) to have generate create it");
            } else if (!covering.isEmpty()) {
                out.add(ACCEPT + "JML117 the index " + covering + " on " + table + "(" + String.join(", ", columns)
                        + ") is built concurrently by the follow-up migration");
            }
        }
    }

    /**
     * What covers a foreign key's columns with an index whose first columns they are, in the new
     * model as the statements write it ({@link KeyColumnOrder}): empty when an index, unique key or
     * primary key in the same migration does, the name of an index new on an existing table (built
     * by the follow-up), null when nothing does.
     */
    private String covering(String table, List<String> columns) {
        Table t = newModel.table(table).orElse(null);
        if (t == null) {
            return null;
        }
        t = KeyColumnOrder.of(newModel, dialect.dialect()).table(t);
        Set<String> wanted = new HashSet<>(columns.stream().map(Identifiers::key).toList());
        List<List<String>> keys = new ArrayList<>();
        t.uniqueConstraints().stream().map(UniqueConstraint::columns).forEach(keys::add);
        t.columns().stream().filter(Column::unique).forEach(c -> keys.add(List.of(c.name())));
        if (t.primaryKey() != null) {
            keys.add(t.primaryKey().columns());
        }
        if (keys.stream().anyMatch(k -> leads(k, wanted))) {
            return "";
        }
        Table before = oldModel.table(table).orElse(null);
        for (Index index : t.indexes()) {
            if (leads(index.columns(), wanted)) {
                boolean built = before != null && before.indexes().stream().noneMatch(i -> i.name() != null
                        && Identifiers.sameName(i.name(), index.name()));
                return built ? index.name() : "";
            }
        }
        return null;
    }

    private static boolean leads(List<String> key, Set<String> wanted) {
        return key.size() >= wanted.size()
                && new HashSet<>(key.subList(0, wanted.size()).stream().map(Identifiers::key).toList()).equals(wanted);
    }

    private static String unquote(String name) {
        String n = name.strip();
        if (n.length() > 1 && (n.startsWith("\"") && n.endsWith("\"") || n.startsWith("`") && n.endsWith("`"))) {
            String q = n.substring(0, 1);
            return n.substring(1, n.length() - 1).replace(q + q, q);
        }
        return n;
    }

    private static String sql(Statement statement) {
        return statement.sql().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
