package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.plugin.generate.CheckWorkflow;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ProjectFixture;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19 item 2: {@code verify} (and {@code check}) run without compiling, after an entity was
 * edited, would judge the old entities; the descriptor older than an entity's source says to compile.
 */
class StaleDescriptorTest {

    @TempDir
    Path dir;

    /** The shop project, generated and compiled, with the customer entity's source written {@code offset} after compiling. */
    private ProjectFixture project(Duration offset) throws Exception {
        ProjectFixture project = new ProjectFixture(dir).compile(shop());
        project.generate("initial");
        Path source = dir.resolve("src/main/java/com/example/shop/Customer.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package com.example.shop;\n@jakarta.persistence.Entity\nclass Customer {}\n");
        FileTime compiled = Files.getLastModifiedTime(project.layout.descriptor());
        Files.setLastModifiedTime(source, FileTime.fromMillis(compiled.toMillis() + offset.toMillis()));
        return project;
    }

    private static VerifyRequest request(ProjectFixture project) {
        FlywaySettings flyway = new FlywaySettings(List.of("filesystem:" + project.layout.migrationDirectory()),
                FlywaySettings.DEFAULT_TABLE, java.util.Map.of());
        return new VerifyRequest(project.layout, ChangeOptions.defaults(), flyway, null, false);
    }

    @Test
    void verifyOnAnEntityEditedAfterCompilingSaysToCompile() throws Exception {
        ProjectFixture project = project(Duration.ofSeconds(30));

        assertThatThrownBy(() -> new VerifyWorkflow(project.log).run(request(project)))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("the model descriptor target/classes/META-INF/jpa-migrate/model.json is older than"
                        + " src/main/java/com/example/shop/Customer.java")
                .hasMessageContaining("mvn compile jpa-migrate:verify");
    }

    @Test
    void checkOnAnEntityEditedAfterCompilingSaysToCompile() throws Exception {
        ProjectFixture project = project(Duration.ofSeconds(30));

        assertThatThrownBy(() -> new CheckWorkflow(project.log).run(project.layout))
                .isInstanceOf(WorkflowFailure.class)
                .hasMessageContaining("mvn compile jpa-migrate:check");
    }

    @Test
    void sourcesOlderThanTheDescriptorPass() throws Exception {
        ProjectFixture project = project(Duration.ofSeconds(-30));

        assertThat(new VerifyWorkflow(project.log).run(request(project)).failed()).isFalse();
        assertThat(new CheckWorkflow(project.log).run(project.layout)).isEmpty();
    }
}
