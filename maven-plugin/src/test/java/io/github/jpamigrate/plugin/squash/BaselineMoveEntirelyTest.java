package io.github.jpamigrate.plugin.squash;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.lint.LintReport;
import io.github.jpamigrate.plugin.lint.LintWorkflow;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.ShadowServers;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import io.github.jpamigrate.plugin.verify.VerifyRequest;
import io.github.jpamigrate.plugin.verify.VerifyWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.jpamigrate.plugin.project.ShopModels.addColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, the guide's "move entirely": SQLite's V1..V3, then {@code <dialect>postgresql}, the
 * baseline migration B3 in PostgreSQL's SQL beside them and V4 generated for PostgreSQL. The lint
 * (its goal and verify's step) reads B3 and V4, never the SQLite files as PostgreSQL.
 */
class BaselineMoveEntirelyTest {

    @TempDir
    Path dir;

    private static SchemaModel withNote(SchemaModel model) {
        return addColumn(model, "order", Column.of("note", ColumnType.withLength(TypeKind.VARCHAR, 40), true));
    }

    @Test
    void theLintOfTheMovedFolderReadsTheBaselineMigrationAndWhatFollowsNotTheSqliteHistory() throws Exception {
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");
        project.compile(widerName(withPhone(shop())));
        project.generate("longer names");
        MigrationTargets postgresql = MigrationTargets.single(Dialect.POSTGRESQL);

        new BaselineWorkflow(project.log).run(new BaselineRequest(project.layout, null, null, ShadowServers.of(shadow),
                postgresql, null));
        project.compile(withNote(widerName(withPhone(shop()))));
        // As the goal's defaults have it: the online forms on.
        project.run(new GenerateRequest(project.layout, ChangeOptions.parse(List.of(), List.of(), List.of()), "order note",
                false, VersionScheme.SEQUENTIAL, shadow, postgresql));

        LintReport lint = new LintWorkflow(project.log, Map.of()).run(project.layout,
                List.of(new LintWorkflow.Folder(Dialect.POSTGRESQL, project.layout.migrationDirectory())),
                project.snapshot(), null);

        assertThat(lint.result().findings()).extracting(f -> f.file().substring(f.file().lastIndexOf('/') + 1))
                .allMatch(file -> file.startsWith("B3__") || file.startsWith("V4__"));
        assertThat(lint.result().unread()).isEmpty();
        assertThat(lint.summary()).contains("; 3 migration(s) at or below B3__baseline.sql not linted");
        // B3 is rendered as generate renders a first migration with the goals' defaults (the online forms
        // on): the unindexed foreign key order(customer_id) is accepted with generate's reason, so the
        // lint fails on nothing the baseline goal wrote.
        assertThat(lint.result().findings()).filteredOn(f -> f.file().endsWith("B3__baseline.sql"))
                .extracting(f -> f.rule().code() + (f.failing() ? " failing" : " accepted")).containsExactly("JML117 accepted");

        project.info.clear();
        new VerifyWorkflow(project.log).run(new VerifyRequest(project.layout, ChangeOptions.defaults(),
                MigrationTargets.defaultFlyway(project.layout, postgresql), null, false, shadow, postgresql));

        assertThat(project.info).anyMatch(l -> l.startsWith("Migration lint: ")
                && l.contains(" 0 statement(s) not read; 3 migration(s) at or below B3__baseline.sql not linted"));
        assertThat(project.warnings).noneMatch(w -> w.contains("V1__") || w.contains("V2__") || w.contains("V3__"));
    }
}
