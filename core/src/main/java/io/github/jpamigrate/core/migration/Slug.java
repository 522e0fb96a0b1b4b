package io.github.jpamigrate.core.migration;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The description part of a migration file name: lower case ASCII letters, digits and single
 * underscores, at most {@value #MAX_LENGTH} characters, from the user's message or from the
 * changes in words ({@code add customer phone} gives {@code add_customer_phone}; see {@code ChangeTitle}).
 */
public final class Slug {

    public static final int MAX_LENGTH = 60;

    private Slug() {
    }

    /**
     * The slug of a free text; {@code fallback} when nothing usable is left.
     */
    public static String of(String text, String fallback) {
        String ascii = Normalizer.normalize(text == null ? "" : text.replace("ß", "ss"), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("\\([^)]*\\)", " ")
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int cut = slug.lastIndexOf('_');
            if (cut > MAX_LENGTH / 2) {
                slug = slug.substring(0, cut);
            }
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
