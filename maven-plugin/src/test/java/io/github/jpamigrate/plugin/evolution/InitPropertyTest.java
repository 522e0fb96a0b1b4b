package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.plugin.init.InitRequest;
import io.github.jpamigrate.plugin.init.InitResult;
import io.github.jpamigrate.plugin.init.InitWorkflow;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property of {@code init} on generated models (enums, identities, foreign keys, unique
 * constraints, indexes of assorted types): after migrations that build the model exactly, the
 * snapshot it writes is the model itself; after migrations that lack one column, the only
 * changes left are that column and the constraints and indexes that use it.
 */
class InitPropertyTest {

    private static final WorkflowLog SILENT = new WorkflowLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    static Stream<Arguments> cases() {
        return Stream.concat(LongStream.rangeClosed(1, 20).mapToObj(seed -> Arguments.of(Dialect.SQLITE, seed)),
                LongStream.rangeClosed(1, 10).mapToObj(seed -> Arguments.of(Dialect.H2, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void theSnapshotIsTheModelAsFarAsTheMigrationsBuildIt(Dialect dialect, long seed, @TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        SchemaModel model = ModelGenerator.generate(random, EvolutionEngine.of(dialect.id())).freeze();
        // A column outside the primary key, of a table that has one (join tables have none).
        List<Table> candidates = model.tables().stream().filter(t -> !nonKeyColumns(t).isEmpty()).toList();
        Table table = candidates.get(random.nextInt(candidates.size()));
        List<Column> optional = nonKeyColumns(table);
        Column left = optional.get(random.nextInt(optional.size()));
        SchemaModel lacking = without(model, table.name(), left.name());

        ProjectLayout exact = ProjectLayout.standard(dir.resolve("exact"));
        migrate(exact, dialect, model);
        assertThat(init(exact, dialect, model).pending()).isEmpty();
        // The descriptor's canonical order (tables, constraints by name), as the processor writes it.
        assertThat(DescriptorJson.read(exact.snapshot())).isEqualTo(DescriptorJson.read(DescriptorJson.writeBytes(model), "model"));

        ProjectLayout missing = ProjectLayout.standard(dir.resolve("missing"));
        migrate(missing, dialect, lacking);
        List<SchemaChange> pending = init(missing, dialect, model).pending();
        assertThat(pending).first().isEqualTo(new SchemaChange.ColumnAdded(table.name(), left));
        assertThat(pending).allSatisfy(change -> assertThat(change.table()).isEqualTo(table.name()))
                .allSatisfy(change -> assertThat(change.describe().toLowerCase(Locale.ROOT))
                        .contains(left.name().toLowerCase(Locale.ROOT)));
    }

    /** The first migration for {@code built}, as generate renders it, and no snapshot: what init adopts. */
    private static void migrate(ProjectLayout layout, Dialect dialect, SchemaModel built) throws Exception {
        SchemaModel empty = new SchemaModel(built.naming(), built.orm(), built.producer(), List.of(), List.of(), List.of(),
                List.of());
        List<SchemaChange> changes = SchemaDiff.compare(empty, built);
        RenderedMigration migration = dialect.renderer().render(empty, built, changes, RenderOptions.DEFAULTS);
        assertThat(migration.transactional()).isTrue();
        Files.createDirectories(layout.migrationDirectory());
        Files.writeString(layout.migrationDirectory().resolve("V1__initial.sql"), migration.script("initial", changes));
    }

    private static InitResult init(ProjectLayout layout, Dialect dialect, SchemaModel model) throws Exception {
        compile(layout, model);
        return new InitWorkflow(SILENT, Prompter.BATCH, Clock.systemUTC())
                .run(InitRequest.of(layout, dialect, ChangeOptions.defaults(), false, false));
    }

    private static void compile(ProjectLayout layout, SchemaModel model) throws Exception {
        Files.createDirectories(layout.descriptor().getParent());
        Files.write(layout.descriptor(), DescriptorJson.writeBytes(model));
    }

    /** The model without one column and the keys, constraints and indexes that use it. */
    private static SchemaModel without(SchemaModel model, String tableName, String column) {
        List<Table> tables = model.tables().stream().map(t -> !t.name().equals(tableName) ? t : TableBuilder.from(t)
                .columns(t.columns().stream().filter(c -> !c.name().equals(column)).toList())
                .foreignKeys(t.foreignKeys().stream().filter(k -> !uses(k.columns(), column)).toList())
                .uniques(t.uniqueConstraints().stream().filter(u -> !uses(u.columns(), column)).toList())
                .indexes(t.indexes().stream().filter(i -> !uses(i.columns(), column)).toList())
                .checks(t.checks().stream().filter(k -> !mentions(k.expression(), column)).toList()).build()).toList();
        return ModelBuilder.from(model).tables(tables).build();
    }

    private static List<Column> nonKeyColumns(Table table) {
        return table.columns().stream()
                .filter(c -> table.primaryKey() == null || !uses(table.primaryKey().columns(), c.name())).toList();
    }

    private static boolean mentions(String expression, String column) {
        return java.util.regex.Pattern.compile("(?i)(?<![\\w$])" + java.util.regex.Pattern.quote(column) + "(?![\\w$])")
                .matcher(expression).find();
    }

    private static boolean uses(List<String> columns, String column) {
        return columns.stream().anyMatch(c -> Identifiers.sameName(c.replaceFirst("(?i) (asc|desc)$", ""), column));
    }
}
