package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.io.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void schemaQualifiedQuotedAndConditionalNamesAreTheObjectsOwnNames() {
        MigrationScan scan = MigrationScan.ofText("V4__names.sql", """
                CREATE TABLE IF NOT EXISTS shop.invoice (id bigint PRIMARY KEY, "Amount" numeric(10,2));
                ALTER TABLE ONLY "shop"."Invoice" ADD COLUMN IF NOT EXISTS "Due ""Date""\" date;
                ALTER TABLE IF EXISTS shop.invoice DROP COLUMN IF EXISTS obsolete;
                CREATE INDEX IF NOT EXISTS "IX_Invoice_Amount" ON shop.invoice ("Amount");
                """);
        assertThat(scan.createsTable("INVOICE")).contains("V4__names.sql");
        assertThat(scan.createsColumn("invoice", "amount")).contains("V4__names.sql");
        assertThat(scan.createsColumn("invoice", "due \"date\"")).contains("V4__names.sql");
        assertThat(scan.dropsColumn("invoice", "obsolete")).contains("V4__names.sql");
        assertThat(scan.createsIndex("ix_invoice_amount")).contains("V4__names.sql");
        assertThat(scan.createsTable("shop")).isEmpty();
        assertThat(scan.unread("V4__names.sql")).isEmpty();
    }

    @Test
    void everyActionOfAnAlterTableListCounts() {
        MigrationScan scan = MigrationScan.ofText("V5__actions.sql", """
                create table parcel (id bigint not null, weight int, label text);
                alter table parcel add column width int, add column height int, drop column label,
                    add constraint uq_parcel_size unique (width, height);
                alter table parcel alter column weight type bigint using weight::bigint;
                alter table parcel
                    add constraint fk_parcel_sender foreign key (id) references sender (id) on delete cascade,
                    add constraint pk_parcel primary key (id);
                alter table parcel add column courier_id bigint constraint fk_parcel_courier references courier (id);
                """);
        assertThat(scan.createsColumn("parcel", "width")).contains("V5__actions.sql");
        assertThat(scan.createsColumn("parcel", "height")).contains("V5__actions.sql");
        assertThat(scan.createsColumn("parcel", "courier_id")).contains("V5__actions.sql");
        assertThat(scan.dropsColumn("parcel", "label")).contains("V5__actions.sql");
        assertThat(scan.createsConstraint("uq_parcel_size")).contains("V5__actions.sql");
        assertThat(scan.createsConstraint("fk_parcel_sender")).contains("V5__actions.sql");
        assertThat(scan.createsConstraint("pk_parcel")).contains("V5__actions.sql");
        assertThat(scan.createsConstraint("fk_parcel_courier")).contains("V5__actions.sql");
        // a type change creates nothing, but the migration changes the table
        assertThat(scan.createsColumn("parcel", "weight")).contains("V5__actions.sql");
        assertThat(scan.touching("parcel")).containsExactly("V5__actions.sql");
        assertThat(scan.createdBy("V5__actions.sql")).doesNotContain("column parcel.label");
    }

    @Test
    void renamesOfTablesColumnsConstraintsAndIndexesAcrossMigrations() {
        MigrationScan scan = MigrationScan.ofText("V6__renames.sql", """
                alter table crate rename constraint fk_crate_old to fk_crate_depot;
                alter table crate rename column depot to depot_id;
                alter table crate rename to box;
                """);
        assertThat(scan.createsConstraint("fk_crate_depot")).contains("V6__renames.sql");
        assertThat(scan.createsConstraint("fk_crate_old")).isEmpty();
        assertThat(scan.createsColumn("crate", "depot_id")).contains("V6__renames.sql");
        assertThat(scan.dropsColumn("crate", "depot")).contains("V6__renames.sql");
        assertThat(scan.createsTable("box")).contains("V6__renames.sql");
        assertThat(scan.dropsTable("crate")).contains("V6__renames.sql");
    }

    @Test
    void indexesAreCreatedAndDroppedInEveryForm() {
        MigrationScan scan = MigrationScan.ofText("V7__indexes.sql", """
                create unique index concurrently if not exists ix_tag_label on public.tag (label);
                create index ix_tag_live on tag using btree (created) where deleted is null;
                create index ix_tag_gone on tag (kind);
                create index ix_tag_gone_too on tag (kind, label);
                drop index if exists public.ix_tag_gone;
                drop index concurrently ix_tag_gone_too;
                """);
        assertThat(scan.createsIndex("ix_tag_label")).contains("V7__indexes.sql");
        assertThat(scan.createsIndex("ix_tag_live")).contains("V7__indexes.sql");
        assertThat(scan.createsIndex("ix_tag_gone")).isEmpty();
        assertThat(scan.createsIndex("ix_tag_gone_too")).isEmpty();
        assertThat(scan.createsIndex("concurrently")).isEmpty();
        assertThat(scan.createdBy("V7__indexes.sql")).containsExactly("index ix_tag_label", "index ix_tag_live");
    }

    @Test
    void viewsAndSequencesAreTraced() {
        MigrationScan scan = MigrationScan.ofText("V8__views.sql", """
                create sequence seq_ticket start with 1 increment by 50;
                create or replace view open_ticket as select id, title from ticket where closed is null;
                create materialized view ticket_count as select count(*) from ticket;
                create view stale as select 1;
                drop view stale;
                """);
        assertThat(scan.createsSequence("SEQ_TICKET")).contains("V8__views.sql");
        assertThat(scan.createsView("open_ticket")).contains("V8__views.sql");
        assertThat(scan.createsView("ticket_count")).contains("V8__views.sql");
        assertThat(scan.createsView("stale")).isEmpty();
        assertThat(scan.dropsView("stale")).contains("V8__views.sql");
        assertThat(scan.createsTable("open_ticket")).isEmpty();
        // createdBy keeps to what check-db compares
        assertThat(scan.createdBy("V8__views.sql")).isEmpty();
    }

    @Test
    void mariaDbAndMysqlForms() {
        MigrationScan scan = MigrationScan.ofText("V9__mysql.sql", """
                CREATE TABLE `stock` (
                  `id` bigint NOT NULL AUTO_INCREMENT,
                  `sku` varchar(40) NOT NULL,
                  `qty` int DEFAULT 0,
                  PRIMARY KEY (`id`),
                  KEY `ix_stock_sku` (`sku`),
                  CONSTRAINT `fk_stock_item` FOREIGN KEY (`sku`) REFERENCES `item` (`sku`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                ALTER TABLE `stock` MODIFY COLUMN `qty` bigint NOT NULL;
                ALTER TABLE `stock` CHANGE COLUMN `sku` `item_code` varchar(40) NOT NULL;
                ALTER TABLE `stock` ADD INDEX `ix_stock_qty` (`qty`), DROP INDEX `ix_stock_sku`;
                RENAME TABLE `stock` TO `inventory`;
                """);
        assertThat(scan.createsColumn("stock", "id")).contains("V9__mysql.sql");
        assertThat(scan.createsColumn("stock", "qty")).contains("V9__mysql.sql");
        assertThat(scan.createsColumn("stock", "item_code")).contains("V9__mysql.sql");
        assertThat(scan.dropsColumn("stock", "sku")).contains("V9__mysql.sql");
        assertThat(scan.createsConstraint("fk_stock_item")).contains("V9__mysql.sql");
        assertThat(scan.createsIndex("ix_stock_qty")).contains("V9__mysql.sql");
        assertThat(scan.createsIndex("ix_stock_sku")).isEmpty();
        assertThat(scan.createsTable("inventory")).contains("V9__mysql.sql");
        assertThat(scan.dropsTable("stock")).contains("V9__mysql.sql");
        assertThat(scan.unread("V9__mysql.sql")).isEmpty();
    }

    @Test
    void proceduralAndAdministrativeStatementsNeitherBreakTheSplitNorGetGuessed() {
        MigrationScan scan = MigrationScan.ofText("V10__mixed.sql", """
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
                CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger AS $$
                BEGIN
                  NEW.changed := now(); -- a ; inside the body
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;
                DO $body$
                BEGIN
                  EXECUTE 'CREATE TABLE ghost (id int)';
                  ALTER TABLE phantom ADD COLUMN spooky int;
                END
                $body$;
                COMMENT ON TABLE ledger IS 'one row; per entry';
                GRANT SELECT ON ledger TO reporting;
                /* a block comment; /* nested; */ still a comment */
                CREATE TABLE ledger_entry (id bigint, note text DEFAULT 'it''s; fine');
                INSERT INTO ledger_entry (note) VALUES (E'escaped \\'; quote');
                """);
        assertThat(scan.createsTable("ledger_entry")).contains("V10__mixed.sql");
        assertThat(scan.createsColumn("ledger_entry", "note")).contains("V10__mixed.sql");
        assertThat(scan.createsTable("ghost")).isEmpty();
        assertThat(scan.createsColumn("phantom", "spooky")).isEmpty();
        assertThat(scan.touching("phantom")).isEmpty();
        List<MigrationScan.Outcome> unread = scan.unread("V10__mixed.sql");
        assertThat(unread).extracting(MigrationScan.Outcome::kind).containsExactly("DO");
        assertThat(unread).extracting(MigrationScan.Outcome::line).containsExactly(9);
        assertThat(unread.get(0).reason()).isNotBlank();
        assertThat(scan.outcomes()).hasSize(8);
    }

    @Test
    void statementsTheParserCannotReadAreCountedNotGuessed() {
        MigrationScan scan = MigrationScan.ofText("V11__unread.sql", """
                CREATE TABLE IF NOT EXISTS widget (id bigint);
                ALTER TABLE widget DROP FOREIGN KEY fk_widget_maker;
                ALTER INDEX ix_widget_old RENAME TO ix_widget_new;
                CREATE SEQUENCE IF NOT EXISTS seq_widget;
                ALTER TABLE widget_v2 RENAME TO archive;
                """);
        assertThat(scan.createsTable("widget")).contains("V11__unread.sql");
        assertThat(scan.createsIndex("ix_widget_new")).isEmpty();
        assertThat(scan.createsSequence("seq_widget")).isEmpty();
        // JSqlParser 5.4 takes some names for keywords in some places (archive, member, parent)
        assertThat(scan.createsTable("archive")).isEmpty();
        assertThat(scan.unread("V11__unread.sql")).extracting(MigrationScan.Outcome::kind)
                .containsExactly("ALTER TABLE", "ALTER INDEX", "CREATE SEQUENCE", "ALTER TABLE");
        assertThat(scan.unread("V11__unread.sql")).extracting(MigrationScan.Outcome::line).containsExactly(2, 3, 4, 5);
        assertThat(scan.unreadSummary()).contains("4 statement(s) were not read, so what they do is not traced:"
                + " V11__unread.sql (4, line 2: ALTER TABLE; line 3: ALTER INDEX; line 4: CREATE SEQUENCE;"
                + " line 5: ALTER TABLE)");
        assertThat(MigrationScan.ofText("V1__ok.sql", "create table ok (id int);").unreadSummary()).isEmpty();
    }

    @Test
    void theDatabasesDialectReadsItsOwnForms() {
        String postgres = """
                ALTER TABLE widget ADD CONSTRAINT fk_widget_owner
                    FOREIGN KEY (owner_id) REFERENCES owner (id) NOT VALID;
                """;
        assertThat(MigrationScan.ofText("V13__pg.sql", postgres, Dialect.POSTGRESQL)
                .createsConstraint("fk_widget_owner")).contains("V13__pg.sql");
        // the PostgreSQL reading of this form loses the name: the default reading comes first
        String unique = "ALTER TABLE widget ADD CONSTRAINT uq_widget_code UNIQUE (code);";
        assertThat(MigrationScan.ofText("V13__pg.sql", unique, Dialect.POSTGRESQL).createsConstraint("uq_widget_code"))
                .contains("V13__pg.sql");
        // without a known dialect, PostgreSQL's reading is tried after the default one
        assertThat(MigrationScan.ofText("V13__pg.sql", postgres).createsConstraint("fk_widget_owner"))
                .contains("V13__pg.sql");
        String mysql = """
                # a MySQL comment; with a semicolon
                INSERT INTO label (text) VALUES ('it\\'s; one statement');
                CREATE TABLE label_copy (id bigint, text varchar(80) DEFAULT 'no # comment; here');
                """;
        MigrationScan scan = MigrationScan.ofText("V14__mysql.sql", mysql, Dialect.MARIADB);
        assertThat(scan.unread("V14__mysql.sql")).isEmpty();
        assertThat(scan.outcomes()).extracting(MigrationScan.Outcome::line).containsExactly(2, 3);
        assertThat(scan.createsColumn("label_copy", "text")).contains("V14__mysql.sql");
    }

    @Test
    void flywayPlaceholdersStandForUnknownNames() {
        MigrationScan scan = MigrationScan.ofText("V12__placeholders.sql", """
                CREATE TABLE ${flyway:defaultSchema}.audit (id bigint, who varchar(64) DEFAULT '${user}');
                CREATE TABLE ${prefix}_history (id bigint);
                CREATE TABLE ${table} (id bigint);
                SELECT ${not a placeholder;
                CREATE TABLE preference (id bigint, meta varchar(20)); -- a } later on
                """);
        assertThat(scan.createsTable("audit")).contains("V12__placeholders.sql");
        assertThat(scan.createsColumn("audit", "who")).contains("V12__placeholders.sql");
        assertThat(scan.createsTable("_history")).isEmpty();
        assertThat(scan.createsTable("history")).isEmpty();
        // names made of placeholders are not known here: nothing is recorded for them
        assertThat(scan.createdBy("V12__placeholders.sql")).containsExactly("table audit", "column audit.id",
                "column audit.who", "table preference", "column preference.id", "column preference.meta");
        assertThat(scan.unread("V12__placeholders.sql")).extracting(MigrationScan.Outcome::line).containsExactly(4);
    }

    @Test
    void baselineVersionedAndRepeatableMigrationsInFlywaysOrder(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V1__start.sql"), "create table region (id bigint);");
        Files.writeString(folder.resolve("V2__more.sql"), "create table depot (id bigint, region_id bigint);"
                + " create view depot_list as select id from depot;");
        Files.writeString(folder.resolve("B2__baseline.sql"), "create table region (id bigint);"
                + " create table depot (id bigint, region_id bigint); create table legacy_code (code varchar(8));");
        Files.writeString(folder.resolve("V3__later.sql"),
                "drop view depot_list; alter table depot add column label text;");
        Files.writeString(folder.resolve("R__views.sql"),
                "create or replace view depot_list as select id, label from depot;");
        Files.writeString(folder.resolve("U3__later.sql"), "create table undo_only (id bigint);");
        MigrationScan scan = MigrationScan.ofFiles(Files.list(folder).sorted().toList(), null);
        // a versioned migration that makes the object is named before the baseline that repeats it
        assertThat(scan.createsTable("region")).contains("V1__start.sql");
        assertThat(scan.createsTable("depot")).contains("V2__more.sql");
        // what only the baseline makes any more is traced to the baseline
        assertThat(scan.createsTable("legacy_code")).contains("B2__baseline.sql");
        assertThat(scan.createsColumn("depot", "label")).contains("V3__later.sql");
        // repeatable migrations run after the versioned ones
        assertThat(scan.createsView("depot_list")).contains("R__views.sql");
        assertThat(scan.createsTable("undo_only")).isEmpty();
        assertThat(scan.outcomes()).extracting(MigrationScan.Outcome::migration).containsSubsequence(
                "B2__baseline.sql", "V1__start.sql", "V2__more.sql", "V3__later.sql", "R__views.sql");
    }

    /**
     * Issue 18: given the database's history, the scan reads what built it. Nothing applied: what
     * migrate runs on it, the newest baseline migration and what is above it. Versioned migrations
     * applied and no baseline: the versioned chain, no baseline migration (Flyway ignores it there).
     */
    @Test
    void withTheDatabasesHistoryOnlyTheMigrationsThatBuildItAreRead(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V1__start.sql"), "create table region (id bigint);");
        Files.writeString(folder.resolve("V2__more.sql"), "create table depot (id bigint);");
        Files.writeString(folder.resolve("B2__baseline.sql"), "create table region (id bigint);"
                + " create table depot (id bigint); create table legacy_code (code varchar(8));");
        Files.writeString(folder.resolve("V3__later.sql"), "alter table depot add column label text;");
        Files.writeString(folder.resolve("R__views.sql"), "create view depot_list as select id, label from depot;");
        List<MigrationDirectory> folders = List.of(new MigrationDirectory(folder));

        MigrationScan fresh = MigrationScan.of(folders, null, new FlywayHistory(false, List.of(), null));

        assertThat(fresh.outcomes()).extracting(MigrationScan.Outcome::migration).containsExactly(
                "B2__baseline.sql", "B2__baseline.sql", "B2__baseline.sql", "V3__later.sql", "R__views.sql");
        assertThat(fresh.createsTable("region")).contains("B2__baseline.sql");

        FlywayHistory.Migration v1 = new FlywayHistory.Migration("1", "start", "V1__start.sql", AppliedState.APPLIED,
                null, true, null, false);
        MigrationScan chain = MigrationScan.of(folders, null, new FlywayHistory(true, List.of(v1), "1"));

        assertThat(chain.createsTable("region")).contains("V1__start.sql");
        assertThat(chain.createsTable("legacy_code")).isEmpty();
        assertThat(chain.outcomes()).extracting(MigrationScan.Outcome::migration).doesNotContain("B2__baseline.sql");
    }

    @Test
    void theFoldersOfTheProjectAreReadThroughTheMigrationDirectory(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("sub"));
        // saved with a byte order mark, as some Windows editors do
        Files.writeString(folder.resolve("V1__start.sql"), "\uFEFFcreate table region (id bigint);");
        Files.writeString(folder.resolve("sub/V2__more.sql"), "alter table region add column name text;");
        Files.writeString(folder.resolve("R__views.sql"), "create view region_names as select name from region;");
        MigrationScan scan = MigrationScan.of(List.of(new MigrationDirectory(folder)));
        assertThat(scan.createsColumn("region", "name")).contains("V2__more.sql");
        assertThat(scan.createsView("region_names")).contains("R__views.sql");
        assertThat(scan.createsTable("region")).contains("V1__start.sql");
        assertThat(scan.unreadSummary()).isEmpty();
    }
}
