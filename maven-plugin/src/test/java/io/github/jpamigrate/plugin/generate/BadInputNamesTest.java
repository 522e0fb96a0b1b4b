package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.ShopModels;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.plugin.verify.VerifyWorkflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad-input catalogue, names and literals (docs/reliability.md): inputs that are legal and must
 * simply work. Reserved words and non-ASCII letters as table, column, index and key names, and a
 * column default and comments holding quotes, {@code *}{@code /} and {@code --}, go through the
 * real {@code generate} on every dialect: its self-check replays the migrations with Flyway on a
 * scratch database, reads the schema back and compares it with the model (and runs the undo
 * script). A second change rebuilds the table on SQLite. PostgreSQL and MariaDB use the local
 * servers (skipped visibly without them, failed under JPAMIGRATE_REQUIRE_DATABASES=true).
 */
class BadInputNamesTest {

    /** A default with a quote, a comment closer, a line-comment opener and a semicolon. */
    static final String AWKWARD_DEFAULT = "'it''s */ -- not a comment; really'";
    static final String CHANGED_DEFAULT = "'changed */ /* -- again'";
    static final String AWKWARD_COMMENT = "it's \"quoted\" */ -- and /* opened";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "H2", "POSTGRESQL", "MARIADB"})
    void reservedWordsUnicodeAndAwkwardLiteralsGenerateAndReplay(Dialect dialect) throws Exception {
        ShadowDatabase shadow = ScratchDatabase.needsShadow(dialect) ? TestServers.shadow(dialect) : null;
        ChangeOptions options = ChangeOptions.defaults();
        MigrationTargets target = MigrationTargets.single(dialect);
        ProjectFixture project = new ProjectFixture(dir).compile(hostile());

        GenerateResult first = project.run(new GenerateRequest(project.layout, options, "hostile names", false,
                VersionScheme.SEQUENTIAL, shadow, target));
        assertThat(first.wroteMigration()).isTrue();
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed"));
        String script = project.read(project.migration("V1__hostile_names.sql"));
        // The header is line comments: a literal's */ or -- cannot end or open a comment there.
        assertThat(script.lines().takeWhile(l -> l.startsWith("--"))).allMatch(l -> l.startsWith("--"));
        assertThat(script).contains(AWKWARD_DEFAULT).contains(quoted(dialect, "group")).contains(quoted(dialect, "größe"));

        project.compile(evolved());
        project.info.clear();
        GenerateResult next = project.run(new GenerateRequest(project.layout, options, "widen größe", false,
                VersionScheme.SEQUENTIAL, shadow, target));
        assertThat(project.info).anyMatch(line -> line.startsWith("Self-check passed"));
        String second = project.read(project.migration(next.migration().fileName()));
        // The header names the default change with both literals, inside a line comment.
        assertThat(second.lines().takeWhile(l -> l.startsWith("--")))
                .anyMatch(l -> l.contains(AWKWARD_DEFAULT + " -> " + CHANGED_DEFAULT));
        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
    }

    @Test
    void aNameLongerThanTheDialectAllowsIsRefusedNamingTheEntityBeforeAnySql() throws Exception {
        String longName = "customer_loyalty_programme_membership_history_entries_archive_v2"; // 64 characters
        SchemaModel model = ShopModels.editTable(ShopModels.shop(), "customer", t -> new Table(longName, t.schema(),
                t.columns(), t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(), t.indexes(), t.checks(), t.comment(),
                t.entities()));
        model = ShopModels.editTable(model, "order", t -> new Table(t.name(), t.schema(), t.columns(), t.primaryKey(),
                List.of(new ForeignKey("fk_order_customer_id", List.of("customer_id"), longName, List.of("id"),
                        ReferentialAction.CASCADE)), t.uniqueConstraints(), t.indexes(), t.checks(), t.comment(), t.entities()));
        ProjectFixture project = new ProjectFixture(dir).compile(model);
        MigrationTargets postgres = MigrationTargets.single(Dialect.POSTGRESQL);

        assertThatThrownBy(() -> project.generate(postgres, "initial"))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageStartingWith("the model has names too long for postgresql:\n  - table name \"" + longName
                        + "\" (table " + longName + ", entity com.example.shop.Customer) is 64 bytes; postgresql allows 63 bytes."
                        + " Shorten it with @Table(name = ...) or @Entity(name = ...).")
                .hasMessageContaining("Nothing was written");
        assertThat(project.sourceFiles()).isEmpty();
        // 64 characters is MySQL's and MariaDB's limit exactly, and SQLite has none.
        project.generate(ChangeOptions.defaults(), "initial", Prompter.BATCH);
        assertThat(project.sourceFiles()).contains("src/main/resources/db/migration/V1__initial.sql");

        // A project that switches to PostgreSQL (or was generated before this check) is caught by verify's lint.
        assertThatThrownBy(() -> VerifyWorkflowTest.verify(project, postgres, null, false))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("[lint] names too long for postgresql (the database refuses them or silently cuts"
                        + " them short):\n  - table name \"" + longName + "\"")
                .hasMessageContaining("entity com.example.shop.Customer");
    }

    /** The name as the dialect's renderer quotes it (PostgreSQL folds quoted names to lower case, H2 to upper). */
    private static String quoted(Dialect dialect, String name) {
        return switch (dialect) {
            case MARIADB, MYSQL -> "`" + name + "`";
            case H2 -> "\"" + name.toUpperCase(java.util.Locale.ROOT) + "\"";
            default -> "\"" + name + "\"";
        };
    }

    /** {@code group} (reserved) with reserved and non-ASCII columns; {@code café} references it. */
    static SchemaModel hostile() {
        Table group = new Table("group", null, List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("select", ColumnType.withLength(TypeKind.VARCHAR, 40), true)
                        .withDefaultValue(AWKWARD_DEFAULT).withComment(AWKWARD_COMMENT),
                Column.of("from", ColumnType.of(TypeKind.INTEGER), true),
                Column.of("größe", ColumnType.withLength(TypeKind.VARCHAR, 20), true),
                Column.of("名前", ColumnType.withLength(TypeKind.VARCHAR, 50), true)),
                new PrimaryKey(null, List.of("id")), List.of(), List.of(),
                List.of(new Index("idx_group_größe", List.of("größe"), false)), List.of(), AWKWARD_COMMENT,
                List.of("com.example.Group"));
        Table cafe = new Table("café", null, List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("order", ColumnType.of(TypeKind.BIGINT), true)),
                new PrimaryKey(null, List.of("id")),
                List.of(new ForeignKey("fk_café_order", List.of("order"), "group", List.of("id"), ReferentialAction.CASCADE)),
                List.of(), List.of(), List.of(), null, List.of("com.example.Cafe"));
        return new SchemaModel("jpa", "hibernate-7", "jpa-migrate-processor test", List.of(cafe, group),
                List.of(), List.of(), List.of());
    }

    /** {@code größe} widened and the awkward default changed (a table rebuild on SQLite, alters elsewhere); a new reserved-word column. */
    static SchemaModel evolved() {
        SchemaModel model = ShopModels.replaceColumn(hostile(), "group", "größe",
                c -> c.withType(ColumnType.withLength(TypeKind.VARCHAR, 80)));
        model = ShopModels.replaceColumn(model, "group", "select", c -> c.withDefaultValue(CHANGED_DEFAULT));
        return ShopModels.addColumn(model, "group", Column.of("where", ColumnType.withLength(TypeKind.VARCHAR, 10), true)
                .withDefaultValue("'a''b'"));
    }
}
