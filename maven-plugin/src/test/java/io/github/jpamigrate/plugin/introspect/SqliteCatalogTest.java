package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's catalogue read with set-wide queries ({@link SqliteCatalog}) is exactly what the
 * driver's {@code DatabaseMetaData}, table by table, reports: on a schema with every shape the
 * renderer writes and a few it does not (named and composite keys, quoted names, autoincrement,
 * expression defaults, composite foreign keys with each action, unique and multi-column indexes).
 */
class SqliteCatalogTest {

    private static final String[] SCHEMA = {
        "create table customer (id bigint not null, email varchar(320) not null unique, balance numeric(38,2),"
                + " status varchar(255) check (status in ('NEW','ACTIVE')), created_at timestamp default CURRENT_TIMESTAMP,"
                + " role varchar(20) default 'user' not null, primary key (id))",
        "create table \"order\" (id integer primary key autoincrement, customer_id bigint not null,"
                + " total float, \"group\" varchar(10),"
                + " constraint fk_order_customer foreign key (customer_id) references customer (id) on delete cascade)",
        "create table line (order_id bigint not null, position integer not null, sku varchar(40) not null,"
                + " qty integer default 1, constraint pk_line primary key (order_id, position),"
                + " foreign key (order_id) references \"order\" (id) on delete set null)",
        "create table note (id varchar(36) primary key, text clob, line_order bigint, line_position integer,"
                + " flag boolean default false not null,"
                + " foreign key (line_order, line_position) references line (order_id, position) on delete restrict,"
                + " unique (line_order, line_position))",
        "create table \"Mixed Case\" (\"Id\" bigint not null, \"Value\" decimal(19,2), primary key (\"Id\"))",
        "create table untyped (a, b blob, c)",
        "create index idx_customer_created on customer (created_at)",
        "create unique index uk_customer_email_role on customer (email, role)",
        "create index idx_line_sku_qty on line (sku, qty desc)",
        "create index \"idx mixed\" on \"Mixed Case\" (\"Value\")",
        "create table flyway_schema_history (installed_rank int not null primary key)",
    };

    @Test
    void setWideQueriesReadWhatDatabaseMetaDataReads(@TempDir Path dir) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.db"));
             Statement sql = connection.createStatement()) {
            for (String statement : SCHEMA) {
                sql.execute(statement);
            }
            Set<String> ignored = Set.of(FlywaySettings.DEFAULT_TABLE);
            SchemaModel setWide = new SchemaReader(Dialect.SQLITE, ignored, true).read(connection, null);
            SchemaModel perTable = new SchemaReader(Dialect.SQLITE, ignored, false).read(connection, null);

            assertThat(setWide.tables()).hasSize(6);
            // The one intended difference: the rowid alias ("order".id integer primary key) can never
            // hold NULL, though the driver (reading the pragma) reports it nullable.
            Table order = setWide.table("order").orElseThrow();
            assertThat(order.column("id").orElseThrow().nullable()).isFalse();
            assertThat(perTable.table("order").orElseThrow().column("id").orElseThrow().nullable()).isTrue();
            assertThat(setWide.tables()).filteredOn(t -> !t.name().equals("order"))
                    .isEqualTo(perTable.tables().stream().filter(t -> !t.name().equals("order")).toList());
            assertThat(order.columns()).filteredOn(c -> !c.name().equals("id"))
                    .isEqualTo(perTable.table("order").orElseThrow().columns().stream()
                            .filter(c -> !c.name().equals("id")).toList());
            assertThat(order.foreignKeys()).isEqualTo(perTable.table("order").orElseThrow().foreignKeys());
            // Other primary keys keep what the pragma says: SQLite lets them hold NULL.
            assertThat(setWide.table("note").orElseThrow().column("id").orElseThrow().nullable()).isTrue();
            Table line = setWide.tables().stream().filter(t -> t.name().equals("line")).findFirst().orElseThrow();
            assertThat(line.primaryKey().name()).isEqualTo("pk_line");
            assertThat(line.primaryKey().columns()).containsExactly("order_id", "position");
            assertThat(line.foreignKeys()).singleElement().satisfies(key -> {
                assertThat(key.referencedTable()).isEqualTo("order");
                assertThat(key.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
            });
            assertThat(line.indexes()).extracting(Index::name).containsExactly("idx_line_sku_qty");
        }
    }
}
