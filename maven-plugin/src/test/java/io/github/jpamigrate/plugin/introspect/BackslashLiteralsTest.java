package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults and comments holding backslashes keep their value on every engine: MariaDB and MySQL
 * read a backslash in a string literal as an escape (their default sql_mode), so a value like
 * {@code C:\temp}, {@code it\'s}, {@code x\ny} (two characters) or one ending in a backslash
 * must be written for them differently. Checked by what the engine stores: the default a row
 * gets, the comment JDBC metadata reports, and no drift read back.
 */
class BackslashLiteralsTest {

    /** Column name to the value its default and comment hold. */
    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("path", "C:\\temp\\new");
        VALUES.put("quoted", "it\\'s");
        VALUES.put("trailing", "ends with \\");
        VALUES.put("escape", "x\\ny");
    }

    private static final SchemaModel EMPTY = model(List.of());

    private static SchemaModel model(List<Column> extra) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false)));
        columns.addAll(extra);
        Table note = TableBuilder.table("note").columns(columns).primaryKey("id").comment("table \\ comment \\")
                .entity("com.acme.Note").build();
        return ModelBuilder.model().producer("t").tables(extra.isEmpty() ? List.of() : List.of(note)).build();
    }

    /** Each value as the default and comment of a column; {@code suffix} changes them all. */
    private static SchemaModel withValues(String suffix, boolean notNullAdded) {
        List<Column> columns = new ArrayList<>();
        VALUES.forEach((name, value) -> columns.add(Column.of(name, ColumnType.withLength(TypeKind.VARCHAR, 40), true)
                .withDefaultValue(sqlLiteral(value + suffix)).withComment(value + suffix)));
        if (notNullAdded) {
            columns.add(Column.of("added", ColumnType.withLength(TypeKind.VARCHAR, 40), false)
                    .withDefaultValue(sqlLiteral("new \\")).withComment("added \\"));
        }
        return model(columns);
    }

    private static String sqlLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void write(Dialect dialect, Path folder, int version, SchemaModel from, SchemaModel to) throws Exception {
        List<SchemaChange> changes = SchemaDiff.compare(from, to, Renames.NONE);
        RenderedMigration m = dialect.renderer().render(from, to, changes, RenderOptions.withBackfills(List.of()));
        Files.writeString(folder.resolve("V" + version + "__step.sql"), m.script("step " + version, changes));
    }

    /** Inserts a row with the defaults, reads it and every column's comment back. */
    private static Map<String, List<String>> stored(ScratchDatabase db, Dialect dialect, int id) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.execute("insert into note (id) values (" + id + ")");
            try (ResultSet rs = s.executeQuery("select * from note where id = " + id)) {
                rs.next();
                for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.put(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT), new ArrayList<>(List.of(rs.getString(i))));
                }
            }
            String table = dialect == Dialect.H2 ? "NOTE" : "note";
            try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), dialect == Dialect.MARIADB ? null : c.getSchema(),
                    table, "%")) {
                while (rs.next()) {
                    List<String> values = out.get(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    if (values != null) {
                        values.add(rs.getString("REMARKS"));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> drift(ScratchDatabase db, SchemaModel model) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaDrift.between(model, c, db.dialect(), Set.of(FlywaySettings.DEFAULT_TABLE))
                    .stream().map(SchemaChange::describe).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MARIADB", "POSTGRESQL", "H2"})
    void defaultsAndCommentsWithBackslashesAreStoredAsWritten(Dialect dialect, @TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            write(dialect, folder, 1, EMPTY, withValues("", false));
            MigrationReplay.migrate(db, FlywaySettings.folder(folder));
            Map<String, List<String>> expected = new LinkedHashMap<>();
            VALUES.forEach((name, value) -> expected.put(name, List.of(value, value)));
            assertThat(stored(db, dialect, 1)).isEqualTo(expected);
            assertThat(drift(db, withValues("", false))).isEmpty();

            // Changed defaults and comments (alter/modify column) and an added NOT NULL column with a default.
            write(dialect, folder, 2, withValues("", false), withValues("\\", true));
            MigrationReplay.migrate(db, FlywaySettings.folder(folder));
            expected.clear();
            VALUES.forEach((name, value) -> expected.put(name, List.of(value + "\\", value + "\\")));
            expected.put("added", List.of("new \\", "added \\"));
            assertThat(stored(db, dialect, 2)).isEqualTo(expected);
            assertThat(drift(db, withValues("\\", true))).isEmpty();
        }
    }
}
