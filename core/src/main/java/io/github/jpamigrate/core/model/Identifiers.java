package io.github.jpamigrate.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifier rules shared by every reader and renderer: how names compare, which need quoting,
 * and how constraint names are derived when the mapping gives none.
 *
 * <p>Names are kept as written. They compare case-insensitively because the dialects this tool
 * targets fold unquoted names (PostgreSQL to lower case, H2 to upper case) and MySQL/MariaDB
 * and SQLite compare table and column names without case on the platforms that matter.
 */
public final class Identifiers {

    /** Longest generated constraint name: fits PostgreSQL's 63 and MySQL's 64 bytes. */
    public static final int MAX_GENERATED_NAME = 60;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Words reserved in at least one supported dialect (SQL:2016, PostgreSQL, MySQL/MariaDB, H2,
     * SQLite) that are plausible table or column names. A name in this set is always quoted.
     */
    private static final Set<String> RESERVED = Set.of(
            "all", "alter", "and", "any", "array", "as", "asc", "between", "both", "by", "case", "cast",
            "check", "collate", "column", "constraint", "create", "cross", "current_date",
            "current_time", "current_timestamp", "current_user", "database", "day", "default", "delete",
            "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "grant", "group", "having", "hour", "if", "in", "index", "inner",
            "insert", "intersect", "interval", "into", "is", "join", "key", "leading", "left", "like",
            "limit", "localtime", "localtimestamp", "long", "longblob", "longtext", "match", "mediumblob",
            "mediumtext", "minus", "minute", "month", "natural", "not", "null",
            "of", "offset", "on", "or", "order", "outer", "partition", "primary", "qualify", "range",
            "references", "regexp", "rename", "right", "row", "rows", "second", "select", "session_user",
            "set", "some", "table", "then", "to", "top", "trailing", "true", "union", "unique",
            "update", "user", "using", "value", "values", "when", "where", "window", "with", "year");

    private Identifiers() {
    }

    /** Whether two names denote the same object once the database folds case. */
    public static boolean sameName(String a, String b) {
        return a == null ? b == null : b != null && key(a).equals(key(b));
    }

    /**
     * The case-folded form used as a map key when names are compared. Upper case first: H2 folds
     * an unquoted {@code größe} to {@code GRÖSSE}, which must still be the same name.
     */
    public static String key(String name) {
        return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** A word reserved in at least one supported dialect. */
    public static boolean isReserved(String name) {
        return RESERVED.contains(key(name));
    }

    /**
     * Whether a renderer must quote the name: reserved words and anything that is not a plain
     * letters-digits-underscore identifier (spaces, unicode, a leading digit).
     */
    public static boolean needsQuoting(String name) {
        return isReserved(name) || !PLAIN.matcher(name).matches();
    }

    /** Rejects a null or blank name with a message that says what the name was for. */
    public static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name is missing");
        }
        return name;
    }

    /** Stable name of a foreign key: {@code fk_<table>_<columns>}, shortened with a hash if long. */
    public static String foreignKeyName(String table, List<String> columns) {
        return derivedName("fk", table, columns);
    }

    /**
     * Name of a foreign key whose {@link #foreignKeyName(String, List) stable name} another key of the
     * schema also has (one column joining two tables): {@code fk_<table>_<columns>_<referenced table>}.
     */
    public static String foreignKeyName(String table, List<String> columns, String referencedTable) {
        List<String> parts = new java.util.ArrayList<>(columns);
        parts.add(referencedTable);
        return derivedName("fk", table, parts);
    }

    /** Stable name of a unique constraint: {@code uk_<table>_<columns>}. */
    public static String uniqueKeyName(String table, List<String> columns) {
        return derivedName("uk", table, columns);
    }

    /** Stable name of an index: {@code idx_<table>_<columns>}. */
    public static String indexName(String table, List<String> columns) {
        return derivedName("idx", table, columns);
    }

    /** Stable name of the check a renderer writes for an enum column: {@code ck_<table>_<column>}. */
    public static String checkName(String table, String column) {
        return derivedName("ck", table, List.of(column));
    }

    /** Stable name of the transient check that proves a column holds no NULL before it becomes NOT NULL: {@code nn_<table>_<column>}. */
    public static String notNullCheckName(String table, String column) {
        return derivedName("nn", table, List.of(column));
    }

    private static String derivedName(String prefix, String table, List<String> columns) {
        StringBuilder full = new StringBuilder(prefix).append('_').append(table);
        for (String column : columns) {
            full.append('_').append(column.replace(' ', '_'));
        }
        String name = full.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() <= MAX_GENERATED_NAME) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, 8);
        return name.substring(0, MAX_GENERATED_NAME - 9) + "_" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
