package io.github.jpamigrate.processor.oracle;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.SchemaNormalForm;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * For every fixture, on a real H2, PostgreSQL and MariaDB: the schema our migration builds and the
 * schema Hibernate ORM's own export builds ({@code hbm2ddl.auto=create-only}) for the same entity
 * classes, each in its own scratch schema, read back through the plugin's JDBC introspection
 * ({@link SchemaReader}, as {@code verify} reads) are the same in the dialect's normal form:
 * tables, columns, stored types, nullability, defaults, primary keys, foreign key targets and
 * delete actions, unique constraints and indexes, with constraint names ignored; and the column
 * order of primary and foreign keys, which the diff does not compare. SQLite is left
 * out: Hibernate's SQLite DDL has no foreign keys and no multi-column unique constraints.
 */
class HibernateExportOracleTest {

    /**
     * Combinations where the two schemas differ, with a text the outcome (Hibernate's export error,
     * or the differences) is asserted to contain, case-insensitively; fixing one turns its test
     * red until it is taken off the list. Keys with an ORM line apply to that line only.
     */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            // Hibernate's own export fails: it does not quote names that are keywords of the database
            // (without hibernate.auto_quote_keyword=true), where our renderers quote them.
            Map.entry("basics on h2", "error executing ddl \"create table user ("),
            Map.entry("basics on postgresql", "error executing ddl \"create table user ("),
            Map.entry("ids-and-generators on h2", "create table booking ([*]day date"),
            Map.entry("types on h2", "currencycode varchar(3), [*]day date"),
            Map.entry("types on mariadb", "near 'longtext mediumtext"),
            // @Table(schema = "audit"): Hibernate's export needs hibernate.hbm2ddl.create_namespaces to
            // create the schema; JPA Migrate's generate refuses such a table (see docs/dialects.md).
            Map.entry("access on h2", "schema \"audit\" not found"),
            Map.entry("access on postgresql", "schema \"audit\" does not exist"));

    @TestFactory
    Stream<DynamicTest> ourMigrationsBuildTheSchemaHibernatesExportBuilds() {
        return Fixture.names().stream().flatMap(fixture -> Stream.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.MARIADB)
                .map(dialect -> dynamicTest(fixture + " on " + dialect + " (" + HibernateModel.ormLine() + ")",
                        () -> compare(fixture, dialect))));
    }

    private static void compare(String fixture, Dialect dialect) throws SQLException {
        FixtureBuild build = FixtureBuild.of(Fixture.load(fixture), HibernateOracleTest.processorOptions(Naming.JPA));
        try (Scratch ours = Scratch.create(dialect); Scratch theirs = Scratch.create(dialect)) {
            FirstMigration.apply(ours, dialect, build.descriptor());
            String exportFailure = export(build, theirs);
            List<String> differences = new ArrayList<>();
            if (exportFailure == null) {
                SchemaModel ourSchema = read(ours, dialect);
                SchemaModel theirSchema = withoutUnmanaged(read(theirs, dialect), build.descriptor());
                SchemaDiff.compare(ourSchema, theirSchema).forEach(change -> differences.add(change.describe()));
                differences.addAll(keyOrderDifferences(ourSchema, theirSchema));
            }
            String known = HibernateModel.forThisOrmLine(KNOWN, fixture + " on " + dialect);
            if (known == null) {
                assertThat(exportFailure).as("Hibernate's export").isNull();
                assertThat(differences).as("our schema -> Hibernate's schema").isEmpty();
            } else {
                String outcome = (exportFailure != null ? exportFailure : String.join("\n", differences)).toLowerCase(Locale.ROOT);
                assertThat(outcome).as("the known difference").contains(known);
            }
        }
    }

    /**
     * The diff compares keys as column sets; the order of their columns, which decides the leading
     * column of the key's index, is compared here: primary keys and foreign keys column by column.
     */
    private static List<String> keyOrderDifferences(SchemaModel ours, SchemaModel theirs) {
        List<String> out = new ArrayList<>();
        for (Table table : ours.tables()) {
            Table other = theirs.tables().stream().filter(t -> t.name().equalsIgnoreCase(table.name())).findFirst().orElse(null);
            if (other == null) {
                continue;
            }
            if (table.primaryKey() != null && other.primaryKey() != null
                    && !lower(table.primaryKey().columns()).equals(lower(other.primaryKey().columns()))) {
                out.add("primary key of " + table.name() + " in the order " + table.primaryKey().columns() + ", not "
                        + other.primaryKey().columns());
            }
            for (ForeignKey key : table.foreignKeys()) {
                boolean sameOrder = other.foreignKeys().stream().anyMatch(k -> k.referencedTable().equalsIgnoreCase(key.referencedTable())
                        && lower(k.columns()).equals(lower(key.columns())) && lower(k.referencedColumns()).equals(lower(key.referencedColumns())));
                if (!sameOrder) {
                    out.add("foreign key " + table.name() + key.columns() + " -> " + key.referencedTable() + key.referencedColumns()
                            + " not in Hibernate's column order");
                }
            }
        }
        return out;
    }

    private static List<String> lower(List<String> columns) {
        return columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Hibernate's schema without the tables our descriptor marks as views or external objects, and
     * without the foreign keys to them: Hibernate's export creates a table for an {@code @Immutable}
     * entity, which the project's own migrations create in ours (docs/descriptor-format.md, table kinds).
     */
    private static SchemaModel withoutUnmanaged(SchemaModel theirs, SchemaModel descriptor) {
        Set<String> unmanaged = DescriptorShape.unmanaged(descriptor);
        List<Table> tables = theirs.tables().stream().filter(t -> !unmanaged.contains(t.name().toLowerCase(Locale.ROOT)))
                .map(t -> TableBuilder.from(t).foreignKeys(t.foreignKeys().stream()
                        .filter(k -> !unmanaged.contains(k.referencedTable().toLowerCase(Locale.ROOT))).toList()).build())
                .toList();
        return ModelBuilder.from(theirs).tables(tables).build();
    }

    /** Runs Hibernate's export; the failure with its causes, or null when it built the schema. */
    private static String export(FixtureBuild build, Scratch scratch) {
        try {
            HibernateSchemaTool.boot(build, scratch, "create-only");
            return null;
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder("Hibernate's export failed:");
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append(" / ").append(t.getMessage());
            }
            return causes.toString();
        }
    }

    /** The schema in the scratch database, in the dialect's normal form, without constraint names. */
    private static SchemaModel read(Scratch scratch, Dialect dialect) throws SQLException {
        SchemaModel read;
        try (Connection connection = scratch.connect()) {
            read = new SchemaReader(dialect, Set.of()).read(connection, null);
        }
        SchemaModel normal = SchemaNormalForm.of(read, dialect);
        List<Table> tables = normal.tables().stream().map(t -> TableBuilder.from(t).foreignKeys(t.foreignKeys().stream()
                .map(k -> new ForeignKey("fk", k.columns(), k.referencedTable(), k.referencedColumns(), k.onDelete())).toList())
                .build()).toList();
        return ModelBuilder.from(normal).tables(tables).build();
    }
}
