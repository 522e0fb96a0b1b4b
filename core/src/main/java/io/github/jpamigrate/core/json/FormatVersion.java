package io.github.jpamigrate.core.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code "format"} version of a descriptor, {@code major.minor}.
 *
 * <p>A minor version only adds optional fields, so a reader of the same major reads it and ignores
 * what it does not know. Anything else (a new required field, a new type or action name, a changed
 * meaning) is a new major version, which older readers refuse rather than misread.
 *
 * @param major incompatible revisions
 * @param minor compatible additions within a major
 */
public record FormatVersion(int major, int minor) {

    /** The version this build writes and fully understands. */
    public static final FormatVersion CURRENT = new FormatVersion(1, 0);

    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

    /**
     * Parses {@code major.minor}.
     *
     * @return the version, or null when the text is not of that form
     */
    public static FormatVersion parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return new FormatVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether a reader of {@link #CURRENT} can read a descriptor of this version. */
    public boolean readable() {
        return major == CURRENT.major;
    }

    /** A readable version newer than {@link #CURRENT}: fields this reader does not know are skipped. */
    public boolean newerMinor() {
        return readable() && minor > CURRENT.minor;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
