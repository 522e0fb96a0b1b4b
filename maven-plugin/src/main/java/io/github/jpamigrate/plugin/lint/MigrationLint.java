package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.MigrationFile;
import io.github.jpamigrate.core.migration.MigrationVersion;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The migration lint: reads the SQL migrations of a folder in Flyway's order (hand-written ones
 * included; with a baseline migration, only it and what is above it: {@link Covered}), statement
 * by statement with {@link StatementSplitter} and {@link StatementParser}, and reports what would
 * hurt a running production database ({@link LintRule}). What a table is ("existing": not created
 * in the same migration), which indexes exist, which columns the entities map, comes from the
 * folder read so far and from the models given.
 *
 * <p>Accepting: a comment {@code -- jpa-migrate:accept JML104 <reason>} before a statement (or on
 * the line of its semicolon) accepts that rule for that statement;
 * {@code -- jpa-migrate:accept-file JML104 <reason>} anywhere in a migration accepts it for the
 * whole file. A reason is required; a marker without one is ignored and reported.
 */
public final class MigrationLint {

    static final String ACCEPT = "jpa-migrate:accept";
    static final String ACCEPT_FILE = "jpa-migrate:accept-file";

    /**
     * What the lint knows besides the folder.
     *
     * @param dialect           the migrations' database (rules for other databases are skipped); null: all rules
     * @param current           the entity model (the descriptor), null when not known
     * @param previous          the model of the previous release (the snapshot at base), null when not known
     * @param released          the newest released versioned migration: findings in versioned migrations up to it
     *                          are the baseline; null: none released
     * @param releasedBaselines the baseline migrations ({@code B} files) that were released already, as paths in
     *                          the project: only their findings are the baseline (a {@code B} file takes the
     *                          newest version when it is written, so its version says nothing about its release)
     */
    public record Context(Dialect dialect, SchemaModel current, SchemaModel previous, MigrationVersion released,
                          Set<Path> releasedBaselines) {

        public Context {
            releasedBaselines = releasedBaselines.stream().map(p -> p.toAbsolutePath().normalize())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        /** No baseline migration released. */
        public Context(Dialect dialect, SchemaModel current, SchemaModel previous, MigrationVersion released) {
            this(dialect, current, previous, released, Set.of());
        }
    }

    /**
     * Migrations the lint leaves out because a baseline migration stands for them: Flyway applies
     * the newest {@code B<version>} file to a new database and skips every versioned migration
     * (and older baseline) at or below its version; databases with history applied them long ago.
     * They are not what the next deploy runs, and after a move to another database they are not
     * even written in its SQL.
     *
     * @param baseline the baseline migration, as findings name files
     * @param files    the migrations at or below it, in version order, as findings name files
     */
    public record Covered(String baseline, List<String> files) {

        public Covered {
            files = List.copyOf(files);
        }
    }

    /**
     * The findings and the statements the lint could not read (never guessed at).
     *
     * @param files   the migrations linted
     * @param covered per folder with a baseline migration, the migrations below it that were not linted
     */
    public record Result(List<LintFinding> findings, List<String> unread, List<String> problems, int files, int statements,
                         List<Covered> covered) {

        public Result {
            covered = List.copyOf(covered);
        }

        /** Several folders' results as one (the vendor layout lints each vendor's folder). */
        public static Result merge(List<Result> results) {
            List<LintFinding> findings = new ArrayList<>();
            List<String> unread = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            List<Covered> covered = new ArrayList<>();
            int files = 0;
            int statements = 0;
            for (Result r : results) {
                findings.addAll(r.findings());
                unread.addAll(r.unread());
                problems.addAll(r.problems());
                covered.addAll(r.covered());
                files += r.files();
                statements += r.statements();
            }
            return new Result(findings, unread, problems, files, statements, covered);
        }

        /** How many migrations a baseline migration stands for, over all folders. */
        public int coveredFiles() {
            return covered.stream().mapToInt(c -> c.files().size()).sum();
        }
    }

    private final Context context;

    public MigrationLint(Context context) {
        this.context = context;
    }

    /**
     * Lints the SQL migrations of the folder that a new database runs, in Flyway's order: with a
     * baseline migration, the newest one and everything above it ({@link Covered} lists the rest);
     * without, every one.
     *
     * @param shown the folder as findings name it (relative to the project), e.g. {@code src/main/resources/db/migration}
     */
    public Result run(MigrationDirectory directory, String shown) throws IOException {
        List<MigrationDirectory.Script> scripts = directory.scripts().stream()
                .filter(s -> s.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")).toList();
        Optional<MigrationDirectory.Script> newestBaseline = scripts.stream()
                .filter(s -> s.file().kind() == MigrationFile.Kind.BASELINE)
                .max(Comparator.comparing(s -> s.file().version()));
        List<MigrationDirectory.Script> linted = new ArrayList<>();
        List<String> below = new ArrayList<>();
        newestBaseline.ifPresent(linted::add);
        for (MigrationDirectory.Script script : scripts) {
            if (newestBaseline.isPresent() && script != newestBaseline.get()
                    && coveredBy(script.file(), newestBaseline.get().file().version())) {
                below.add(name(shown, script));
            } else if (newestBaseline.isEmpty() || script != newestBaseline.get()) {
                linted.add(script);
            }
        }
        LintState state = new LintState();
        List<LintFinding> findings = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (MigrationDirectory.Script script : linted) {
            String sql = Files.readString(script.path(), StandardCharsets.UTF_8);
            FileResult one = lint(name(shown, script), sql, released(script), state);
            findings.addAll(one.findings());
            unread.addAll(one.unread());
            problems.addAll(one.problems());
            statements += one.statements();
        }
        List<Covered> covered = below.isEmpty() ? List.of()
                : List.of(new Covered(name(shown, newestBaseline.get()), below));
        return new Result(findings, unread, problems, linted.size(), statements, covered);
    }

    /** Whether Flyway skips the migration on a new database that gets the baseline migration of {@code version}. */
    private static boolean coveredBy(MigrationFile file, MigrationVersion version) {
        return file.kind() != MigrationFile.Kind.REPEATABLE && file.version().compareTo(version) <= 0;
    }

    /** Whether the migration was released at base: its findings are the baseline then, never failing. */
    private boolean released(MigrationDirectory.Script script) {
        if (script.file().kind() == MigrationFile.Kind.BASELINE) {
            return context.releasedBaselines().contains(script.path().toAbsolutePath().normalize());
        }
        MigrationVersion version = script.file().version();
        return context.released() != null && version != null && version.compareTo(context.released()) <= 0;
    }

    private static String name(String shown, MigrationDirectory.Script script) {
        return shown.isEmpty() ? script.path().getFileName().toString() : shown + "/" + script.path().getFileName();
    }

    /** One file's findings. */
    record FileResult(List<LintFinding> findings, List<String> unread, List<String> problems, int statements) {
    }

    /** Lints one migration's text, continuing the folder's state. */
    FileResult lint(String name, String sql, boolean baseline, LintState state) {
        boolean mysql = context.dialect() == Dialect.MYSQL || context.dialect() == Dialect.MARIADB;
        StatementParser parser = new StatementParser(context.dialect());
        List<StatementSplitter.Piece> pieces = StatementSplitter.split(sql, mysql);
        List<String> problems = new ArrayList<>();
        Map<String, String> fileAccepts = new LinkedHashMap<>();
        List<Map<String, String>> pieceAccepts = new ArrayList<>();
        for (StatementSplitter.Piece piece : pieces) {
            Map<String, String> accepts = new LinkedHashMap<>();
            for (String comment : piece.comments()) {
                marker(comment, name, piece.line(), accepts, fileAccepts, problems);
            }
            pieceAccepts.add(accepts);
        }
        List<String> unread = new ArrayList<>();
        List<LintChecks.Raw> raw = new ArrayList<>();
        LintChecks checks = new LintChecks(context, state.startFile(), raw);
        for (int i = 0; i < pieces.size(); i++) {
            StatementSplitter.Piece piece = pieces.get(i);
            StatementParser.Parsed parsed = parser.parse(piece.text());
            Statement statement = parsed.statement();
            if (statement != null) {
                try {
                    checks.statement(i, piece.line(), statement);
                } catch (RuntimeException e) {
                    // the parser's tree held a shape the checks do not know: say so rather than stop the build
                    unread.add(name + ":" + piece.line() + ": " + StatementParser.firstWords(piece.text())
                            + " (read, but not checked: " + e.getClass().getSimpleName() + ")");
                }
            } else {
                List<String> words = StatementParser.words(piece.text(), 6);
                if (!checks.unparsed(i, piece.line(), words)) {
                    unread.add(name + ":" + piece.line() + ": " + StatementParser.firstWords(piece.text()) + " ("
                            + parsed.reason() + ")");
                }
            }
        }
        checks.endFile();
        List<LintFinding> findings = new ArrayList<>();
        for (LintChecks.Raw r : raw) {
            if (!r.rule().appliesTo(context.dialect())) {
                continue;
            }
            String code = r.rule().code();
            String accepted = fileAccepts.get(code);
            if (accepted == null && r.piece() >= 0) {
                accepted = pieceAccepts.get(r.piece()).get(code);
            }
            findings.add(new LintFinding(name, r.line(), r.rule(), r.message(), baseline, accepted));
        }
        return new FileResult(findings, unread, problems, pieces.size());
    }

    /** Reads an accept marker out of a comment: {@code -- jpa-migrate:accept[-file] JML104 reason}. */
    private static void marker(String comment, String file, int line, Map<String, String> accepts,
                               Map<String, String> fileAccepts, List<String> problems) {
        String text = comment.startsWith("--") ? comment.substring(2)
                : comment.startsWith("/*") ? comment.substring(2, Math.max(2, comment.length() - 2))
                : comment.substring(1);
        text = text.strip();
        boolean whole = text.startsWith(ACCEPT_FILE);
        if (!whole && !text.startsWith(ACCEPT + " ")) {
            return;
        }
        String rest = text.substring(whole ? ACCEPT_FILE.length() : ACCEPT.length()).strip();
        int space = rest.indexOf(' ');
        String code = space < 0 ? rest : rest.substring(0, space);
        String reason = space < 0 ? "" : rest.substring(space + 1).strip();
        Optional<LintRule> rule = LintRule.byCode(code);
        if (rule.isEmpty()) {
            problems.add(file + ":" + line + ": accept marker names no rule ('" + code + "'); write e.g. -- "
                    + ACCEPT + " JML101 <reason>");
        } else if (reason.isEmpty()) {
            problems.add(file + ":" + line + ": accept marker for " + rule.get().code() + " gives no reason; write -- "
                    + (whole ? ACCEPT_FILE : ACCEPT) + " " + rule.get().code() + " <why it is safe here>");
        } else {
            (whole ? fileAccepts : accepts).put(rule.get().code(), reason);
        }
    }

    /** Whether a model maps the table, and (column non-null) the column. */
    static boolean maps(SchemaModel model, String table, String column) {
        if (model == null || table == null) {
            return false;
        }
        String bare = bare(table);
        for (Table t : model.tables()) {
            if (Identifiers.sameName(bare(t.name()), bare)) {
                return column == null || t.columns().stream().anyMatch(c -> Identifiers.sameName(c.name(), bare(column)));
            }
        }
        return false;
    }

    /** The name without schema and quotes. */
    static String bare(String name) {
        String n = name;
        int dot = n.lastIndexOf('.');
        if (dot >= 0) {
            n = n.substring(dot + 1);
        }
        if (n.length() > 1 && (n.startsWith("\"") || n.startsWith("`")) && (n.endsWith("\"") || n.endsWith("`"))) {
            n = n.substring(1, n.length() - 1);
        }
        return n;
    }
}
