package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NEW-4: verify's data step fills tables whose keys a hand-written migration declared as
 * {@code bigserial}/{@code serial} (read back as clob, they took text and stayed empty).
 */
class SeedRowsSerialTest {

    @Test
    void tablesKeyedBySerialColumnsTakeTheirRows() throws Exception {
        try (ScratchDatabase db = TestServers.scratch(Dialect.POSTGRESQL)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("create table shelf (id bigserial primary key, label varchar(20) not null)");
                s.execute("create table book (id serial primary key, shelf_id bigint not null references shelf (id))");
            }
            try (Connection c = db.connect()) {
                SchemaModel read = new SchemaReader(Dialect.POSTGRESQL, Set.of()).read(c, null);
                SeedRows seeder = new SeedRows(read, Dialect.POSTGRESQL);
                assertThat(seeder.seed(c, read.tables())).containsOnlyKeys("shelf", "book").containsValues(SeedRows.ROWS);
                assertThat(seeder.notes()).isEmpty();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from book")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(SeedRows.ROWS);
                }
            }
        }
    }
}
