package io.github.jpamigrate.core.json;

/** A descriptor that cannot be read: the message names the source and, where known, the position. */
public class DescriptorException extends RuntimeException {

    /** The generic way out that ends most messages; callers that know what the file is may say better. */
    public static final String FIX = "Fix the file, restore it from git, or regenerate it with mvn compile.";

    private final boolean newerFormat;

    public DescriptorException(String message) {
        this(message, null, false);
    }

    public DescriptorException(String message, Throwable cause) {
        this(message, cause, false);
    }

    DescriptorException(String message, Throwable cause, boolean newerFormat) {
        super(message, cause);
        this.newerFormat = newerFormat;
    }

    /** Whether a newer JPA Migrate wrote the file (a newer major format): upgrading is the fix, not editing. */
    public boolean newerFormat() {
        return newerFormat;
    }

    /** The message without the generic {@link #FIX}: where and what, for a caller that adds its own fix. */
    public String problem() {
        String message = getMessage();
        return message.endsWith(" " + FIX) ? message.substring(0, message.length() - FIX.length() - 1) : message;
    }
}
