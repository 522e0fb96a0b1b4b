package io.github.jpamigrate.core.sql.h2;

import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.MigrationRenderer;

import java.util.Optional;
import java.util.OptionalInt;

/** H2 2.x: embedded (in memory or a file), identifiers up to 256 characters, schema {@code PUBLIC}. */
public final class H2Dialect implements DialectFacts {

    public static final H2Dialect INSTANCE = new H2Dialect();

    private H2Dialect() {
    }

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public MigrationRenderer renderer() {
        return new H2Renderer();
    }

    @Override
    public ColumnTypeNames typeNames() {
        return new H2TypeNames();
    }

    @Override
    public OptionalInt identifierLimit() {
        return OptionalInt.of(256);
    }

    @Override
    public int maxVarcharLength() {
        return 1_048_576;
    }

    @Override
    public int maxVarbinaryLength() {
        return 1_048_576;
    }

    @Override
    public Optional<String> defaultSchema() {
        return Optional.of("public");
    }

    @Override
    public boolean embedded() {
        return true;
    }
}
