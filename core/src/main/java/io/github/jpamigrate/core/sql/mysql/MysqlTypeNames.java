package io.github.jpamigrate.core.sql.mysql;

import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.HibernateTypeNames;
import io.github.jpamigrate.core.sql.OrmLine;
import java.util.List;

/**
 * MySQL 8 and MariaDB type names as Hibernate's {@code MySQLDialect} and {@code MariaDBDialect}
 * write them. They differ only where MariaDB has a type MySQL lacks ({@code uuid} since 10.7).
 */
public final class MysqlTypeNames extends HibernateTypeNames {

    /** Longest {@code varchar(n)} Hibernate writes: 65,535 bytes over 4-byte utf8mb4 characters. */
    static final int MAX_VARCHAR = 16_383;
    static final int MAX_TEXT = 65_535;
    static final int MAX_MEDIUM = 16_777_215;
    /** Hibernate 6.6's length of the bytes of a serialized array: the default {@code @Column(length)}. */
    private static final int DEFAULT_ARRAY_LENGTH = 255;

    private final boolean mariaDb;
    private final int major;
    private final int minor;

    private MysqlTypeNames(boolean mariaDb, int major, int minor) {
        this.mariaDb = mariaDb;
        this.major = major;
        this.minor = minor;
    }

    /** MySQL 8.0 or later. */
    public static MysqlTypeNames mysql() {
        return new MysqlTypeNames(false, 8, 0);
    }

    /** MariaDB 10.11, the oldest long-term release that is still maintained. */
    public static MysqlTypeNames mariaDb() {
        return mariaDb(10, 11);
    }

    /** MariaDB of the given version; before 10.7 it has no {@code uuid} type. */
    public static MysqlTypeNames mariaDb(int major, int minor) {
        return new MysqlTypeNames(true, major, minor);
    }

    @Override
    protected String typeName(ColumnType type, OrmLine orm) {
        return switch (type.kind()) {
            case BOOLEAN -> "bit";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL, INTERVAL -> scaled("decimal", type);
            // the model's 24 is a Java float's single precision; Hibernate's MySQL dialect spells it 23
            case REAL -> type.precision() == 24 ? "float(23)" : precise("float", type);
            case DOUBLE -> precise("float", type);
            case CHAR -> sized(orm == OrmLine.HIBERNATE_6_6 ? "char" : "varchar", type);
            case VARCHAR -> text(type.length());
            case CLOB -> "longtext";
            case DATE -> "date";
            case TIME, TIME_TZ -> precise("time", type);
            // instants are normalised to UTC and kept in datetime, which MySQL never shifts by session time zone
            case TIMESTAMP, TIMESTAMP_TZ -> precise("datetime", type);
            case BINARY -> sized("binary", type);
            case VARBINARY -> binary(type.length());
            case BLOB -> "longblob";
            case UUID -> hasUuidType() ? "uuid" : "binary(16)";
            case JSON -> "json";
            case XML -> "longtext";
            case ARRAY -> arrayType(type.element(), orm);
            case NCHAR -> national(typeName(ColumnType.withLength(TypeKind.CHAR, type.length()), orm), orm);
            case NVARCHAR -> national(text(type.length()), orm);
            case NCLOB -> national("longtext", orm);
        };
    }

    /**
     * {@code @Nationalized}: MySQL names a Unicode character set (Hibernate 6.6 the old 3-byte
     * {@code utf8}, 7 {@code utf8mb4}); MariaDB's dialect leaves the column as it is.
     */
    private String national(String type, OrmLine orm) {
        if (mariaDb) {
            return type;
        }
        return type + " character set " + (orm == OrmLine.HIBERNATE_6_6 ? "utf8" : "utf8mb4");
    }

    /**
     * No arrays: Hibernate 7 writes an array as a JSON document, 6.6 as serialized bytes whose
     * length is the {@code @Column(length)} (which the model keeps on a string element).
     */
    private static String arrayType(ColumnType element, OrmLine orm) {
        if (orm != OrmLine.HIBERNATE_6_6) {
            return "json";
        }
        return binary(element.kind() == TypeKind.VARCHAR ? element.length() : DEFAULT_ARRAY_LENGTH);
    }

    @Override
    protected String namedEnumType(List<String> constants) {
        return enumOf(constants);
    }

    private boolean hasUuidType() {
        return mariaDb && (major > 10 || major == 10 && minor >= 7);
    }

    private static String text(int length) {
        if (length <= MAX_VARCHAR) {
            return "varchar(" + length + ")";
        }
        return length <= MAX_TEXT ? "text" : length <= MAX_MEDIUM ? "mediumtext" : "longtext";
    }

    private static String binary(int length) {
        if (length <= MAX_TEXT) {
            return "varbinary(" + length + ")";
        }
        return length <= MAX_MEDIUM ? "mediumblob" : "longblob";
    }
}
