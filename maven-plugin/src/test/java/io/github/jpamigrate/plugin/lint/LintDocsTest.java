package io.github.jpamigrate.plugin.lint;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/lint.md documents every rule with its code, title and both examples. */
class LintDocsTest {

    @Test
    void everyRuleIsInTheCatalogueWithItsExamples() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "lint.md"));
        assertThat(LintRule.values()).hasSizeGreaterThanOrEqualTo(30);
        for (LintRule rule : LintRule.values()) {
            assertThat(docs).contains("### " + rule.code() + " " + rule.title(), rule.fires() + ";", rule.passes() + ";");
        }
    }
}
