package io.github.jpamigrate.plugin.init;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.SqlTypeText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.github.jpamigrate.plugin.project.ShopModels.shop;
import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot of {@code init} from a schema as {@code SchemaReader} reports it, without a database. */
class InitSnapshotTest {

    /** The shop as MariaDB reports it when a hand-written migration declared {@code status} so. */
    private static SchemaModel mariadb(String statusType) {
        Table customer = TableBuilder.table("customer").columns(List.of(
                column("id", "bigint", false), column("email", "varchar(255)", false),
                column("name", "varchar(100)", true), column("status", statusType, true)))
                .primaryKey(shop().table("customer").orElseThrow().primaryKey())
                .index(new Index("email_uk", List.of("email"), true)).index(new Index("idx_customer_name", List.of("name"), false))
                .build();
        Table order = shop().table("order").orElseThrow();
        Table readOrder = TableBuilder.table("order").columns(List.of(column("id", "bigint", false),
                column("customer_id", "bigint", false), column("total", "decimal(38,2)", true)).stream()
                        .map(c -> c.name().equals("id") ? c.withIdentity(true) : c).toList())
                .primaryKey(order.primaryKey()).foreignKeys(order.foreignKeys()).build();
        return ModelBuilder.model().naming("database").orm("mariadb").producer("jdbc").table(customer).table(readOrder).build();
    }

    /** A column as the reader reports it: the SQL type text kept as the definition. */
    private static Column column(String name, String sql, boolean nullable) {
        return new Column(name, SqlTypeText.parse(sql), nullable, false, null, false, sql,
                null, null);
    }

    @Test
    void anEnumColumnOfAnotherTypeLosesItsBindingSoTheDiffShowsBoth() {
        SchemaModel snapshot = InitSnapshot.of(shop(), mariadb("varchar(40)"), Dialect.MARIADB, Set.of("customer_seq"));

        List<String> changes = SchemaDiff.compare(snapshot, shop()).stream().map(SchemaChange::describe).toList();

        assertThat(changes).containsExactly("change column customer.status: type varchar(40) -> varchar(255),"
                + " enum none -> com.example.shop.Status STRING");
        assertThat(snapshot.table("customer").orElseThrow().column("status").orElseThrow().type())
                .isEqualTo(ColumnType.withLength(TypeKind.VARCHAR, 40));
    }

    /** As verify compares them: a MariaDB {@code enum(...)} and {@code varchar(255)} are the same column. */
    @Test
    void whatVerifyCallsEqualKeepsTheModelsDescription() {
        for (String status : List.of("varchar(255)", "enum('NEW','ACTIVE')")) {
            SchemaModel snapshot = InitSnapshot.of(shop(), mariadb(status), Dialect.MARIADB, Set.of("customer_seq"));

            assertThat(snapshot).as(status).isEqualTo(shop());
        }
    }

    /**
     * A team's migration names an index or a foreign key otherwise than the entity does: the diff
     * ignores names, so there is no change to make, but the snapshot must carry the database's
     * name, or a later drop (the column goes, and its index with it) names an index the database
     * does not have (measured on a real project: {@code drop index} failed in the self-check).
     */
    @Test
    void anIndexOrForeignKeyTheMigrationsNamedOtherwiseKeepsTheDatabasesName() {
        SchemaModel read = mariadb("varchar(255)");
        Table customer = TableBuilder.from(read.table("customer").orElseThrow()).indexes(List.of(
                new Index("email_uk", List.of("email"), true), new Index("ix_customer_by_name", List.of("name"), false))).build();
        Table order = read.table("order").orElseThrow();
        Table readOrder = TableBuilder.from(order).foreignKeys(order.foreignKeys().stream()
                .map(k -> new io.github.jpamigrate.core.model.ForeignKey("order_customer_ref", k.columns(), k.referencedTable(),
                        k.referencedColumns(), k.onDelete())).toList()).build();
        SchemaModel named = ModelBuilder.model().naming("database").orm("mariadb").producer("jdbc").table(customer)
                .table(readOrder).build();

        SchemaModel snapshot = InitSnapshot.of(shop(), named, Dialect.MARIADB, Set.of("customer_seq"));

        assertThat(SchemaDiff.compare(snapshot, shop())).isEmpty();
        assertThat(snapshot.table("customer").orElseThrow().indexes()).extracting(Index::name).contains("ix_customer_by_name")
                .doesNotContain("idx_customer_name");
        assertThat(snapshot.table("order").orElseThrow().foreignKeys()).extracting(io.github.jpamigrate.core.model.ForeignKey::name)
                .containsExactly("order_customer_ref");
    }

    @Test
    void aSequenceTheMigrationsDidNotCreateIsLeftOut() {
        SchemaModel snapshot = InitSnapshot.of(shop(), mariadb("varchar(255)"), Dialect.MARIADB, Set.of());

        assertThat(snapshot.sequences()).isEmpty();
        assertThat(SchemaDiff.compare(snapshot, shop()).stream().map(SchemaChange::describe))
                .contains("add sequence customer_seq");
    }
}
