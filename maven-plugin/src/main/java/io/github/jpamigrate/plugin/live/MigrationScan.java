package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.plugin.io.MigrationDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which versioned migration creates (or drops) which table, column, index and named constraint,
 * read from the migration files' text so that a difference in a live database can be traced to
 * the migration that should have made it. It understands the DDL JPA Migrate writes and the
 * common hand-written forms: {@code create table} (the columns and named constraints of its
 * body), {@code alter table ... add [column] / add constraint / drop [column] / rename to /
 * rename column}, {@code create [unique] index ... on}, {@code drop table}; and the SQLite table
 * rebuild ({@code create table jm_new_x ...; drop table x; alter table jm_new_x rename to x}),
 * which neither creates nor drops {@code x}. Procedural code, dynamic SQL and statements it does
 * not recognise are not traced: the goal then says that no migration was found, never guesses.
 */
public final class MigrationScan {

    private static final String NAME = "(\"[^\"]+\"|`[^`]+`|\\[[^]]+]|[\\w$.]+)";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+(?:(?:global\\s+|local\\s+)?temp(?:orary)?\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s*\\((.*)\\)[^)]*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME + "\\s+(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s+on\\s+(?:only\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("drop\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD = Pattern.compile("add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?" + NAME + "(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP = Pattern.compile("drop\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?" + NAME + ".*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RENAME_TABLE = Pattern.compile("rename\\s+to\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_COLUMN = Pattern.compile("rename\\s+column\\s+" + NAME + "\\s+to\\s+" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("constraint\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final List<String> NOT_A_COLUMN = List.of("constraint", "primary", "foreign", "unique", "check", "key",
            "index", "fulltext", "spatial", "exclude", "like", "period");
    private static final String REBUILD_PREFIX = "jm_new_";

    /** The last thing each migration did to an object, in version order; key = kind + ':' + folded name. */
    private final Map<String, List<Event>> events = new LinkedHashMap<>();

    /** What each migration creates, in statement order: {@code table x}, {@code column x.y}, {@code index i}. */
    private final Map<String, List<String>> created = new LinkedHashMap<>();

    /** One statement's effect on an object. */
    private record Event(String migration, boolean creates) {
    }

    private MigrationScan() {
    }

    /** Reads the versioned migrations of the folders, oldest first. */
    public static MigrationScan of(List<MigrationDirectory> folders) throws IOException {
        List<MigrationDirectory.Script> scripts = new ArrayList<>();
        for (MigrationDirectory folder : folders) {
            folder.scripts().stream().filter(s -> s.file().kind() == MigrationFile.Kind.VERSIONED)
                    .forEach(scripts::add);
        }
        scripts.sort(Comparator.comparing(s -> s.file().version()));
        MigrationScan scan = new MigrationScan();
        for (MigrationDirectory.Script script : scripts) {
            scan.read(script.path().getFileName().toString(), Files.readString(script.path(), StandardCharsets.UTF_8));
        }
        return scan;
    }

    /** A scan of one text, for tests. */
    static MigrationScan ofText(String migration, String sql) {
        MigrationScan scan = new MigrationScan();
        scan.read(migration, sql);
        return scan;
    }

    /** The newest migration that creates the table, when no later one dropped it. */
    public Optional<String> createsTable(String table) {
        return creator("table:" + key(table));
    }

    public Optional<String> createsColumn(String table, String column) {
        return creator("column:" + key(table) + "." + key(column));
    }

    public Optional<String> createsIndex(String index) {
        return creator("index:" + key(index));
    }

    public Optional<String> createsConstraint(String constraint) {
        return creator("constraint:" + key(constraint));
    }

    /** The newest migration that drops the table, when no later one created it again. */
    public Optional<String> dropsTable(String table) {
        return dropper("table:" + key(table));
    }

    public Optional<String> dropsColumn(String table, String column) {
        return dropper("column:" + key(table) + "." + key(column));
    }

    /**
     * What the migration creates and does not drop again itself, as {@code table x},
     * {@code column x.y}, {@code index i} or {@code constraint c} (names case-folded).
     */
    public List<String> createdBy(String migration) {
        return List.copyOf(created.getOrDefault(migration, List.of()));
    }

    /** Every migration that changes the table in any way this scan understands, oldest first. */
    public List<String> touching(String table) {
        String prefix = key(table);
        List<String> out = new ArrayList<>();
        events.forEach((k, list) -> {
            String name = k.substring(k.indexOf(':') + 1);
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                list.forEach(e -> {
                    if (!out.contains(e.migration())) {
                        out.add(e.migration());
                    }
                });
            }
        });
        return out;
    }

    private Optional<String> creator(String key) {
        List<Event> list = events.getOrDefault(key, List.of());
        return list.isEmpty() || !list.get(list.size() - 1).creates() ? Optional.empty()
                : Optional.of(list.get(list.size() - 1).migration());
    }

    private Optional<String> dropper(String key) {
        List<Event> list = events.getOrDefault(key, List.of());
        return list.isEmpty() || list.get(list.size() - 1).creates() ? Optional.empty()
                : Optional.of(list.get(list.size() - 1).migration());
    }

    private void read(String migration, String sql) {
        List<String> statements = statements(sql);
        List<String> rebuilt = new ArrayList<>();
        for (String statement : statements) {
            Matcher alter = ALTER_TABLE.matcher(statement);
            if (alter.matches()) {
                Matcher rename = RENAME_TABLE.matcher(alter.group(2).strip());
                if (rename.lookingAt() && key(name(alter.group(1))).startsWith(REBUILD_PREFIX)) {
                    rebuilt.add(key(name(rename.group(1))));
                }
            }
        }
        for (String statement : statements) {
            apply(migration, statement, rebuilt);
        }
    }

    private void apply(String migration, String statement, List<String> rebuilt) {
        Matcher m;
        if ((m = CREATE_TABLE.matcher(statement)).matches()) {
            String table = name(m.group(1));
            if (key(table).startsWith(REBUILD_PREFIX)) {
                touch(migration, table.substring(REBUILD_PREFIX.length()));
                return;
            }
            record(migration, "table:" + key(table), true);
            for (String item : topLevel(m.group(2), ',')) {
                tableElement(migration, table, item.strip());
            }
        } else if ((m = CREATE_INDEX.matcher(statement)).lookingAt()) {
            record(migration, "index:" + key(name(m.group(1))), true);
            touch(migration, name(m.group(2)));
        } else if ((m = DROP_TABLE.matcher(statement)).lookingAt()) {
            String table = name(m.group(1));
            if (!rebuilt.contains(key(table)) && !key(table).startsWith(REBUILD_PREFIX)) {
                record(migration, "table:" + key(table), false);
            }
            touch(migration, table);
        } else if ((m = ALTER_TABLE.matcher(statement)).matches()) {
            String table = name(m.group(1));
            for (String action : topLevel(m.group(2), ',')) {
                alterAction(migration, table, action.strip());
            }
        }
    }

    private void tableElement(String migration, String table, String item) {
        Matcher constraint = CONSTRAINT_NAME.matcher(item);
        if (constraint.lookingAt()) {
            record(migration, "constraint:" + key(name(constraint.group(1))), true);
            return;
        }
        String first = firstWord(item);
        if (!first.isEmpty() && !NOT_A_COLUMN.contains(first.toLowerCase(Locale.ROOT))) {
            record(migration, "column:" + key(table) + "." + key(name(first)), true);
        }
    }

    private void alterAction(String migration, String table, String action) {
        touch(migration, table);
        Matcher m;
        if ((m = RENAME_TABLE.matcher(action)).lookingAt()) {
            String target = name(m.group(1));
            if (!key(table).startsWith(REBUILD_PREFIX)) {
                record(migration, "table:" + key(table), false);
                record(migration, "table:" + key(target), true);
            }
        } else if ((m = RENAME_COLUMN.matcher(action)).lookingAt()) {
            record(migration, "column:" + key(table) + "." + key(name(m.group(1))), false);
            record(migration, "column:" + key(table) + "." + key(name(m.group(2))), true);
        } else if ((m = CONSTRAINT_NAME.matcher(action.replaceFirst("(?i)^add\\s+", ""))).lookingAt()
                && action.toLowerCase(Locale.ROOT).startsWith("add")) {
            record(migration, "constraint:" + key(name(m.group(1))), true);
        } else if ((m = ADD.matcher(action)).matches()) {
            String column = name(m.group(1));
            if (!NOT_A_COLUMN.contains(column.toLowerCase(Locale.ROOT))) {
                record(migration, "column:" + key(table) + "." + key(column), true);
            }
        } else if ((m = DROP.matcher(action)).matches()) {
            String column = name(m.group(1));
            if (column.equalsIgnoreCase("constraint") || column.equalsIgnoreCase("foreign")
                    || column.equalsIgnoreCase("index") || column.equalsIgnoreCase("key")) {
                Matcher named = Pattern.compile("drop\\s+\\w+\\s+(?:key\\s+)?(?:if\\s+exists\\s+)?" + NAME,
                        Pattern.CASE_INSENSITIVE).matcher(action);
                if (named.lookingAt()) {
                    record(migration, "constraint:" + key(name(named.group(1))), false);
                    record(migration, "index:" + key(name(named.group(1))), false);
                }
            } else if (!NOT_A_COLUMN.contains(column.toLowerCase(Locale.ROOT))) {
                record(migration, "column:" + key(table) + "." + key(column), false);
            }
        }
    }

    private void record(String migration, String key, boolean creates) {
        events.computeIfAbsent(key, k -> new ArrayList<>()).add(new Event(migration, creates));
        List<String> objects = created.computeIfAbsent(migration, k -> new ArrayList<>());
        String object = key.replaceFirst(":", " ");
        if (creates && !objects.contains(object)) {
            objects.add(object);
        } else if (!creates) {
            objects.remove(object);
        }
    }

    private void touch(String migration, String table) {
        events.computeIfAbsent("touch:" + key(table), k -> new ArrayList<>()).add(new Event(migration, true));
    }

    /** The statements of a script: split at semicolons outside quotes and comments, comments removed. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < sql.length() && sql.charAt(end) != c) {
                    end++;
                }
                current.append(sql, i, Math.min(end + 1, sql.length()));
                i = end + 1;
            } else if (c == ';') {
                add(out, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String text = statement.toString().strip().replaceAll("\\s+", " ");
        if (!text.isEmpty()) {
            out.add(text);
        }
        statement.setLength(0);
    }

    /** Splits at {@code separator} outside parentheses and quotes. */
    private static List<String> topLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String firstWord(String item) {
        Matcher m = Pattern.compile("^" + NAME).matcher(item);
        return m.lookingAt() ? m.group(1) : "";
    }

    /** An identifier without its quotes and schema: {@code "app"."Order"} is {@code Order}. */
    private static String name(String raw) {
        String last = raw;
        if (!(raw.startsWith("\"") || raw.startsWith("`") || raw.startsWith("["))) {
            int dot = raw.lastIndexOf('.');
            last = dot < 0 ? raw : raw.substring(dot + 1);
        }
        if (last.length() >= 2 && (last.startsWith("\"") || last.startsWith("`") || last.startsWith("["))) {
            return last.substring(1, last.length() - 1);
        }
        return last;
    }

    private static String key(String name) {
        return Identifiers.key(name);
    }
}
