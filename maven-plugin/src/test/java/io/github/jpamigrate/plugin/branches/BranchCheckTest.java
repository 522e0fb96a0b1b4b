package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.eclipse.jgit.api.CheckoutCommand;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.widerName;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code check} on what two generating branches leave after a merge: from the files, without git or a database. */
class BranchCheckTest {

    private static final String SNAPSHOT = "src/main/jpa-migrate/model.json";
    private static final MigrationTargets SQLITE = MigrationTargets.single(Dialect.SQLITE);

    @TempDir
    Path dir;

    @Test
    void twoBranchesThatEachGenerateConflictOnTheSnapshotInGit() throws Exception {
        TwoBranches branches = TwoBranches.make(dir);

        MergeResult merge = branches.mergeMain();

        assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);
        assertThat(merge.getConflicts()).containsOnlyKeys(SNAPSHOT);
    }

    @Test
    void takingBothMigrationsFailsNamingBothAndRebase() throws Exception {
        TwoBranches branches = TwoBranches.make(dir);
        branches.mergeMain();
        branches.git.checkout().setStage(CheckoutCommand.Stage.THEIRS).addPath(SNAPSHOT).call();

        assertThatThrownBy(() -> new BranchCheck(branches.project.log).run(branches.project.layout, SQLITE))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("version 2 has 2 migrations: src/main/resources/db/migration/V2__add_nickname.sql"
                        + " and src/main/resources/db/migration/V2__add_phone.sql")
                .hasMessageContaining("Fix: mvn jpa-migrate:rebase");
    }

    @Test
    void aMigrationRenumberedByHandLeavesItsUndoScriptAndConfBehind() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(widerName(shop()));
        project.generate("wider name");
        Files.move(project.migration("V2__wider_name.sql"), project.migration("V3__wider_name.sql"));

        assertThatThrownBy(() -> new BranchCheck(project.log).run(project.layout, SQLITE))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the undo script src/main/jpa-migrate/undo/U2__wider_name.sql still carries"
                        + " version 2, but V2__wider_name.sql was renumbered to V3__wider_name.sql. Fix: git mv"
                        + " src/main/jpa-migrate/undo/U2__wider_name.sql src/main/jpa-migrate/undo/U3__wider_name.sql")
                .hasMessageContaining("the .conf file src/main/resources/db/migration/V2__wider_name.sql.conf still carries version 2")
                .hasMessageContaining("the snapshot belongs to V2__wider_name.sql in the migration folder, which is not"
                        + " there (renumbered to V3__wider_name.sql by hand?)");
    }

    @Test
    void eachVendorFolderHasItsOwnRecordAndItsOwnDuplicates() throws Exception {
        MigrationTargets vendors = MigrationTargets.parse(null, List.of("sqlite,h2"));
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate(vendors, "initial");
        project.compile(withPhone(shop()));
        project.generate(vendors, "phone");

        var snapshot = new io.github.jpamigrate.plugin.io.SnapshotFile(project.layout.snapshot()).readSnapshot().orElseThrow();
        assertThat(snapshot.migrations()).extracting(m -> m.folder() + "/" + m.file().fileName() + " after " + m.after())
                .containsExactly("h2/V2__phone.sql after 1", "sqlite/V2__phone.sql after 1");
        assertThat(new BranchCheck(project.log).run(project.layout, vendors)).isEmpty();

        Path h2 = project.layout.migrationDirectory().resolve("h2");
        Files.writeString(h2.resolve("V2__other_branch.sql"), "alter table customer add column fax varchar(20);\n");
        assertThatThrownBy(() -> new BranchCheck(project.log).run(project.layout, vendors))
                .hasMessageContaining("version 2 has 2 migrations: src/main/resources/db/migration/h2/V2__other_branch.sql"
                        + " and src/main/resources/db/migration/h2/V2__phone.sql")
                .hasMessageNotContaining("db/migration/sqlite/V2");
    }

    @Test
    void aDottedVersionKeepsItsSpellingInTheFix() throws Exception {
        ProjectFixture project = new ProjectFixture(dir);
        Files.createDirectories(project.layout.migrationDirectory());
        Files.writeString(project.migration("V1.3.0__add_fax.sql"), "alter table customer add column fax varchar(20);\n");
        Files.writeString(project.migration("V1.2.0__add_fax.sql.conf"), "executeInTransaction=false\n");

        assertThatThrownBy(() -> new BranchCheck(project.log).run(project.layout, SQLITE))
                .hasMessageContaining("Fix: git mv src/main/resources/db/migration/V1.2.0__add_fax.sql.conf"
                        + " src/main/resources/db/migration/V1.3.0__add_fax.sql.conf");
    }

    @Test
    void aConfWhoseMigrationIsGoneIsNamedWithGitRm() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Files.writeString(project.migration("V7__gone.sql.conf"), "executeInTransaction=false\n");

        assertThatThrownBy(() -> new BranchCheck(project.log).run(project.layout, SQLITE))
                .hasMessageContaining("the .conf file src/main/resources/db/migration/V7__gone.sql.conf belongs to"
                        + " V7__gone.sql, which is gone. Fix: git rm src/main/resources/db/migration/V7__gone.sql.conf.");
    }

    @Test
    void aFolderThatIsOneChainPassesAndAnOldSnapshotIsNotKnownRatherThanWrong() throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));
        project.generate("phone");

        assertThat(new BranchCheck(project.log).run(project.layout, SQLITE)).isEmpty();

        Files.write(project.layout.snapshot(), DescriptorJson.writeBytes(withPhone(shop())));
        assertThat(new BranchCheck(project.log).run(project.layout, SQLITE)).isEmpty();
        assertThat(project.info).last().asString().contains("does not record which migration it belongs to yet")
                .contains("the next mvn jpa-migrate:generate records it");
    }

    @Test
    void timestampVersionsDoNotClashButAMigrationOlderThanTheMergedChainIsCaught() throws Exception {
        Instant now = ProjectFixture.CLOCK.instant();
        // feature generated first (09:30), main later (11:30): feature's version sorts before main's
        TwoBranches branches = TwoBranches.make(dir, VersionScheme.TIMESTAMP, now.plusSeconds(7200), now);
        assertThat(branches.mergeMain().getConflicts()).containsOnlyKeys(SNAPSHOT);
        branches.git.checkout().setStage(CheckoutCommand.Stage.THEIRS).addPath(SNAPSHOT).call();

        List<String> names;
        try (var files = Files.list(branches.project.layout.migrationDirectory())) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).containsExactly("V20261120113000__initial.sql", "V20261121093000__add_phone.sql",
                "V20261121113000__add_nickname.sql");
        assertThatThrownBy(() -> new BranchCheck(branches.project.log).run(branches.project.layout, SQLITE))
                .hasMessageContaining("src/main/resources/db/migration/V20261121093000__add_phone.sql sorts before"
                        + " src/main/resources/db/migration/V20261121113000__add_nickname.sql, which was generated after"
                        + " version 20261120113000 without it")
                .hasMessageContaining("out of order")
                .hasMessageNotContaining("has 2 migrations");
    }

    @Test
    void keepingTheOlderSnapshotIsCaughtAsNotTheNewestMigrations() throws Exception {
        Instant now = ProjectFixture.CLOCK.instant();
        TwoBranches branches = TwoBranches.make(dir, VersionScheme.TIMESTAMP, now.plusSeconds(7200), now);
        branches.mergeMain();
        branches.git.checkout().setStage(CheckoutCommand.Stage.OURS).addPath(SNAPSHOT).call();

        assertThatThrownBy(() -> new BranchCheck(branches.project.log).run(branches.project.layout, SQLITE))
                .hasMessageContaining("the snapshot belongs to src/main/resources/db/migration/V20261121093000__add_phone.sql,"
                        + " but src/main/resources/db/migration/V20261121113000__add_nickname.sql is newer")
                .hasMessageContaining("Fix: mvn jpa-migrate:rebase");
    }

    @Test
    void aMigrationAndItsOnlineFollowUpAreOneLinkOfTheChain() throws Exception {
        MigrationTargets postgresql = MigrationTargets.single(Dialect.POSTGRESQL);
        ShadowDatabase shadow = TestServers.shadow(Dialect.POSTGRESQL);
        ChangeOptions online = ChangeOptions.parse(List.of(), List.of(), List.of());
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.run(new GenerateRequest(project.layout, online, "initial", false, VersionScheme.SEQUENTIAL, shadow, postgresql));
        project.compile(RebaseWorkflowTest.phoneIndexed(shop()));
        project.run(new GenerateRequest(project.layout, online, "phone", false, VersionScheme.SEQUENTIAL, shadow, postgresql));
        assertThat(project.migration("V3__complete_v2_online.sql")).exists();

        assertThat(new BranchCheck(project.log).run(project.layout, postgresql)).isEmpty();

        Files.writeString(project.migration("V1.5__other_branch.sql"), "alter table customer add column fax varchar(20);\n");
        assertThatThrownBy(() -> new BranchCheck(project.log).run(project.layout, postgresql))
                .hasMessageContaining("src/main/resources/db/migration/V1.5__other_branch.sql sorts before"
                        + " src/main/resources/db/migration/V3__complete_v2_online.sql, which was generated after version 1")
                .hasMessageNotContaining("V2__phone.sql sorts");
        Files.delete(project.migration("V1.5__other_branch.sql"));

        Files.delete(project.migration("V2__phone.sql"));
        assertThatThrownBy(() -> new BranchCheck(project.log).run(project.layout, postgresql))
                .hasMessageContaining("the snapshot belongs to V3__complete_v2_online.sql, which completes V2__phone.sql"
                        + " in the migration folder, but V2__phone.sql is not there")
                .hasMessageContaining("Fix: mvn jpa-migrate:rebase");
    }
}
