package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What H2 reports that its JDBC metadata alone gets wrong, read from a real in-memory H2. */
class H2CatalogDetailsTest {

    /**
     * Found by the evolution property test (H2, seed 18): H2 keeps the name of the index it made
     * for a foreign key when the key is renamed, so the index read back looked like a model index.
     */
    @Test
    void theIndexOfARenamedForeignKeyIsStillTheKeysOwn() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.h2(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table tag (id bigint primary key)");
            s.execute("create table address (id bigint primary key, tag_id bigint not null, note varchar(20))");
            s.execute("create index idx_address_note on address (note)");
            s.execute("alter table address add constraint fk_address_tag_id foreign key (tag_id) references tag (id)");
            s.execute("alter table address rename to line_item");
            s.execute("alter table line_item rename constraint fk_address_tag_id to fk_line_item_tag_id");

            Table table = new SchemaReader(Dialect.H2, Set.of()).read(c, null).table("line_item").orElseThrow();

            assertThat(table.foreignKeys()).singleElement().satisfies(k -> assertThat(k.name()).isEqualToIgnoringCase("fk_line_item_tag_id"));
            assertThat(table.indexes()).extracting(Index::name).containsExactly("IDX_ADDRESS_NOTE");
        }
    }

    /** Found by the evolution property test (H2, seed 6): H2 reports {@code 'ünïcode'} as {@code U&'\00fcn\00efcode'}. */
    @Test
    void aDefaultOutsideAsciiReadsBackAsThePlainLiteral() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.h2(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table t (id bigint primary key, a varchar(20) default 'ünïcode', b varchar(20) default 'it''s ✓',"
                    + " c varchar(20) default 'plain', d varchar(20) default 'back\\slash é 😀')");

            SchemaModel read = new SchemaReader(Dialect.H2, Set.of()).read(c, null);

            assertThat(read.table("t").orElseThrow().columns()).extracting(Column::defaultValue)
                    .containsExactly(null, "'ünïcode'", "'it''s ✓'", "'plain'", "'back\\slash é 😀'");
        }
    }

    @Test
    void onlyNamesH2MakesUpCountAsConstraintIndexNames() {
        H2CatalogDetails details = new H2CatalogDetails();
        assertThat(details.isConstraintIndexName("FK_ADDRESS_TAG_ID_INDEX_E")).isTrue();
        assertThat(details.isConstraintIndexName("FK_ADDRESS_TAG_ID_INDEX_1A")).isTrue();
        assertThat(details.isConstraintIndexName("IDX_ADDRESS_TAG_ID")).isFalse();
        assertThat(details.isConstraintIndexName("IDX_MY_INDEX_")).isFalse();
    }
}
