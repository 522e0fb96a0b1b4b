package io.github.jpamigrate.plugin.replay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages and logs: a JDBC URL may carry one ({@code ?password=...},
 * {@code ;password=...}, {@code //user:secret@host}), and a driver's message may echo it.
 */
public final class JdbcSecrets {

    private static final String MASK = "***";
    private static final Pattern PARAMETER = Pattern.compile("(?i)([?&;:](?:password|pwd|passwd|sslpassword)=)([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*:)([^/@]*)(@)");

    private JdbcSecrets() {
    }

    /** The URL with every password it holds replaced by {@code ***}. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String out = PARAMETER.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USER_INFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    }

    /**
     * A text (typically a message that quotes a driver) with the URL's passwords and the given
     * password replaced by {@code ***} wherever they occur.
     */
    public static String redact(String text, String url, String password) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (url != null) {
            out = out.replace(url, redactUrl(url));
            Matcher parameters = PARAMETER.matcher(url);
            while (parameters.find()) {
                out = hide(out, parameters.group(2));
            }
            Matcher userInfo = USER_INFO.matcher(url);
            while (userInfo.find()) {
                out = hide(out, userInfo.group(2));
            }
        }
        return hide(out, password);
    }

    private static String hide(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, MASK);
    }
}
