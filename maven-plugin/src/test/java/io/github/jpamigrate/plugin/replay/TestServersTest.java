package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing server skips a test on a laptop and fails it where servers are required. */
class TestServersTest {

    @Test
    void aMissingServerIsASkipUnlessServersAreRequired() {
        assertThatThrownBy(() -> TestServers.unavailable("postgresql server at x is not reachable", false, Dialect.POSTGRESQL))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("postgresql server at x is not reachable");
        assertThatThrownBy(() -> TestServers.unavailable("postgresql server at x is not reachable", true, Dialect.POSTGRESQL))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("JPAMIGRATE_REQUIRE_DATABASES=true, so this is a failure, not a skip");
    }
}
