package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.live.LiveDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19 item 8: a connection that fails says where it tried, what the driver's cause chain ends
 * in, and the usual fixes; one sentence end each, never the password. Both places that connect:
 * the shadow server and the database check-db reads.
 */
class ConnectionFailureTest {

    /** A port on 127.0.0.1 nothing listens on: one the system just handed out and took back. */
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:%d/test?connectTimeout=3",
            "jdbc:mariadb://127.0.0.1:%d/test?connectTimeout=3000"})
    void theShadowServerNamesHostPortCauseAndFixes(String pattern) throws IOException {
        int port = unusedPort();
        String url = pattern.formatted(port);
        Dialect dialect = Dialect.ofJdbcUrl(url).orElseThrow();

        assertThatThrownBy(() -> ScratchDatabase.onServer(dialect, url, "app", "pw-s3cret"))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("host 127.0.0.1, port " + port)
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("the server is not running")
                .hasMessageContaining("the port is wrong")
                .hasMessageContaining("SSL settings")
                .hasMessageNotContaining("..")
                .hasMessageNotContaining("pw-s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:%d/test?connectTimeout=3&password=urlsecret",
            "jdbc:mariadb://127.0.0.1:%d/test?connectTimeout=3000"})
    void theLiveDatabaseNamesHostPortCauseAndFixes(String pattern) throws IOException {
        int port = unusedPort();
        String url = pattern.formatted(port);

        assertThatThrownBy(() -> LiveDatabase.of(url, "app", "pw-s3cret").connect())
                .hasMessageContaining("host 127.0.0.1, port " + port)
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("the server is not running")
                .hasMessageContaining("SSL settings")
                .hasMessageNotContaining("..")
                .hasMessageNotContaining("pw-s3cret")
                .hasMessageNotContaining("urlsecret");
    }
}
