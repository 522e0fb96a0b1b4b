package io.github.jpamigrate.core.testing;

import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link SchemaModel} for a test: JPA naming, the Hibernate 7 line and producer {@code test}
 * unless the test says otherwise; {@link #from} starts from a model to edit.
 */
public final class ModelBuilder {

    private String naming = "jpa";
    private String orm = "hibernate-7";
    private String producer = "test";
    private List<Table> tables = new ArrayList<>();
    private List<Sequence> sequences = new ArrayList<>();
    private List<TableGenerator> generators = new ArrayList<>();
    private List<EnumType> enums = new ArrayList<>();

    private ModelBuilder() {
    }

    public static ModelBuilder model() {
        return new ModelBuilder();
    }

    /** A model of just these tables. */
    public static SchemaModel of(Table... tables) {
        return model().tables(List.of(tables)).build();
    }

    /** A builder holding everything {@code model} has, to change a part of it. */
    public static ModelBuilder from(SchemaModel model) {
        return model().naming(model.naming()).orm(model.orm()).producer(model.producer()).tables(model.tables())
                .sequences(model.sequences()).tableGenerators(model.tableGenerators()).enums(model.enums());
    }

    public ModelBuilder naming(String naming) {
        this.naming = naming;
        return this;
    }

    public ModelBuilder orm(String orm) {
        this.orm = orm;
        return this;
    }

    public ModelBuilder producer(String producer) {
        this.producer = producer;
        return this;
    }

    public ModelBuilder tables(List<Table> tables) {
        this.tables = new ArrayList<>(tables);
        return this;
    }

    public ModelBuilder table(Table table) {
        tables.add(table);
        return this;
    }

    public ModelBuilder table(TableBuilder table) {
        return table(table.build());
    }

    /** The named table as {@code edit} leaves it. */
    public ModelBuilder editTable(String name, UnaryOperator<TableBuilder> edit) {
        tables.replaceAll(t -> Identifiers.sameName(t.name(), name) ? edit.apply(TableBuilder.from(t)).build() : t);
        return this;
    }

    public ModelBuilder sequences(List<Sequence> sequences) {
        this.sequences = new ArrayList<>(sequences);
        return this;
    }

    public ModelBuilder sequence(Sequence sequence) {
        sequences.add(sequence);
        return this;
    }

    public ModelBuilder tableGenerators(List<TableGenerator> generators) {
        this.generators = new ArrayList<>(generators);
        return this;
    }

    public ModelBuilder enums(List<EnumType> enums) {
        this.enums = new ArrayList<>(enums);
        return this;
    }

    /** An enum with its constants in declaration order. */
    public ModelBuilder enumType(String javaType, String... constants) {
        enums.add(new EnumType(javaType, List.of(constants)));
        return this;
    }

    public SchemaModel build() {
        return new SchemaModel(naming, orm, producer, tables, sequences, generators, enums);
    }
}
