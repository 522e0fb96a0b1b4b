package io.github.jpamigrate.plugin.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad-input catalogue: passwords never reach a message, however the URL carries them. */
class JdbcSecretsTest {

    @Test
    void everyWayAUrlCarriesAPasswordIsMasked() {
        assertThat(JdbcSecrets.redactUrl("jdbc:postgresql://db:5432/app?user=ci&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=ci&password=***&ssl=true");
        assertThat(JdbcSecrets.redactUrl("jdbc:mariadb://db/app?PASSWORD=s3cret"))
                .isEqualTo("jdbc:mariadb://db/app?PASSWORD=***");
        assertThat(JdbcSecrets.redactUrl("jdbc:mysql://ci:s3cret@db:3306/app"))
                .isEqualTo("jdbc:mysql://ci:***@db:3306/app");
        assertThat(JdbcSecrets.redactUrl("jdbc:h2:tcp://db/app;USER=sa;PASSWORD=s3cret;MODE=MySQL"))
                .isEqualTo("jdbc:h2:tcp://db/app;USER=sa;PASSWORD=***;MODE=MySQL");
        assertThat(JdbcSecrets.redactUrl("jdbc:postgresql://db/app?sslpassword=s3cret"))
                .isEqualTo("jdbc:postgresql://db/app?sslpassword=***");
        assertThat(JdbcSecrets.redactUrl("jdbc:sqlite:target/x.db")).isEqualTo("jdbc:sqlite:target/x.db");
    }

    @Test
    void aDriverMessageThatEchoesTheUrlOrThePasswordIsMaskedToo() {
        String url = "jdbc:mysql://ci:u-s3cret@db/app";
        String message = "Access denied for " + url + " (password 'p-s3cret', url password u-s3cret)";
        assertThat(JdbcSecrets.redact(message, url, "p-s3cret"))
                .isEqualTo("Access denied for jdbc:mysql://ci:***@db/app (password '***', url password ***)");
    }
}
