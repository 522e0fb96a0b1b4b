package io.github.jpamigrate.processor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.processor.oracle.SchemaShape.ColumnShape;
import io.github.jpamigrate.processor.oracle.SchemaShape.TableShape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Hibernate side of the oracle reads what it should: known facts of the fixtures, checked
 * without the processor, so a comparison can only pass on real agreement.
 */
class HibernateModelOracleTest {

    private static final boolean HIBERNATE_7 = HibernateModel.ormLine().equals("hibernate-7");

    @Test
    void readsTypesNullabilityKeysAndExplicitNamesOnly() {
        TableShape user = shape("basics", OracleDialect.POSTGRESQL, Naming.JPA).tables().get("user");

        assertThat(user.columns().get("id")).isEqualTo(new ColumnShape("bigint", false, true, null, null));
        assertThat(user.columns().get("createdat").type()).isEqualTo("timestamp(6) with time zone");
        assertThat(user.columns().get("login")).isEqualTo(new ColumnShape("varchar(40)", false, false, null, null));
        assertThat(user.columns().get("version").nullable()).isEqualTo(!HIBERNATE_7);
        assertThat(user.primaryKey()).containsExactly("id");
        assertThat(user.uniqueKeys()).containsEntry("(email)", null)
                .containsEntry("(login, tenant)", "uk_user_tenant_login");
        assertThat(user.indexes()).containsEntry("(email)", "idx_user_email")
                .containsEntry("(lastname, firstname desc)", null);
        // enum value checks are left to the renderers
        assertThat(user.checks()).isEmpty();
    }

    @Test
    void readsForeignKeysWithTheirTargetsAndActions() {
        SchemaShape relations = shape("relations", OracleDialect.SQLITE, Naming.JPA);

        assertThat(relations.tables().get("purchaseorder").foreignKeys())
                .containsEntry("(billed_to) -> customer (id) on delete no action", "fk_order_billed_to")
                .containsEntry("(customer_id) -> customer (id) on delete no action", null);
        assertThat(relations.tables().get("orderline").foreignKeys()).containsOnlyKeys(
                "(order_id) -> purchaseorder (id) on delete no action",
                "(product_code) -> product (code) on delete no action");
        assertThat(shape("hibernate-extras", OracleDialect.H2, Naming.JPA).tables().get("articlecomment")
                .foreignKeys()).containsOnlyKeys("(article_id) -> article (id) on delete cascade");
    }

    @Test
    void emulatesSequencesWithTablesWhereTheDialectHasNone() {
        SchemaShape onMysql = shape("ids-and-generators", OracleDialect.MYSQL, Naming.JPA);
        SchemaShape onPostgresql = shape("ids-and-generators", OracleDialect.POSTGRESQL, Naming.JPA);

        assertThat(onMysql.sequences()).isEmpty();
        assertThat(onMysql.tables().get("invoice_seq").columns())
                .containsExactly(entry("next_val", new ColumnShape("bigint", true, false, null, null)));
        assertThat(onPostgresql.sequences()).contains("invoice_seq start 1000 increment 20",
                "receipt_seq start 1 increment 50");
        assertThat(onPostgresql.tables().get("hibernate_sequences").primaryKey()).containsExactly("sequence_name");
    }

    @Test
    void comparesDiscriminatorChecksButNotValueListsOfEnums() {
        TableShape vehicle = shape("inheritance-single", OracleDialect.POSTGRESQL, Naming.SPRING)
                .tables().get("vehicle");

        if (HIBERNATE_7) {
            assertThat(vehicle.checks()).containsExactlyInAnyOrder(
                    "dtype in('Car','TRUCK','Vehicle')", "dtype <> 'Car' or(seats is not null)");
        } else {
            assertThat(vehicle.checks()).isEmpty();
        }
        assertThat(vehicle.columns().get("seats").nullable()).isTrue();
    }

    @Test
    void appliesBeanValidationConstraintsAsASessionFactoryWould() {
        TableShape applicant = shape("validation", OracleDialect.POSTGRESQL, Naming.JPA).tables().get("applicant");

        assertThat(applicant.columns().get("surname").nullable()).isFalse();
        assertThat(applicant.columns().get("city").nullable()).isFalse();
        assertThat(applicant.columns().get("given_name").type()).isEqualTo("varchar(20)");
        assertThat(applicant.columns().get("expectedsalary").type()).isEqualTo("numeric(10,3)");
        assertThat(applicant.checks()).as("one check per column, as Hibernate's DDL writes it").contains("(age<=99) and (age>=18)")
                .as("an embedded value without @Valid is not validated").doesNotContain("old_number>=1");
        // the join column copied the referenced key's type before validation narrowed the key
        assertThat(applicant.columns().get("office_code").type()).isEqualTo("varchar(255)");
    }

    @Test
    void springNamingSnakeCasesAndNamesJoinTablesAfterTheAttribute() {
        SchemaShape relations = shape("relations", OracleDialect.H2, Naming.SPRING);

        assertThat(relations.tables()).containsKeys("customer_favourite_tags", "purchase_order", "order_line")
                .doesNotContainKey("customer_tag");
        assertThat(relations.sequences()).contains("customer_profile_seq start 1 increment 50");
    }

    private static SchemaShape shape(String fixture, OracleDialect dialect, Naming naming) {
        FixtureBuild build = FixtureBuild.of(Fixture.load(fixture), HibernateOracleTest.processorOptions(naming));
        try (HibernateModel model = HibernateModel.boot(build, dialect, naming)) {
            return model.shape();
        }
    }

    private static <V> Map.Entry<String, V> entry(String key, V value) {
        return Map.entry(key, value);
    }
}
