package io.github.jpamigrate.processor.oracle;

import static io.github.jpamigrate.processor.oracle.SchemaShape.canonicalType;
import static io.github.jpamigrate.processor.oracle.SchemaShape.fold;
import static io.github.jpamigrate.processor.oracle.SchemaShape.qualified;

import io.github.jpamigrate.processor.oracle.SchemaShape.ColumnShape;
import io.github.jpamigrate.processor.oracle.SchemaShape.TableShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;

/**
 * Hibernate's boot metamodel of a compiled fixture for one dialect and naming convention, built
 * without a database, and read into a {@link SchemaShape}. Only API that Hibernate 6.6 and 7.x
 * share is used, so the same code runs on both lines.
 */
final class HibernateModel implements AutoCloseable {

    /** Hibernate's generated constraint names: a prefix and a hash; any other name came from the mapping. */
    private static final Pattern GENERATED_NAME = Pattern.compile("(FK|UK|IDX)[0-9a-z]{20,}");
    private static final Pattern IN_LIST = Pattern.compile(" in\\(([^()]*)\\)");
    /**
     * A column check that lists the allowed values ({@code c in (...)}, {@code c between 0 and n}):
     * Hibernate derives those from an enum or a converter; the descriptor keeps the enum instead
     * and renderers derive the check, so they are not compared here.
     */
    private static final Pattern VALUE_LIST = Pattern.compile("[^ ]+ (in\\(.*\\)|between -?\\d+ and -?\\d+)");

    /** Held so the level sticks: JUL keeps loggers only weakly. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(Level.SEVERE);
    }

    private final StandardServiceRegistry registry;
    private final Metadata metadata;
    private final SessionFactory sessionFactory;

    private HibernateModel(StandardServiceRegistry registry, Metadata metadata, SessionFactory sessionFactory) {
        this.registry = registry;
        this.metadata = metadata;
        this.sessionFactory = sessionFactory;
    }

    /** The running Hibernate line as the processor's {@code -Ajpamigrate.orm} value. */
    static String ormLine() {
        return Version.getVersionString().startsWith("6.") ? "hibernate-6.6" : "hibernate-7";
    }

    /** The entry of {@code byKey} for {@code key}, else the one for {@code key} on the running Hibernate line ({@code "key (hibernate-7)"}). */
    static <V> V forThisOrmLine(Map<String, V> byKey, String key) {
        return byKey.getOrDefault(key, byKey.get(key + " (" + ormLine() + ")"));
    }

    static HibernateModel boot(FixtureBuild build, OracleDialect dialect, Naming naming) {
        StandardServiceRegistryBuilder settings = dialectSettings(build, dialect, naming);
        boolean validated = HibernateBoot.applyBeanValidation(settings, build);
        return build(settings, build, validated);
    }

    /**
     * Booted as an application's session factory is, with a Bean Validation provider present and
     * these settings ({@code jakarta.persistence.validation.mode}, {@code hibernate.validator.apply_to_ddl}).
     */
    static HibernateModel bootWithValidator(FixtureBuild build, OracleDialect dialect, Naming naming,
                                            Map<String, String> validationSettings) {
        StandardServiceRegistryBuilder settings = dialectSettings(build, dialect, naming);
        HibernateBoot.applyValidatorFactory(settings);
        validationSettings.forEach(settings::applySetting);
        return build(settings, build, true);
    }

    private static StandardServiceRegistryBuilder dialectSettings(FixtureBuild build, OracleDialect dialect,
                                                                  Naming naming) {
        StandardServiceRegistryBuilder settings = HibernateBoot.settings(build)
                .applySetting("hibernate.dialect", dialect.hibernateDialect())
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("jakarta.persistence.database-product-version", dialect.version());
        naming.hibernateSettings().forEach(settings::applySetting);
        return settings;
    }

    private static HibernateModel build(StandardServiceRegistryBuilder settings, FixtureBuild build, boolean validated) {
        StandardServiceRegistry registry = settings.build();
        try {
            Metadata metadata = HibernateBoot.metadata(registry, build);
            // Bean Validation constraints reach the mapping only while a session factory is built
            return new HibernateModel(registry, metadata, validated ? metadata.buildSessionFactory() : null);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    @Override
    public void close() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        StandardServiceRegistryBuilder.destroy(registry);
    }

    /** Hibernate's schema: every physical table and sequence of every namespace. */
    SchemaShape shape() {
        SortedMap<String, TableShape> tables = SchemaShape.sortedMap();
        SortedSet<String> sequences = new TreeSet<>();
        Set<Column> discriminators = discriminatorColumns();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable()) {
                    tables.put(qualified(table.getSchema(), table.getName()), table(table, discriminators));
                }
            }
            for (Sequence sequence : namespace.getSequences()) {
                Identifier schema = sequence.getName().getSchemaName();
                sequences.add(qualified(schema == null ? null : schema.getText(),
                                sequence.getName().getSequenceName().getText())
                        + " start " + sequence.getInitialValue() + " increment " + sequence.getIncrementSize());
            }
        }
        return new SchemaShape(tables, sequences);
    }

    /** Writes Hibernate's create script for this dialect, for reading next to a failure. */
    Path writeDdl(Path file) {
        List<String> commands = new SchemaCreatorImpl(registry).generateCreationCommands(metadata, false);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, commands.stream().map(c -> c + ";").toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Discriminator columns: Hibernate 7 puts their "value in (...)" check on the column, the
     * descriptor among the table checks, where it is compared like any other column check.
     */
    private Set<Column> discriminatorColumns() {
        Set<Column> columns = new HashSet<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            // a @DiscriminatorFormula discriminator has no column (getColumns() refuses formulas)
            if (entity.getDiscriminator() != null && !entity.getDiscriminator().hasFormula()) {
                columns.addAll(entity.getDiscriminator().getColumns());
            }
        }
        return columns;
    }

    private TableShape table(Table table, Set<Column> discriminators) {
        Dialect dialect = metadata.getDatabase().getDialect();
        List<Column> keyColumns = table.getPrimaryKey() == null ? List.of() : table.getPrimaryKey().getColumns();
        SortedMap<String, ColumnShape> columns = SchemaShape.sortedMap();
        SortedMap<String, String> uniques = SchemaShape.sortedMap();
        SortedSet<String> checks = new TreeSet<>();
        for (Column column : table.getColumns()) {
            columns.put(fold(column.getName()), column(column, keyColumns.contains(column), dialect));
            checks.addAll(columnChecks(column, discriminators.contains(column)));
            // as the export (ColumnDefinitions, both lines): no unique on the table's only key column
            if (column.isUnique() && !table.isPrimaryKey(column)) {
                uniques.putIfAbsent(columnList(List.of(column.getName())), null);
            }
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            uniques.put(columnList(names(key.getColumns())), explicit(key.getName()));
        }
        for (CheckConstraint check : table.getChecks()) {
            checks.add(canonicalCheck(check.getConstraint()));
        }
        for (Index index : table.getIndexes().values()) {
            if (index.isUnique()) {
                uniques.put(columnList(names(index.getColumns())), explicit(index.getName()));
            }
        }
        return new TableShape(qualified(table.getSchema(), table.getName()), columns, sortedNames(keyColumns),
                foreignKeys(table), uniques, indexes(table), checks, table.getComment());
    }

    /**
     * A column's checks as Hibernate's DDL writes them: the unnamed ones of one column are a single
     * {@code check ((a) and (b))} (ColumnDefinitions, both lines), the named ones one each.
     */
    private static List<String> columnChecks(Column column, boolean discriminator) {
        List<String> out = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (CheckConstraint check : column.getCheckConstraints()) {
            String text = canonicalCheck(check.getConstraint());
            if (!discriminator && VALUE_LIST.matcher(text).matches()) {
                continue;
            }
            if (check.isAnonymous()) {
                unnamed.add(text);
            } else {
                out.add(text);
            }
        }
        if (!unnamed.isEmpty()) {
            out.add(unnamed.size() == 1 ? unnamed.get(0)
                    : canonicalCheck(String.join(" and ", unnamed.stream().map(c -> "(" + c + ")").toList())));
        }
        return out;
    }

    private ColumnShape column(Column column, boolean inPrimaryKey, Dialect dialect) {
        String type = column.getSqlType(metadata);
        if (column.isIdentity() && !dialect.getIdentityColumnSupport().hasDataTypeInIdentityColumn()) {
            // SQLite: the identity clause replaces the type ("integer", the rowid alias)
            type = dialect.getIdentityColumnSupport().getIdentityColumnString(Types.BIGINT);
        }
        return new ColumnShape(canonicalType(type), column.isNullable() && !inPrimaryKey, column.isIdentity(),
                column.getDefaultValue(), column.getComment());
    }

    private SortedMap<String, String> foreignKeys(Table table) {
        SortedMap<String, String> out = SchemaShape.sortedMap();
        for (ForeignKey key : table.getForeignKeys().values()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
                continue;
            }
            List<Column> referenced = key.getReferencedColumns().isEmpty()
                    ? key.getReferencedTable().getPrimaryKey().getColumns()
                    : key.getReferencedColumns();
            String action = key.getOnDeleteAction() == null ? "NO_ACTION" : key.getOnDeleteAction().name();
            String body = foreignKeyBody(names(key.getColumns()), key.getReferencedTable().getName(),
                    names(referenced), action);
            out.put(body, explicit(key.getName()));
        }
        return out;
    }

    private SortedMap<String, String> indexes(Table table) {
        SortedMap<String, String> out = SchemaShape.sortedMap();
        for (Index index : table.getIndexes().values()) {
            if (index.isUnique()) {
                continue;
            }
            Map<Column, String> order = index.getColumnOrderMap();
            List<String> columns = new ArrayList<>();
            for (Column column : index.getColumns()) {
                String direction = order.get(column);
                columns.add(fold(column.getName())
                        + (direction != null && direction.trim().equalsIgnoreCase("desc") ? " desc" : ""));
            }
            out.put(indexBody(columns), explicit(index.getName()));
        }
        return out;
    }

    private static String explicit(String name) {
        return name == null || GENERATED_NAME.matcher(name).matches() ? null : name;
    }

    /** {@code (a, b) -> parent (x, y) on delete CASCADE}, pairs sorted by referencing column. */
    static String foreignKeyBody(List<String> columns, String referencedTable, List<String> referencedColumns,
                                 String onDelete) {
        SortedMap<String, String> pairs = SchemaShape.sortedMap();
        for (int i = 0; i < columns.size(); i++) {
            pairs.put(fold(columns.get(i)), i < referencedColumns.size() ? fold(referencedColumns.get(i)) : "?");
        }
        return "(" + String.join(", ", pairs.keySet()) + ") -> " + fold(referencedTable)
                + " (" + String.join(", ", pairs.values()) + ") on delete " + onDelete.toLowerCase().replace('_', ' ');
    }

    /** {@code (a, b desc)}: column order matters in an index. */
    static String indexBody(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    /** A sorted, case-folded column list in parentheses. */
    static String columnList(List<String> columns) {
        return "(" + String.join(", ", new TreeSet<>(columns.stream().map(SchemaShape::fold).toList())) + ")";
    }

    /**
     * Check text without outer parentheses, case or spacing differences, and with the values of
     * an {@code in (...)} list sorted (their order means nothing).
     */
    static String canonicalCheck(String expression) {
        String text = canonicalType(expression);
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1);
        }
        return sortedConjunction(IN_LIST.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                " in(" + String.join(",", new TreeSet<>(List.of(m.group(1).split(",")))) + ")")));
    }

    /**
     * The terms of a top-level {@code (a) and (b)} sorted: Hibernate joins a column's checks in the
     * order the validator lists its constraints (a hash order, {@code @Max} before {@code @Min} on
     * some attributes and not on others), which means nothing.
     */
    private static String sortedConjunction(String text) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted ^= c == '\'';
            depth += quoted ? 0 : c == '(' ? 1 : c == ')' ? -1 : 0;
            // only between parenthesised terms: "x between 0 and 2" is one term
            if (depth == 0 && !quoted && i > 0 && text.charAt(i - 1) == ')' && text.startsWith(" and", i)) {
                terms.add(text.substring(start, i).trim());
                start = i + 4;
            }
        }
        if (terms.isEmpty()) {
            return text;
        }
        terms.add(text.substring(start).trim());
        return String.join(" and ", new TreeSet<>(terms));
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::getName).toList();
    }

    private static List<String> sortedNames(List<Column> columns) {
        return columns.stream().map(c -> fold(c.getName())).sorted().toList();
    }
}
