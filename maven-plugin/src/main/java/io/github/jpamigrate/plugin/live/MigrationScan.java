package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ColumnOption;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which migration creates (or drops) which table, column, index, named constraint, view and
 * sequence, read from the migration files with a SQL parser (JSqlParser) so that a difference in
 * a live database can be traced to the migration that should have made it.
 *
 * <p>A script is cut into statements by {@link MigrationScanSplitter} (quotes, dollar quotes and
 * comments respected) and each statement is parsed on its own. What the parser reads is traced:
 * {@code create table} (its columns and named constraints), {@code alter table} with each of its
 * actions ({@code add [column]}, {@code add constraint}, {@code drop [column|constraint|index|key]},
 * {@code alter|modify column}, {@code change column} and {@code rename [column|constraint|index]
 * ... to}, {@code rename to}), MySQL's {@code rename table}, {@code create [unique] index},
 * {@code drop table|index|view|sequence}, {@code create [or replace|materialized] view},
 * {@code create sequence}; names lose their schema and quotes. The SQLite table rebuild that JPA
 * Migrate writes ({@code create table jm_new_x ...; drop table x; alter table jm_new_x rename to
 * x}) neither creates nor drops {@code x}.
 *
 * <p>A statement the parser cannot read (a function body, a {@code DO} block, syntax it does not
 * know) is skipped and counted, never guessed at: {@link #unread(String)} lists them, and where
 * nothing that was read creates an object the goal says that no migration was found.
 *
 * <p>Order, as Flyway applies them: baseline migrations ({@code B<version>__x.sql}, which Flyway
 * applies to an empty database in place of the versioned ones they cover) first, so that a
 * versioned migration that makes the same object is named in preference and the baseline names
 * what no versioned migration in the folder makes any more; then versioned migrations by
 * version; then repeatable ones ({@code R__x.sql}, typically views and functions) by description.
 */
public final class MigrationScan {

    private static final String REBUILD_PREFIX = "jm_new_";

    /** Every effect, in migration order; key = kind + ':' + folded name. */
    private final Map<String, List<Event>> events = new LinkedHashMap<>();

    /** What each migration creates, in statement order: {@code table x}, {@code column x.y}, {@code index i}. */
    private final Map<String, List<String>> created = new LinkedHashMap<>();

    /** Each statement's outcome, per migration, in file order. */
    private final Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();

    /** One statement's effect on an object. */
    private record Event(String migration, boolean creates) {
    }

    /**
     * What became of one statement: read by the parser (its kind is the parser's name for it,
     * e.g. {@code CreateTable}), or not read (its kind is its first words, e.g. {@code CREATE FUNCTION},
     * and {@code reason} the parser's first line of complaint).
     */
    public record Outcome(String migration, int line, boolean read, String kind, String reason) {
    }

    /** Where a migration stands in Flyway's order. */
    enum Phase { BASELINE, VERSIONED, REPEATABLE }

    /** A migration file to read: its name, its place in the order, where it is. */
    record Source(String fileName, Phase phase, MigrationVersion version, Path path) {

        /**
         * The file's place by its name; empty for undo scripts and names that are not
         * migrations. {@code B<version>__x.sql} is recognised here until core's
         * {@link MigrationFile} has a baseline kind: then this reads {@code file.kind()} alone.
         */
        static Optional<Source> of(Path path) {
            String name = path.getFileName().toString();
            if (name.startsWith("B")) {
                return MigrationFile.parse("V" + name.substring(1))
                        .map(f -> new Source(name, Phase.BASELINE, f.version(), path));
            }
            return MigrationFile.parse(name).flatMap(f -> switch (f.kind()) {
                case VERSIONED -> Optional.of(new Source(name, Phase.VERSIONED, f.version(), path));
                case REPEATABLE -> Optional.of(new Source(name, Phase.REPEATABLE, null, path));
                default -> Optional.empty();
            });
        }
    }

    private static final Comparator<Source> FLYWAY_ORDER = Comparator.comparing(Source::phase)
            .thenComparing(Source::version, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Source::fileName);

    private MigrationScan() {
    }

    /** Reads the baseline, versioned and repeatable migrations of the folders, in Flyway's order. */
    public static MigrationScan of(List<MigrationDirectory> folders) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (MigrationDirectory folder : folders) {
            folder.scripts().forEach(s -> paths.add(s.path()));
        }
        return ofFiles(paths);
    }

    /** Reads these files (those named as migrations; others are left out), in Flyway's order. */
    static MigrationScan ofFiles(List<Path> files) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            Source.of(file).ifPresent(sources::add);
        }
        sources.sort(FLYWAY_ORDER);
        MigrationScan scan = new MigrationScan();
        for (Source source : sources) {
            scan.read(source.fileName(), Files.readString(source.path(), StandardCharsets.UTF_8));
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

    /** The newest migration that creates (or replaces) the view, when no later one dropped it. */
    public Optional<String> createsView(String view) {
        return creator("view:" + key(view));
    }

    public Optional<String> createsSequence(String sequence) {
        return creator("sequence:" + key(sequence));
    }

    /** The newest migration that drops the table, when no later one created it again. */
    public Optional<String> dropsTable(String table) {
        return dropper("table:" + key(table));
    }

    public Optional<String> dropsColumn(String table, String column) {
        return dropper("column:" + key(table) + "." + key(column));
    }

    public Optional<String> dropsView(String view) {
        return dropper("view:" + key(view));
    }

    /**
     * What the migration creates and does not drop again itself, as {@code table x},
     * {@code column x.y}, {@code index i} or {@code constraint c} (names case-folded). Views and
     * sequences are not listed here: {@link #createsView} and {@link #createsSequence} trace them.
     */
    public List<String> createdBy(String migration) {
        return created.getOrDefault(migration, List.of()).stream()
                .filter(o -> !o.startsWith("view ") && !o.startsWith("sequence ")).toList();
    }

    /** Every migration that changes the table in any way this scan read, oldest first. */
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

    /** The statements of the migration that the parser could not read, so were not traced. */
    public List<Outcome> unread(String migration) {
        return outcomes.getOrDefault(migration, List.of()).stream().filter(o -> !o.read()).toList();
    }

    /** Every statement's outcome, migration by migration in the order they were read. */
    public List<Outcome> outcomes() {
        return outcomes.values().stream().flatMap(List::stream).toList();
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
        List<Outcome> done = outcomes.computeIfAbsent(migration, k -> new ArrayList<>());
        List<Statement> statements = new ArrayList<>();
        for (MigrationScanSplitter.Piece piece : MigrationScanSplitter.split(sql)) {
            Parsed parsed = parse(piece.text());
            if (parsed.statement() != null) {
                statements.add(parsed.statement());
                done.add(new Outcome(migration, piece.line(), true, parsed.statement().getClass().getSimpleName(), null));
            } else {
                done.add(new Outcome(migration, piece.line(), false, firstWords(piece.text()), parsed.reason()));
            }
        }
        List<String> rebuilt = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement instanceof Alter alter && isRebuild(name(alter.getTable()))) {
                for (AlterExpression e : alter.getAlterExpressions()) {
                    if (e.getOperation() == AlterOperation.RENAME_TABLE) {
                        rebuilt.add(key(unquote(e.getNewTableName())));
                    }
                }
            }
        }
        for (Statement statement : statements) {
            apply(migration, statement, rebuilt);
        }
    }

    /** A statement the parser read, or why it could not. */
    private record Parsed(Statement statement, String reason) {
    }

    /** The parser's reading; a statement it knows only as "unsupported" counts as not read. */
    private static Parsed parse(String text) {
        try {
            Statement statement = CCJSqlParserUtil.parse(text);
            return statement instanceof UnsupportedStatement || statement == null
                    ? new Parsed(null, "read only as an unsupported statement") : new Parsed(statement, null);
        } catch (JSQLParserException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = String.valueOf(cause.getMessage()).strip();
            String prefix = cause.getClass().getName() + ": ";
            message = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
            int newline = message.indexOf('\n');
            return new Parsed(null, newline < 0 ? message : message.substring(0, newline));
        }
    }

    private void apply(String migration, Statement statement, List<String> rebuilt) {
        if (statement instanceof CreateTable create) {
            String table = name(create.getTable());
            if (isRebuild(table)) {
                touch(migration, table.substring(REBUILD_PREFIX.length()));
                return;
            }
            record(migration, "table", table, true);
            if (create.getColumnDefinitions() != null) {
                for (ColumnDefinition column : create.getColumnDefinitions()) {
                    column(migration, table, column, true);
                }
            }
            if (create.getIndexes() != null) {
                create.getIndexes().forEach(index -> added(migration, index));
            }
        } else if (statement instanceof Alter alter) {
            String table = name(alter.getTable());
            touch(migration, table);
            for (AlterExpression action : alter.getAlterExpressions()) {
                alter(migration, table, action);
            }
        } else if (statement instanceof CreateIndex create) {
            if (create.getIndex().getName() != null) {
                record(migration, "index", unquote(create.getIndex().getName()), true);
            }
            touch(migration, name(create.getTable()));
        } else if (statement instanceof Drop drop) {
            drop(migration, drop, rebuilt);
        } else if (statement instanceof RenameTableStatement rename) {
            rename.getTableNames().forEach(e -> renameTable(migration, name(e.getKey()), name(e.getValue())));
        } else if (statement instanceof CreateView create) {
            record(migration, "view", name(create.getView()), true);
        } else if (statement instanceof AlterView alter) {
            record(migration, "view", name(alter.getView()), true);
        } else if (statement instanceof CreateSequence create) {
            record(migration, "sequence", unquote(create.getSequence().getName()), true);
        }
    }

    private void alter(String migration, String table, AlterExpression action) {
        Index index = action.getIndex();
        switch (action.getOperation()) {
            case ADD -> {
                if (action.getColDataTypeList() != null) {
                    action.getColDataTypeList().forEach(c -> column(migration, table, c, true));
                }
                if (index != null) {
                    added(migration, index);
                }
            }
            case DROP -> {
                if (action.getColumnName() != null) {
                    record(migration, "column", table + "." + unquote(action.getColumnName()), false);
                }
                String dropped = action.getConstraintName() != null ? action.getConstraintName()
                        : index != null ? index.getName() : null;
                if (dropped != null) {
                    // a unique constraint and its index share the name (PostgreSQL, MySQL): both go
                    record(migration, "constraint", unquote(dropped), false);
                    record(migration, "index", unquote(dropped), false);
                }
            }
            case CHANGE -> {
                String old = action.getColOldName() == null ? null : unquote(action.getColOldName());
                List<AlterExpression.ColumnDataType> columns = action.getColDataTypeList();
                if (old != null && columns != null && columns.size() == 1
                        && !key(old).equals(key(unquote(columns.get(0).getColumnName())))) {
                    record(migration, "column", table + "." + old, false);
                    column(migration, table, columns.get(0), true);
                }
            }
            case RENAME -> {
                if (action.getColOldName() != null && action.getColumnName() != null) {
                    record(migration, "column", table + "." + unquote(action.getColOldName()), false);
                    record(migration, "column", table + "." + unquote(action.getColumnName()), true);
                }
            }
            case RENAME_TABLE -> renameTable(migration, table, unquote(action.getNewTableName()));
            case RENAME_INDEX, RENAME_KEY, RENAME_CONSTRAINT -> {
                String kind = action.getOperation() == AlterOperation.RENAME_CONSTRAINT ? "constraint" : "index";
                if (action.getOldIndex() != null && index != null && index.getName() != null) {
                    record(migration, kind, unquote(action.getOldIndex().getName()), false);
                    record(migration, kind, unquote(index.getName()), true);
                }
            }
            default -> {
                // alter/modify column, defaults, options: the table is touched, nothing is created
            }
        }
    }

    private void renameTable(String migration, String table, String target) {
        if (isRebuild(table)) {
            touch(migration, target);
            return;
        }
        record(migration, "table", table, false);
        record(migration, "table", target, true);
    }

    private void drop(String migration, Drop drop, List<String> rebuilt) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        List<Table> names = drop.getNames() != null && !drop.getNames().isEmpty() ? drop.getNames()
                : List.of(drop.getName());
        for (Table table : names) {
            String name = name(table);
            switch (type) {
                case "TABLE" -> {
                    if (!rebuilt.contains(key(name)) && !isRebuild(name)) {
                        record(migration, "table", name, false);
                    }
                    touch(migration, name);
                }
                case "INDEX" -> {
                    // JSqlParser reads "drop index concurrently i" as an index named CONCURRENTLY, i as a parameter
                    if (name.equalsIgnoreCase("concurrently") && drop.getParameters() != null
                            && !drop.getParameters().isEmpty()) {
                        name = lastPart(drop.getParameters().get(0));
                    }
                    record(migration, "index", name, false);
                    record(migration, "constraint", name, false);
                }
                case "VIEW", "MATERIALIZED VIEW" -> record(migration, "view", name, false);
                case "SEQUENCE" -> record(migration, "sequence", name, false);
                default -> {
                    // other objects (types, functions, schemas) are not traced
                }
            }
        }
    }

    private void column(String migration, String table, ColumnDefinition column, boolean creates) {
        record(migration, "column", table + "." + unquote(column.getColumnName()), creates);
        if (column.getColumnOptions() != null) {
            for (ColumnOption option : column.getColumnOptions()) {
                if (option.getConstraint() != null && option.getConstraint().getName() != null) {
                    record(migration, "constraint", unquote(option.getConstraint().getName()), creates);
                }
            }
        }
        List<String> specs = column.getColumnSpecs();
        if (specs != null) {
            for (int i = 0; i + 1 < specs.size(); i++) {
                if (specs.get(i).equalsIgnoreCase("constraint")) {
                    record(migration, "constraint", unquote(specs.get(i + 1)), creates);
                }
            }
        }
    }

    /** A named constraint ({@code constraint c ...}) or index ({@code key|index i (...)}, MySQL) of a table. */
    private void added(String migration, Index index) {
        if (index.getName() == null) {
            return; // unnamed: the database names it
        }
        boolean constraint = index instanceof NamedConstraint || index.getClass() != Index.class;
        record(migration, constraint ? "constraint" : "index", unquote(index.getName()), true);
    }

    private void record(String migration, String kind, String name, boolean creates) {
        if (name == null || name.contains("${")) {
            return; // a Flyway placeholder: its value is not known here
        }
        String key = kind + ":" + key(name);
        events.computeIfAbsent(key, k -> new ArrayList<>()).add(new Event(migration, creates));
        List<String> objects = created.computeIfAbsent(migration, k -> new ArrayList<>());
        String object = kind + " " + key(name);
        if (creates && !objects.contains(object)) {
            objects.add(object);
        } else if (!creates) {
            objects.remove(object);
        }
    }

    private void touch(String migration, String table) {
        events.computeIfAbsent("touch:" + key(table), k -> new ArrayList<>()).add(new Event(migration, true));
    }

    private static boolean isRebuild(String table) {
        return key(table).startsWith(REBUILD_PREFIX);
    }

    /** A table's own name, without schema or quotes: {@code "app"."Order"} is {@code Order}. */
    private static String name(Table table) {
        return unquote(table.getName());
    }

    private static String lastPart(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return unquote(dot < 0 ? qualified : qualified.substring(dot + 1));
    }

    /** An identifier as the parser gives it, without its quotes ({@code "a""b"} is {@code a"b}). */
    static String unquote(String identifier) {
        if (identifier == null || identifier.length() < 2) {
            return identifier;
        }
        char first = identifier.charAt(0);
        char last = identifier.charAt(identifier.length() - 1);
        if ((first == '"' || first == '`') && last == first) {
            String quote = String.valueOf(first);
            return identifier.substring(1, identifier.length() - 1).replace(quote + quote, quote);
        }
        if (first == '[' && last == ']') {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }

    /** The kind of an unread statement for the report: its first words, e.g. {@code CREATE FUNCTION}. */
    static String firstWords(String text) {
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

    private static String key(String name) {
        return Identifiers.key(name);
    }
}
