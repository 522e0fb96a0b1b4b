package io.github.jpamigrate.processor.oracle;

import io.github.jpamigrate.core.dialect.Dialect;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * SQLite has no sequences: Hibernate keeps each in a one-row table of the sequence's name, which for an
 * implicit sequence comes from the root entity's table. Our first migration for the
 * {@code sequence-names} fixture must give Hibernate's validator exactly those tables ({@link
 * SchemaValidatorOracleTest} covers the engines with sequences).
 */
class SqliteSequenceTableOracleTest {

    @Test
    void ourSequenceTablesPassHibernatesValidationOnSqlite() throws SQLException {
        FixtureBuild build = FixtureBuild.of(Fixture.load("sequence-names"),
                HibernateOracleTest.processorOptions(Naming.JPA));
        try (Scratch scratch = Scratch.create(Dialect.SQLITE)) {
            FirstMigration.apply(scratch, Dialect.SQLITE, build.descriptor());
            HibernateSchemaTool.boot(build, scratch, "validate");
        }
    }
}
