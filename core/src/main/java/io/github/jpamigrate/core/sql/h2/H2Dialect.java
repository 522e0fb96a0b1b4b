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

    /** SQL states 42000/42001 (syntax errors); 42S02/42S22, error codes 42102/42122 (table or column not found). */
    @Override
    public StatementFailure statementFailure(String sqlState, int vendorCode, String message) {
        if ("42000".equals(sqlState) || "42001".equals(sqlState)) {
            return StatementFailure.SYNTAX;
        }
        return "42S02".equals(sqlState) || "42S22".equals(sqlState) || vendorCode == 42102 || vendorCode == 42103
                || vendorCode == 42122 ? StatementFailure.UNDEFINED_OBJECT : StatementFailure.OTHER;
    }
}
