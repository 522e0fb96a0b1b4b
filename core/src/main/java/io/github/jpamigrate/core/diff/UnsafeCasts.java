package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides which type changes convert existing values by a cast that can fail
 * on a row, per database. A failing cast is worse than a narrowing: the migration stops at the
 * first row that does not convert, so it is refused before anything is written.
 */
final class UnsafeCasts {

    /** Kinds whose values are free text: a cast from them to a typed value parses every row. */
    private static final Set<TypeKind> TEXT = Set.of(TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.CLOB);

    /** Kinds a text value has to parse into; a row such as 'r1' does not. */
    private static final Set<TypeKind> PARSED = Set.of(TypeKind.BOOLEAN, TypeKind.TINYINT, TypeKind.SMALLINT,
            TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE, TypeKind.DATE,
            TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_TZ, TypeKind.TIME_TZ, TypeKind.INTERVAL,
            TypeKind.BINARY, TypeKind.VARBINARY, TypeKind.BLOB, TypeKind.UUID, TypeKind.JSON, TypeKind.XML,
            TypeKind.ARRAY);

    /** Kinds PostgreSQL stores as a large object: the column holds an {@code oid}, not the value. */
    private static final Set<TypeKind> POSTGRESQL_OID = Set.of(TypeKind.CLOB, TypeKind.BLOB);

    /** Between two large objects no value is parsed (PostgreSQL keeps the oid, the others the bytes). */
    private static final Set<TypeKind> LARGE_OBJECTS = POSTGRESQL_OID;

    static final String POSTGRESQL = "postgresql";

    private UnsafeCasts() {
    }

    /**
     * Why changing {@code from} to {@code to} can fail on an existing row on one of {@code dialects},
     * or empty when the cast is safe on all of them (widening, same kind, no value conversion).
     */
    static Optional<String> reason(ColumnType from, ColumnType to, Collection<String> dialects) {
        if (from.kind() == to.kind() || LARGE_OBJECTS.contains(from.kind()) && LARGE_OBJECTS.contains(to.kind())) {
            return Optional.empty();
        }
        if (dialects.contains(POSTGRESQL) && POSTGRESQL_OID.contains(to.kind()) && !POSTGRESQL_OID.contains(from.kind())) {
            return Optional.of("on PostgreSQL " + to.kind().jsonName() + " is a large object referenced by oid, and"
                    + " casting an existing " + from.kind().jsonName() + " value to oid fails (invalid input syntax for type oid)");
        }
        if (TEXT.contains(from.kind()) && PARSED.contains(to.kind())) {
            return Optional.of("every existing value must parse as " + to.kind().jsonName()
                    + ", and the first one that does not makes the migration fail");
        }
        return Optional.empty();
    }
}
