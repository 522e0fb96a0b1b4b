package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ProjectModels;
import io.github.jpamigrate.plugin.project.ShopModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.github.jpamigrate.plugin.project.ShopModels.STATUS;
import static io.github.jpamigrate.plugin.project.ShopModels.addColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.replaceColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/** The lints over the model changes since {@code base}: which fail, which are listed. */
class VerifyLintsTest {

    private static VerifyHistory.Base base(SchemaModel snapshot) {
        return new VerifyHistory.Base("v1", "abc", snapshot, null, List.of(), java.util.Set.of());
    }

    private static SchemaModel withStatus(SchemaModel model, EnumStorage storage, List<String> constants) {
        SchemaModel edited = replaceColumn(model, "customer", "status", c -> c.withEnumRef(new EnumRef(STATUS, storage))
                .withType(storage == EnumStorage.ORDINAL ? ColumnType.of(TypeKind.SMALLINT) : c.type()));
        return new SchemaModel(edited.naming(), edited.orm(), edited.producer(), edited.tables(), edited.sequences(),
                edited.tableGenerators(), List.of(new EnumType(STATUS, constants)));
    }

    private static VerifyReport.Step lint(SchemaModel before, SchemaModel after, ChangeOptions options, boolean withBase) {
        ProjectModels models = new ProjectModels(withBase ? after : before, after, true);
        return VerifyLints.run(options, Dialect.SQLITE, models, withBase ? Optional.of(base(before)) : Optional.empty());
    }

    @Test
    void aReorderedOrdinalEnumSinceTheBaseFailsUntilAcknowledged() {
        SchemaModel before = withStatus(shop(), EnumStorage.ORDINAL, List.of("NEW", "ACTIVE"));
        SchemaModel after = withStatus(shop(), EnumStorage.ORDINAL, List.of("ACTIVE", "NEW"));

        VerifyReport.Step step = lint(before, after, ChangeOptions.defaults(), true);

        assertThat(step.outcome()).isEqualTo(VerifyReport.Outcome.FAILED);
        assertThat(step.problems()).singleElement().asString()
                .contains("is stored by ORDINAL and its constants moved [NEW, ACTIVE] -> [ACTIVE, NEW]")
                .contains("-Djpamigrate.allowDestructive=" + STATUS);
        VerifyReport.Step acknowledged = lint(before, after, ProjectFixture.options(List.of(), List.of(), List.of(STATUS)), true);
        assertThat(acknowledged.outcome()).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(acknowledged.notes()).anyMatch(n -> n.startsWith("acknowledged: enum " + STATUS));
    }

    @Test
    void aRemovedStringConstantAndANarrowedColumnAreBothListed() {
        SchemaModel before = withStatus(shop(), EnumStorage.STRING, List.of("NEW", "ACTIVE", "GONE"));
        SchemaModel after = replaceColumn(withStatus(shop(), EnumStorage.STRING, List.of("NEW", "ACTIVE")), "customer", "name",
                c -> c.withType(ColumnType.withLength(TypeKind.VARCHAR, 50)));

        VerifyReport.Step step = lint(before, after, ChangeOptions.defaults(), true);

        assertThat(step.problems()).singleElement().asString()
                .contains("loses constants [GONE]")
                .contains("column customer.name changes from varchar(100) to varchar(50)");
    }

    @Test
    void aNotNullColumnWithoutValueAndAProbableRenameAreNotesNotFailures() {
        SchemaModel before = shop();
        SchemaModel after = addColumn(replaceColumn(shop(), "customer", "name", c -> c.withName("full_name")), "customer",
                Column.of("tier", ColumnType.of(TypeKind.INTEGER), false));

        VerifyReport.Step step = lint(before, after, ProjectFixture.options(List.of(), List.of(), List.of("customer.name")), true);

        assertThat(step.outcome()).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(step.notes()).anyMatch(n -> n.contains("new NOT NULL column customer.tier has no value for existing rows"));
        VerifyReport.Step unacknowledged = lint(before, after, ChangeOptions.defaults(), true);
        assertThat(unacknowledged.notes()).anyMatch(n -> n.startsWith("probable rename: column customer.name was dropped")
                && n.contains("-Djpamigrate.rename=customer.name:full_name"));
    }

    @Test
    void withoutABaseDestructiveChangesAreListedButDoNotFail() {
        SchemaModel before = shop();
        SchemaModel after = ShopModels.dropColumn(shop(), "customer", "status");

        VerifyReport.Step step = lint(before, after, ChangeOptions.defaults(), false);

        assertThat(step.outcome()).isEqualTo(VerifyReport.Outcome.PASSED);
        assertThat(step.summary()).contains("not yet in the snapshot");
        assertThat(step.notes()).anyMatch(n -> n.contains("column customer.status and its values would be dropped"));
    }
    /** Issue 19 item 6: the migration since the base backfills the new column, so it has a value. */
    @Test
    void aNotNullColumnTheAddedMigrationFillsIsNoHazard() {
        SchemaModel before = shop();
        SchemaModel after = addColumn(shop(), "customer", Column.of("tier", ColumnType.of(TypeKind.INTEGER), false));
        ProjectModels models = new ProjectModels(after, after, true);
        Optional<VerifyHistory.Base> base = Optional.of(base(before));

        for (String sql : List.of(
                "alter table \"customer\" add column \"tier\" integer;\nupdate \"customer\" set \"tier\" = 0 where \"tier\" is null;",
                "create table \"jm_new_customer\" (id bigint not null, tier integer not null);\n"
                        + "insert into \"jm_new_customer\" (\"id\", \"tier\")\n    select \"id\", 0 from \"customer\";",
                "ALTER TABLE customer ADD tier INT DEFAULT 0 NOT NULL;")) {
            VerifyReport.Step step = VerifyLints.run(ChangeOptions.defaults(), Dialect.SQLITE, models, base, List.of(sql));
            assertThat(step.summary()).as(sql).contains("0 hazard(s)");
            assertThat(step.notes()).as(sql).noneMatch(n -> n.contains("customer.tier"));
        }
        VerifyReport.Step unfilled = VerifyLints.run(ChangeOptions.defaults(), Dialect.SQLITE, models, base,
                List.of("alter table customer add column tier integer;\nupdate customer set name = 'x';"));
        assertThat(unfilled.notes()).anyMatch(n -> n.contains("new NOT NULL column customer.tier has no value"));
    }

    /** Issue 19 item 6: the log shows each hazard the lint line counts, not only the number. */
    @Test
    void theLogListsEachHazardUnderTheLintLine() {
        SchemaModel after = ShopModels.dropColumn(shop(), "customer", "status");
        VerifyReport report = new VerifyReport(null);
        report.add(lint(shop(), after, ChangeOptions.defaults(), false));

        assertThat(report.summaryLines()).hasSize(2);
        assertThat(report.summaryLines().get(0)).contains("1 hazard(s)");
        assertThat(report.summaryLines().get(1)).contains("- column customer.status and its values would be dropped");
    }
}
