package io.github.jpamigrate.plugin.introspect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2: every foreign key gets an index of its own, named after the key; a default with characters
 * outside ASCII is reported as a Unicode literal ({@code U&'\00fcber'}).
 */
final class H2CatalogDetails implements CatalogDetails {

    /**
     * The name H2 gives the index it makes for a constraint: the constraint's name at the time,
     * {@code _INDEX_} and a hexadecimal number. Renaming the constraint later keeps the index name.
     */
    private static final Pattern CONSTRAINT_INDEX = Pattern.compile(".+_INDEX_[0-9A-F]+");

    private static final Pattern UNICODE_LITERAL = Pattern.compile("(?is)U&'((?:[^']|'')*)'");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\(\\\\|[0-9A-Fa-f]{4}|\\+[0-9A-Fa-f]{6})");

    @Override
    public boolean indexesForeignKeys() {
        return true;
    }

    @Override
    public boolean isConstraintIndexName(String index) {
        return CONSTRAINT_INDEX.matcher(index).matches();
    }

    /** {@code U&'\00fcn\00efcode'} as the plain literal {@code 'ünïcode'}; anything else as reported. */
    @Override
    public String defaultValue(String reported) {
        String value = CatalogDetails.super.defaultValue(reported);
        if (value == null) {
            return null;
        }
        Matcher literal = UNICODE_LITERAL.matcher(value);
        if (!literal.matches()) {
            return value;
        }
        Matcher escape = UNICODE_ESCAPE.matcher(literal.group(1));
        StringBuilder out = new StringBuilder("'");
        while (escape.find()) {
            String code = escape.group(1);
            String text = code.equals("\\") ? "\\" : new String(Character.toChars(Integer.parseInt(code.replace("+", ""), 16)));
            escape.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        escape.appendTail(out);
        return out.append("'").toString();
    }
}
