package io.github.jpamigrate.plugin.branches;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.plugin.generate.GenerateRequest;
import io.github.jpamigrate.plugin.generate.GenerateWorkflow;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.Prompter;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.revwalk.RevCommit;

import io.github.jpamigrate.plugin.project.ShopModels;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.github.jpamigrate.plugin.project.GitFixture.commit;
import static io.github.jpamigrate.plugin.project.ShopModels.addColumn;
import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;

/**
 * A real git repository where two branches each generated a migration from the same base:
 * {@code main} adds {@code customer.nickname}, {@code feature} adds {@code customer.phone}, both
 * after {@code V1__initial}; the working tree is left on {@code feature}.
 */
final class TwoBranches {

    final Git git;
    final ProjectFixture project;
    final RevCommit base;
    final RevCommit main;
    final RevCommit feature;

    private TwoBranches(Git git, ProjectFixture project, RevCommit base, RevCommit main, RevCommit feature) {
        this.git = git;
        this.project = project;
        this.base = base;
        this.main = main;
        this.feature = feature;
    }

    static SchemaModel withNickname(SchemaModel model) {
        return addColumn(model, "customer", Column.of("nickname", ColumnType.withLength(TypeKind.VARCHAR, 40), true));
    }

    /** Both columns: the model after the merge. */
    static SchemaModel merged() {
        return withNickname(withPhone(shop()));
    }

    /**
     * @param scheme  the version scheme both branches use
     * @param mainAt  when main generates (the timestamp scheme takes its version from it)
     * @param featureAt when the feature branch generates
     */
    static TwoBranches make(Path dir, VersionScheme scheme, Instant mainAt, Instant featureAt) throws Exception {
        return make(dir, scheme, mainAt, featureAt, ShopModels::withPhone, "add phone");
    }

    /** As above, with the feature branch's change and message given. */
    static TwoBranches make(Path dir, VersionScheme scheme, Instant mainAt, Instant featureAt,
                            UnaryOperator<SchemaModel> featureChange, String featureMessage) throws Exception {
        return make(dir, (project, message, at) -> generate(project, scheme, message, at), mainAt, featureAt,
                featureChange, featureMessage);
    }

    /** One {@code generate} of a branch, as the test's project runs it (its database, its options). */
    @FunctionalInterface
    interface Generator {
        void generate(ProjectFixture project, String message, Instant at) throws Exception;
    }

    /** As above, each generate run by {@code generator} (e.g. for PostgreSQL, with its scratch server). */
    static TwoBranches make(Path dir, Generator generator, Instant mainAt, Instant featureAt,
                            UnaryOperator<SchemaModel> featureChange, String featureMessage) throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        generator.generate(project, "initial", mainAt.minusSeconds(86_400));
        RevCommit base = commit(git, "initial");
        git.branchCreate().setName("feature").call();

        project.compile(withNickname(shop()));
        generator.generate(project, "add nickname", mainAt);
        RevCommit main = commit(git, "nickname");

        git.checkout().setName("feature").call();
        project.compile(featureChange.apply(shop()));
        generator.generate(project, featureMessage, featureAt);
        RevCommit feature = commit(git, "phone");
        return new TwoBranches(git, project, base, main, feature);
    }

    static TwoBranches make(Path dir) throws Exception {
        Instant now = ProjectFixture.CLOCK.instant();
        return make(dir, VersionScheme.SEQUENTIAL, now, now);
    }

    static void generate(ProjectFixture project, VersionScheme scheme, String message, Instant at) throws Exception {
        new GenerateWorkflow(project.log, Prompter.BATCH, Clock.fixed(at, ZoneOffset.UTC))
                .run(new GenerateRequest(project.layout, ChangeOptions.defaults(), message, false, scheme));
    }

    /** Merges main into the feature branch (the working tree is on feature). */
    MergeResult mergeMain() throws Exception {
        return git.merge().include(main).setCommit(false).call();
    }
}
