package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.database.DatabaseServer;
import io.github.jpamigrate.it.database.RequiresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The servers that the dialect tests rely on answer a query (or the tests say why they are skipped). */
class DatabaseServersIT {

    @Test
    @RequiresDatabase(DatabaseServer.POSTGRESQL)
    void postgresqlAnswersAQuery() throws SQLException {
        assertThat(selectOne(DatabaseServer.POSTGRESQL)).isEqualTo(1);
    }

    @Test
    @RequiresDatabase(DatabaseServer.MARIADB)
    void mariadbAnswersAQuery() throws SQLException {
        assertThat(selectOne(DatabaseServer.MARIADB)).isEqualTo(1);
    }

    private static int selectOne(DatabaseServer server) throws SQLException {
        try (Connection connection = server.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 1")) {
            assertThat(rows.next()).as("a row from %s", server.displayName()).isTrue();
            return rows.getInt(1);
        }
    }
}
