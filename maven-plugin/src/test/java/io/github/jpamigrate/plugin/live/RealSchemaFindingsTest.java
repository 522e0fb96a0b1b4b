package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;

import java.nio.file.Path;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-db} on schemas the way hand-written migrations leave them: each difference is one
 * finding, in the words the database uses for its types.
 */
class RealSchemaFindingsTest {

    @TempDir
    Path dir;

    /** A {@code text} column reads as {@code text}, an unbounded {@code varchar} as {@code varchar}. */
    @Test
    void textAndUnboundedVarcharAreSpelledAsTheDatabaseDeclaresThem() throws Exception {
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), Dialect.POSTGRESQL, db);
            live.generate(shop(), "initial schema");
            live.migrate(null);
            live.execute("alter table customer alter column status type text",
                    "alter table customer alter column email type varchar");

            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("none")));

            assertThat(findings).extracting(f -> f.subject() + ": " + f.finding()).containsExactlyInAnyOrder(
                    "column customer.email: differs from the entity model (model -> database): type varchar(255) -> varchar",
                    "column customer.status: differs from the entity model (model -> database): type varchar(255) -> text");
        }
    }

    /** An entity mapped to a view that an R__ migration creates, its columns as the view has them. */
    private static SchemaModel withSummary(List<Column> columns) {
        return ModelBuilder.from(shop()).table(TableBuilder.table("customer_summary").columns(columns)
                .primaryKey("id").index(new Index("idx_summary_name", List.of("name"), false))
                .entity("com.example.shop.CustomerSummary").build()).build();
    }

    private static List<Column> summaryColumns() {
        return new java.util.ArrayList<>(List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 100), true),
                Column.of("email", ColumnType.withLength(TypeKind.VARCHAR, 255), false).withUnique(true)));
    }

    /**
     * An entity mapped to a view is not a missing table; the view's columns are compared with the
     * entity's by name and type (a view has no keys, indexes or reliable nullability), and a
     * difference there is named as one in a view.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "H2", "POSTGRESQL", "MARIADB"})
    void anEntityMappedToAViewIsComparedByItsColumns(Dialect dialect) throws Exception {
        try (ScratchDatabase db = dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir.resolve("db")) : TestServers.scratch(dialect)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), dialect, db);
            live.generate(shop(), "initial schema");
            live.writeMigration("R__customer_summary.sql", "create view customer_summary as select id, name, email from customer;\n");
            live.migrate(null);
            live.project.compile(withSummary(summaryColumns()));

            assertThat(new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("all")))).isEmpty();

            List<Column> drifted = summaryColumns();
            drifted.set(1, Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 50), true));
            drifted.add(Column.of("phone", ColumnType.withLength(TypeKind.VARCHAR, 20), true));
            drifted.remove(2);
            live.project.compile(withSummary(drifted));
            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("none")));

            String view = " (customer_summary is a view: its columns' names and types are compared)";
            assertThat(findings).extracting(f -> f.kind() + " " + f.subject() + ": " + f.finding()).containsExactlyInAnyOrder(
                    "DRIFT column customer_summary.name: differs from the entity model (model -> database): type varchar(50)"
                            + " -> varchar(100)" + view,
                    "DRIFT column customer_summary.phone: the entity model maps it, but view customer_summary in the database"
                            + " has no such column" + view,
                    "DRIFT column customer_summary." + (dialect == Dialect.H2 ? "EMAIL" : "email") + " (varchar(255)): view customer_summary in the database has it, but"
                            + " the entity model does not map it" + view);
        }
    }

    /** A foreign key whose delete rule differs is one key that differs, not one missing and one extra. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void aForeignKeyThatDiffersOnlyInItsDeleteRuleIsOneFinding(Dialect dialect) throws Exception {
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            LiveDatabaseFixture live = new LiveDatabaseFixture(dir.resolve("project"), dialect, db);
            live.generate(shop(), "initial schema");
            live.migrate(null);
            String order = dialect == Dialect.POSTGRESQL ? "\"order\"" : "`order`";
            live.execute("alter table " + order + (dialect == Dialect.POSTGRESQL ? " drop constraint" : " drop foreign key")
                            + " fk_order_customer_id",
                    "alter table " + order + " add constraint fk_order_customer_id foreign key (customer_id) references customer (id)");

            List<LiveFinding> findings = new CheckDbWorkflow(live.project.log).run(live.request(), Kind.parse(List.of("none")));

            assertThat(findings).extracting(f -> f.kind() + " " + f.subject() + ": " + f.finding()).containsExactly(
                    "DRIFT foreign key fk_order_customer_id on order(customer_id) -> customer: on delete no action in"
                            + " the database, cascade in the entity model");
        }
    }
}
