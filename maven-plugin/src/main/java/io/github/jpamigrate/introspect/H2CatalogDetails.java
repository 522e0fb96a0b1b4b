package io.github.jpamigrate.introspect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2: every foreign key gets an index of its own, named after the key; and a default with
 * characters beyond ASCII is reported as a Unicode literal ({@code U&'\00fcber'}), which is read
 * back as the plain literal the migration wrote ({@code 'über'}).
 */
final class H2CatalogDetails implements CatalogDetails {

    private static final Pattern UNICODE_LITERAL = Pattern.compile("(?i)^U&('(?:[^']|'')*')$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\\\|\\+[0-9A-Fa-f]{6}|[0-9A-Fa-f]{4})");

    @Override
    public boolean indexesForeignKeys() {
        return true;
    }

    @Override
    public String defaultValue(String reported) {
        String value = CatalogDetails.super.defaultValue(reported);
        Matcher literal = value == null ? null : UNICODE_LITERAL.matcher(value);
        if (literal == null || !literal.matches()) {
            return value;
        }
        Matcher escape = ESCAPE.matcher(literal.group(1));
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            String code = escape.group(1);
            String decoded = code.equals("\\") ? "\\"
                    : new String(Character.toChars(Integer.parseInt(code.startsWith("+") ? code.substring(1) : code, 16)));
            escape.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        escape.appendTail(out);
        return out.toString();
    }
}
