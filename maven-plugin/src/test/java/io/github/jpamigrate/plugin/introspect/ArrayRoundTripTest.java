package io.github.jpamigrate.plugin.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Array columns ({@code String[]}, {@code int[]}, {@code List<UUID>} with {@code @JdbcTypeCode(ARRAY)}):
 * the first migration applied by Flyway and read back through JDBC metadata is the model again, on
 * every engine and both Hibernate lines: native arrays on H2 and PostgreSQL (which reports
 * {@code _varchar} with the element's length), serialized bytes (6.6) or JSON (7) on MariaDB, bytes
 * on SQLite.
 */
class ArrayRoundTripTest {

    static Stream<Arguments> engines() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect dialect : List.of(Dialect.SQLITE, Dialect.H2, Dialect.POSTGRESQL, Dialect.MARIADB)) {
            for (String orm : List.of("hibernate-7", "hibernate-6.6")) {
                out.add(Arguments.of(dialect, orm));
            }
        }
        return out.stream();
    }

    static SchemaModel arrays(String orm) {
        List<String> types = List.of("varchar(255)[]", "varchar(40)[]", "char(1)[]", "tinyint[]", "smallint[]",
                "integer[]", "bigint[]", "real(24)[]", "double(53)[]", "decimal(38,2)[]", "boolean[]", "uuid[]",
                "date[]", "timestamp(6)[]", "timestamp_tz(6)[]");
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("id", ColumnType.parse("bigint"), false));
        for (int i = 0; i < types.size(); i++) {
            columns.add(Column.of("c" + i, ColumnType.parse(types.get(i)), true));
        }
        Table holder = new Table("holder", null, columns, new PrimaryKey(null, List.of("id")), List.of(), List.of(),
                List.of(), List.of(), null, List.of("com.acme.Holder"));
        return new SchemaModel("jpa", orm, "t", List.of(holder), List.of(), List.of(), List.of());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("engines")
    void theArraysReadBackAreTheModel(Dialect dialect, String orm, @TempDir Path dir) throws Exception {
        SchemaModel model = arrays(orm);
        SchemaModel empty = new SchemaModel("jpa", orm, "t", List.of(), List.of(), List.of(), List.of());
        List<SchemaChange> changes = SchemaDiff.compare(empty, model, Renames.NONE);
        RenderedMigration migration = dialect.renderer().render(empty, model, changes, RenderOptions.withBackfills(List.of()));
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("V1__arrays.sql"), migration.script("arrays", changes));
        try (ScratchDatabase db = dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir.resolve("scratch"))
                : TestServers.scratch(dialect)) {
            assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).isEqualTo(1);
            try (Connection c = db.connect()) {
                List<String> drift = SchemaDrift.between(model, c, dialect, Set.of(FlywaySettings.DEFAULT_TABLE)).stream()
                        .map(change -> change.describe().toLowerCase(Locale.ROOT)).toList();
                assertThat(drift).as("model -> database, " + migration.statements()).isEmpty();
            }
        }
    }
}
