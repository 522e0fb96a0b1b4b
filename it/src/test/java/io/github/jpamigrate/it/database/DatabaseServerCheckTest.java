package io.github.jpamigrate.it.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DatabaseServerCheckTest {

    private static final Optional<String> REFUSED = Optional.of("Connection refused");

    private final List<String> console = new ArrayList<>();

    @Test
    void aServerThatAnswersLetsTheTestRun() {
        DatabaseServerCheck check = new DatabaseServerCheck(server -> Optional.empty(), true, console::add);

        assertThatCode(() -> check.check(DatabaseServer.POSTGRESQL)).doesNotThrowAnyException();
        assertThat(console).isEmpty();
    }

    @Test
    void aMissingServerSkipsTheTestAndSaysHowToStartIt() {
        DatabaseServerCheck check = new DatabaseServerCheck(server -> REFUSED, false, console::add);

        assertThatThrownBy(() -> check.check(DatabaseServer.MARIADB))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("MariaDB is not reachable at jdbc:mariadb://127.0.0.1:3306/test")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("docker run")
                .hasMessageContaining("JPAMIGRATE_REQUIRE_DATABASES=true");
        assertThat(console).singleElement(STRING).startsWith("Skipped: MariaDB is not reachable");
    }

    @Test
    void aMissingServerFailsTheTestWhenDatabasesAreRequired() {
        DatabaseServerCheck check = new DatabaseServerCheck(server -> REFUSED, true, console::add);

        assertThatThrownBy(() -> check.check(DatabaseServer.POSTGRESQL))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("PostgreSQL is not reachable at jdbc:postgresql://127.0.0.1:5432/test")
                .hasMessageContaining("because JPAMIGRATE_REQUIRE_DATABASES=true");
    }
}
