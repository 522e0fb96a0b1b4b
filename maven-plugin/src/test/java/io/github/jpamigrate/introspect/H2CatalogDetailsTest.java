package io.github.jpamigrate.introspect;

import io.github.jpamigrate.core.sql.Dialect;
import io.github.jpamigrate.replay.ScratchDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What H2 reports about a column default, read back as the migration wrote it. */
class H2CatalogDetailsTest {

    @Test
    void aDefaultBeyondAsciiIsReadBackAsThePlainLiteral() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.h2(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table t (id bigint primary key, a varchar(20) default 'ünïcode', b varchar(20) default 'it''s',"
                    + " c varchar(20) default 'back\\slash 😀')");

            var table = new SchemaReader(Dialect.H2, Set.of()).read(c, null).table("t").orElseThrow();

            assertThat(table.column("a").orElseThrow().defaultValue()).isEqualTo("'ünïcode'");
            assertThat(table.column("b").orElseThrow().defaultValue()).isEqualTo("'it''s'");
            assertThat(table.column("c").orElseThrow().defaultValue()).isEqualTo("'back\\slash 😀'");
        }
    }
}
