package io.github.jpamigrate.plugin.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracing tables, columns and indexes to the migration that creates them, from the SQL text. */
class MigrationScanTest {

    @Test
    void createTableBodiesAlterTableActionsAndIndexesAreTraced() {
        MigrationScan scan = MigrationScan.ofText("V1__init.sql", """
                -- V1: init; a comment with a ; in it
                create table "order" (
                  id bigint not null,
                  `total` numeric(38,2) default 0,
                  note varchar(20) default 'a;b',
                  constraint fk_order_customer foreign key (id) references customer (id),
                  primary key (id)
                );
                alter table if exists Book add column isbn varchar(255), add constraint uk_isbn unique (isbn);
                create unique index if not exists idx_book_isbn on public.Book (isbn);
                /* block ; comment */ alter table Book drop column legacy;
                """);
        assertThat(scan.createsTable("ORDER")).contains("V1__init.sql");
        assertThat(scan.createsColumn("order", "total")).contains("V1__init.sql");
        assertThat(scan.createsColumn("order", "note")).contains("V1__init.sql");
        assertThat(scan.createsColumn("order", "primary")).isEmpty();
        assertThat(scan.createsConstraint("fk_order_customer")).contains("V1__init.sql");
        assertThat(scan.createsColumn("book", "isbn")).contains("V1__init.sql");
        assertThat(scan.createsConstraint("uk_isbn")).contains("V1__init.sql");
        assertThat(scan.createsIndex("idx_book_isbn")).contains("V1__init.sql");
        assertThat(scan.dropsColumn("Book", "legacy")).contains("V1__init.sql");
        assertThat(scan.createsTable("Book")).isEmpty();
        assertThat(scan.touching("book")).containsExactly("V1__init.sql");
        assertThat(scan.createdBy("V1__init.sql")).contains("table order", "column order.id", "column book.isbn",
                "index idx_book_isbn").doesNotContain("column book.legacy");
    }

    @Test
    void aSqliteRebuildNeitherCreatesNorDropsTheTable() {
        MigrationScan scan = MigrationScan.ofText("V2__wider.sql", """
                create table jm_new_customer (id bigint not null, name varchar(200), primary key (id));
                insert into jm_new_customer (id, name) select id, name from customer;
                drop table customer;
                alter table jm_new_customer rename to customer;
                create index idx_customer_name on customer (name);
                """);
        assertThat(scan.createsTable("customer")).isEmpty();
        assertThat(scan.dropsTable("customer")).isEmpty();
        assertThat(scan.createsColumn("customer", "name")).isEmpty();
        assertThat(scan.touching("customer")).containsExactly("V2__wider.sql");
    }

    @Test
    void renamesMoveTheObject() {
        MigrationScan scan = MigrationScan.ofText("V3__renames.sql", """
                alter table Book rename column title to name;
                alter table Author rename to Writer;
                """);
        assertThat(scan.createsColumn("Book", "name")).contains("V3__renames.sql");
        assertThat(scan.dropsColumn("Book", "title")).contains("V3__renames.sql");
        assertThat(scan.createsTable("Writer")).contains("V3__renames.sql");
        assertThat(scan.dropsTable("Author")).contains("V3__renames.sql");
    }
}
