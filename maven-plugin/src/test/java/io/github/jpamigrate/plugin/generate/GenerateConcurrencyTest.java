package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static io.github.jpamigrate.plugin.project.ShopModels.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

/** Two {@code generate} runs of one project at the same moment: exactly one writes a migration. */
class GenerateConcurrencyTest {

    @Test
    void twoSimultaneousGeneratesWriteOneMigration(@TempDir Path dir) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        project.compile(withPhone(shop()));

        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> run = () -> {
            start.await();
            try {
                return project.generate("add phone");
            } catch (ProjectFileException e) {
                return e;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Object>> futures = List.of(pool.submit(run), pool.submit(run));
            start.countDown();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        long wrote = outcomes.stream().filter(o -> o instanceof GenerateResult r && r.wroteMigration()).count();
        assertThat(wrote).isEqualTo(1);
        // The other run either found the lock taken or, having started after the first finished, no change left.
        assertThat(outcomes).anySatisfy(o -> assertThat(o).satisfiesAnyOf(
                lost -> assertThat(lost).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.throwable(ProjectFileException.class))
                        .hasMessageContaining("another jpa-migrate:generate of this project is writing migrations right now"),
                late -> assertThat(late).isInstanceOfSatisfying(GenerateResult.class, r -> assertThat(r.wroteMigration()).isFalse())));
        assertThat(project.sourceFiles()).filteredOn(f -> f.contains("/db/migration/"))
                .containsExactly("src/main/resources/db/migration/V1__initial.sql",
                        "src/main/resources/db/migration/V2__add_phone.sql");
    }
}
