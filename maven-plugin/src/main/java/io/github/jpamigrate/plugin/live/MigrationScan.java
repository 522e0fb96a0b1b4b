package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import io.github.jpamigrate.plugin.sql.StatementParser;
import io.github.jpamigrate.plugin.sql.StatementSplitter;
import net.sf.jsqlparser.statement.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which migration creates (or drops) which table, column, index, named constraint, view and
 * sequence, read from the migration files with a SQL parser (JSqlParser) so that a difference in
 * a live database can be traced to the migration that should have made it.
 *
 * <p>Each file is cut into statements by {@link StatementSplitter} (quotes, dollar quotes and
 * comments respected), each statement is read by {@link StatementParser}, and
 * {@link MigrationScanEffects} says what the statements read do: {@code create table} (its columns
 * and named constraints), {@code alter table} with each of its actions, MySQL's
 * {@code rename table}, {@code create|drop index}, {@code create|drop view},
 * {@code create|drop sequence}, {@code drop table}. The newest migration that creates an object,
 * when no later one drops it, is the one named.
 *
 * <p>A statement the parser cannot read (syntax it does not know), and a {@code DO} block, whose
 * body it takes whole without reading, are skipped and counted, never guessed at:
 * {@link #unread(String)} lists them, and where nothing that was read creates an object the goal
 * says that no migration was found. A function or procedure definition creates no table, and
 * counts as read.
 *
 * <p>Order, as Flyway applies them: baseline migrations ({@code B<version>__x.sql}, which Flyway
 * applies to an empty database in place of the versioned ones they cover) first, so that a
 * versioned migration that makes the same object is named in preference and the baseline names
 * what no versioned migration in the folder makes any more; then versioned migrations by
 * version; then repeatable ones ({@code R__x.sql}, typically views and functions) by description.
 * Given the database's Flyway history ({@link #of(List, Dialect, FlywayHistory)}), only the
 * migrations that built that database are read: a database started from a baseline migration got
 * its objects from it, not from the versioned migrations below it (which, after a move to another
 * database, are not even written in its SQL).
 */
public final class MigrationScan {

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

        /** The file's place by its name; empty for undo scripts and names that are not migrations. */
        static Optional<Source> of(Path path) {
            String name = path.getFileName().toString();
            return MigrationFile.parse(name).flatMap(f -> switch (f.kind()) {
                case BASELINE -> Optional.of(new Source(name, Phase.BASELINE, f.version(), path));
                case VERSIONED -> Optional.of(new Source(name, Phase.VERSIONED, f.version(), path));
                case REPEATABLE -> Optional.of(new Source(name, Phase.REPEATABLE, null, path));
                default -> Optional.empty();
            });
        }
    }

    private static final Comparator<Source> FLYWAY_ORDER = Comparator.comparing(Source::phase)
            .thenComparing(Source::version, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Source::fileName);

    private final StatementParser parser;

    private final Dialect dialect;

    private MigrationScan(Dialect dialect) {
        this.dialect = dialect;
        this.parser = new StatementParser(dialect);
    }

    /** Reads the baseline, versioned and repeatable migrations of the folders, in Flyway's order. */
    public static MigrationScan of(List<MigrationDirectory> folders) throws IOException {
        return of(folders, null);
    }

    /**
     * Reads the migrations of the folders, written for the dialect (null when it is not known).
     */
    public static MigrationScan of(List<MigrationDirectory> folders, Dialect dialect) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (MigrationDirectory folder : folders) {
            folder.scripts().forEach(s -> paths.add(s.path()));
        }
        return ofFiles(paths, dialect);
    }

    /**
     * Reads the migrations of the folders that built (or, not applied yet, will build) the database
     * whose Flyway history is given, in Flyway's order ({@link #ranOn}).
     */
    public static MigrationScan of(List<MigrationDirectory> folders, Dialect dialect, FlywayHistory history)
            throws IOException {
        List<Path> paths = new ArrayList<>();
        for (MigrationDirectory folder : folders) {
            folder.scripts().forEach(s -> paths.add(s.path()));
        }
        return ofFiles(paths, dialect, sources -> ranOn(sources, history));
    }

    /**
     * The migrations Flyway runs on the database whose history is given. With a baseline migration
     * applied: it and what is above it. With versioned migrations applied and no baseline migration:
     * no baseline migration (Flyway ignores them on a database with history). With nothing applied
     * (a new database, or one without history): what {@code migrate} would run, the newest baseline
     * migration and what is above it (every migration when there is none).
     */
    static List<Source> ranOn(List<Source> sources, FlywayHistory history) {
        List<FlywayHistory.Migration> applied = history.in(AppliedState.APPLIED).stream()
                .filter(m -> m.version() != null).toList();
        Optional<MigrationVersion> baseline = applied.stream().filter(FlywayHistory.Migration::baseline)
                .map(m -> MigrationVersion.parse(m.version())).max(Comparator.naturalOrder());
        if (baseline.isEmpty() && !applied.isEmpty()) {
            return sources.stream().filter(s -> s.phase() != Phase.BASELINE).toList();
        }
        if (baseline.isEmpty()) {
            baseline = sources.stream().filter(s -> s.phase() == Phase.BASELINE).map(Source::version)
                    .max(Comparator.naturalOrder());
        }
        if (baseline.isEmpty()) {
            return sources;
        }
        MigrationVersion from = baseline.get();
        return sources.stream().filter(s -> s.phase() == Phase.REPEATABLE
                || s.phase() == Phase.BASELINE && s.version().sameAs(from)
                || s.phase() == Phase.VERSIONED && s.version().compareTo(from) > 0).toList();
    }

    /** Reads these files (those named as migrations; others are left out), in Flyway's order. */
    static MigrationScan ofFiles(List<Path> files, Dialect dialect) throws IOException {
        return ofFiles(files, dialect, sources -> sources);
    }

    private static MigrationScan ofFiles(List<Path> files, Dialect dialect, UnaryOperator<List<Source>> chosen)
            throws IOException {
        List<Source> all = new ArrayList<>();
        for (Path file : files) {
            Source.of(file).ifPresent(all::add);
        }
        List<Source> sources = new ArrayList<>(chosen.apply(all));
        sources.sort(FLYWAY_ORDER);
        MigrationScan scan = new MigrationScan(dialect);
        for (Source source : sources) {
            String text = Files.readString(source.path(), StandardCharsets.UTF_8);
            scan.read(source.fileName(), text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
        return scan;
    }

    /** A scan of one text, for tests. */
    static MigrationScan ofText(String migration, String sql) {
        return ofText(migration, sql, null);
    }

    static MigrationScan ofText(String migration, String sql, Dialect dialect) {
        MigrationScan scan = new MigrationScan(dialect);
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

    /**
     * What was not read, said for a finding that found no migration: e.g. {@code 3 statement(s)
     * were not read, so what they do is not traced: V12__fill.sql (2, line 4: DO; line 9: CREATE
     * FUNCTION), V14__x.sql (1, line 2: ALTER INDEX)}; empty when every statement was read.
     */
    public Optional<String> unreadSummary() {
        List<String> parts = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<Outcome>> entry : outcomes.entrySet()) {
            List<Outcome> unread = entry.getValue().stream().filter(o -> !o.read()).toList();
            if (!unread.isEmpty()) {
                total += unread.size();
                parts.add(entry.getKey() + " (" + unread.size() + ", " + String.join("; ",
                        unread.stream().map(o -> "line " + o.line() + ": " + o.kind()).toList()) + ")");
            }
        }
        return total == 0 ? Optional.empty() : Optional.of(total + " statement(s) were not read, so what they do is"
                + " not traced: " + String.join(", ", parts));
    }

    /**
     * The note {@code check-db} gives once when statements were not read: how many, and the first
     * {@code files} migrations holding them with their counts, e.g. {@code 5 statement(s) in 4
     * migration(s) were not read (V3__a.sql: 2, V4__b.sql: 1, V5__c.sql: 1 and 1 more migration(s))};
     * empty when every statement was read.
     */
    public Optional<String> unreadNote(int files) {
        List<String> parts = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<Outcome>> entry : outcomes.entrySet()) {
            long unread = entry.getValue().stream().filter(o -> !o.read()).count();
            if (unread > 0) {
                total += (int) unread;
                parts.add(entry.getKey() + ": " + unread);
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        String shown = String.join(", ", parts.subList(0, Math.min(files, parts.size())))
                + (parts.size() > files ? " and " + (parts.size() - files) + " more migration(s)" : "");
        return Optional.of(total + " statement(s) in " + parts.size() + " migration(s) were not read by the SQL parser ("
                + shown + "), so what they do is not traced: a finding that names no migration may still be made by"
                + " one of them. Not a failure.");
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
        boolean mysql = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
        for (StatementSplitter.Piece piece : StatementSplitter.split(sql, mysql)) {
            StatementParser.Parsed parsed = parser.parse(piece.text());
            Statement statement = parsed.statement();
            if (statement != null) {
                statements.add(statement);
                done.add(new Outcome(migration, piece.line(), true, statement.getClass().getSimpleName(), null));
            } else {
                done.add(new Outcome(migration, piece.line(), false, StatementParser.firstWords(piece.text()),
                        parsed.reason()));
            }
        }
        MigrationScanEffects.of(statements, new MigrationScanEffects.Recorder() {
            @Override
            public void record(String kind, String name, boolean creates) {
                MigrationScan.this.record(migration, kind, name, creates);
            }

            @Override
            public void touch(String table) {
                MigrationScan.this.touch(migration, table);
            }
        });
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

    private static String key(String name) {
        return Identifiers.key(name);
    }
}
