package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad-input catalogue: names longer than the dialect allows, counted the way the database counts. */
class IdentifierLimitsTest {

    private static SchemaModel model(String table, String column, String index, String sequence) {
        Table t = TableBuilder.table(table).column(Column.of("id", ColumnType.of(TypeKind.BIGINT), false))
                .column(Column.of(column, ColumnType.of(TypeKind.INTEGER), true)).primaryKey("id")
                .index(new Index(index, List.of(column), false)).entity("com.example.Wide").build();
        return ModelBuilder.model().table(t).sequence(new Sequence(sequence, null, 1, 50)).build();
    }

    @Test
    void postgresqlCountsBytesUpTo63() {
        String fits = "t".repeat(63);
        assertThat(IdentifierLimits.violations(model(fits, "c", "i", "s"), Dialect.POSTGRESQL)).isEmpty();

        String umlauts = "ä".repeat(32); // 32 characters, 64 bytes in UTF-8
        assertThat(IdentifierLimits.violations(model("t", umlauts, "i", "s"), Dialect.POSTGRESQL)).containsExactly(
                "column t." + umlauts + " \"" + umlauts + "\" (table t, entity com.example.Wide) is 64 bytes; postgresql"
                        + " allows 63 bytes. Shorten it with @Column(name = ...), @JoinColumn(name = ...) or @AttributeOverride.");
        assertThat(IdentifierLimits.violations(model("t", umlauts, "i", "s"), Dialect.MYSQL)).isEmpty();
    }

    @Test
    void mysqlAndMariaDbCountCharactersUpTo64() {
        String tooLong = "x".repeat(65);
        for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.MARIADB)) {
            assertThat(IdentifierLimits.violations(model("t".repeat(64), "c", "i", "s"), dialect)).isEmpty();
            assertThat(IdentifierLimits.violations(model(tooLong, "c", tooLong, tooLong), dialect)).containsExactly(
                    "table name \"" + tooLong + "\" (table " + tooLong + ", entity com.example.Wide) is 65 characters; "
                            + dialect.id() + " allows 64 characters. Shorten it with @Table(name = ...) or @Entity(name = ...).",
                    "index name \"" + tooLong + "\" (table " + tooLong + ", entity com.example.Wide) is 65 characters; "
                            + dialect.id() + " allows 64 characters. Shorten it with @Index(name = ...).",
                    "sequence name \"" + tooLong + "\" is 65 characters; " + dialect.id() + " allows 64 characters."
                            + " Shorten it with @SequenceGenerator(sequenceName = ...).");
        }
    }

    @Test
    void sqliteHasNoLimitAndH2Allows256() {
        String long300 = "n".repeat(300);
        assertThat(IdentifierLimits.violations(model(long300, "c", "i", "s"), Dialect.SQLITE)).isEmpty();
        assertThat(IdentifierLimits.violations(model("n".repeat(256), "c", "i", "s"), Dialect.H2)).isEmpty();
        assertThat(IdentifierLimits.violations(model(long300, "c", "i", "s"), Dialect.H2)).hasSize(1);
    }
}
